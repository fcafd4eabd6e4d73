"""The platform's own periodic jobs; apps keep theirs in their own `jobs.py`."""

from datetime import timedelta

from django.core.management import call_command

from lontar.core import bookmarks, dbstats, idempotency, orphans, outbox
from lontar.core.schedule import periodic


@periodic(every=timedelta(minutes=1))
def publish_scheduled_pages() -> None:
    """Pages and snippets an editor scheduled go live (and expire) on time."""
    call_command("publish_scheduled", verbosity=0)


@periodic(every=timedelta(minutes=1))
def deliver_outbox() -> None:
    """Send the e-mails waiting in the outbox (decision 0015); failures wait and try again."""
    outbox.deliver_due()


@periodic(every=timedelta(days=1))
def purge_outbox() -> None:
    """Delivered e-mails keep their text (personal data) a week, their row a year."""
    outbox.purge()


@periodic(every=timedelta(hours=6))
def purge_submission_keys() -> None:
    """Idempotency keys older than a week go: a retried POST comes within minutes."""
    idempotency.purge()


@periodic(every=timedelta(hours=6))
def sweep_orphan_files() -> None:
    """Files a crash left in private storage, named by no row, are deleted (issue 19)."""
    orphans.sweep()


@periodic(every=timedelta(days=1))
def analyze_database() -> None:
    """The query planner's statistics follow the data as it grows (issue 22; core/dbstats.py)."""
    dbstats.analyze()


@periodic(every=timedelta(days=1))
def rebuild_list_bookmarks() -> None:
    """The long lists' stored counts and deep-page bookmarks, read afresh (core/bookmarks.py):
    they are kept on every change; this mends what a bulk load or `update()` left behind."""
    bookmarks.rebuild_all()
