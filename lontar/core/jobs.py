"""The platform's own periodic jobs; apps keep theirs in their own `jobs.py`."""

from datetime import timedelta

from django.core.management import call_command

from lontar.core import orphans
from lontar.core.schedule import periodic


@periodic(every=timedelta(minutes=1))
def publish_scheduled_pages() -> None:
    """Pages and snippets an editor scheduled go live (and expire) on time."""
    call_command("publish_scheduled", verbosity=0)


@periodic(every=timedelta(hours=6))
def sweep_orphan_files() -> None:
    """Files a crash left in private storage, named by no row, are deleted (issue 19)."""
    orphans.sweep()
