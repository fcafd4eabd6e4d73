"""The nightly backup, run by `lontar worker` when LONTAR_BACKUP_DIR is set."""

from __future__ import annotations

import logging
from datetime import timedelta
from pathlib import Path

from django.conf import settings

from lontar.core.schedule import periodic
from lontar.operations.backup import scheduled_backup

logger = logging.getLogger("lontar.worker")


@periodic(every=timedelta(days=1))
def nightly_backup() -> Path | None:
    """A backup into LONTAR_BACKUP_DIR, keeping the newest LONTAR_BACKUP_KEEP."""
    if not settings.LONTAR_BACKUP_DIR:
        return None
    dest = scheduled_backup(Path(settings.LONTAR_BACKUP_DIR), settings.LONTAR_BACKUP_KEEP)
    logger.info("backup written: %s", dest)
    return dest
