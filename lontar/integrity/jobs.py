"""The daily integrity scan (run by `lontar worker`; T-SEO-2/3/4)."""

from __future__ import annotations

from datetime import timedelta

from lontar.core.schedule import periodic
from lontar.integrity.services import run_scan


@periodic(every=timedelta(days=1))
def scan_integrity() -> None:
    run_scan()
