"""`lontar restore SRC`: a backup made by `lontar backup` into this installation's (empty)
database and media and private directories, verified before and after."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lontar.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = "Restore a backup directory into the configured (empty) database and file storages."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("source", type=Path)
        parser.add_argument(
            "--force",
            action="store_true",
            help="Restore over a database or directories that are not empty (stop the portal "
            "and the worker first).",
        )
        parser.add_argument(
            "--skip-key-check",
            action="store_true",
            help="Restore although LONTAR_PII_KEY is not the backup's key (NIKs will not decrypt).",
        )

    def handle(
        self, *args: object, source: Path, force: bool, skip_key_check: bool, **options: object
    ) -> None:
        try:
            report = restore_backup(source, force=force, check_key=not skip_key_check)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored in {report.seconds} s: {report.rows} rows in {report.tables} tables and "
            f"{report.files} files ({report.bytes} bytes), all matching the manifest. "
            "Now run `lontar migrate` and the checks in docs/operations.md."
        )
