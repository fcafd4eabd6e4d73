"""The statistics' periodic job: stale stored year figures are recounted ahead of visitors."""

from datetime import timedelta

from lontar.core.schedule import periodic
from lontar.ppidstats import snapshots


@periodic(every=timedelta(minutes=1))
def refresh_statistics() -> None:
    """Year figures whose requests or objections changed are counted again (issue 22)."""
    snapshots.refresh_stale()
