"""`lontar backup DEST`: the database, media and private files, and a manifest, into DEST.

`lontar backup --keys FILE` writes the key material instead, to a file kept apart.
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from lontar.operations.backup import BackupError, create_backup, write_key_file


class Command(BaseCommand):
    help = "Back up the database and files into DEST (a new or empty directory)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("dest", type=Path)
        parser.add_argument(
            "--keys",
            action="store_true",
            help="Write only the key material (SECRET_KEY, LONTAR_PII_KEY, LONTAR_TRACKING_KEY) "
            "to the new file DEST; keep it apart from the data backups.",
        )

    def handle(self, *args: object, dest: Path, keys: bool, **options: object) -> None:
        try:
            if keys:
                written = write_key_file(dest)
                self.stdout.write(f"Keys written to {written} (mode 600). Keep it apart.")
                return
            manifest = create_backup(dest)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        database = manifest["database"]
        files = manifest["files"]
        self.stdout.write(
            f"Backup written to {dest} in {manifest['seconds']} s: {database['vendor']} "
            f"database {database['size']} bytes, {sum(database['tables'].values())} rows in "
            f"{len(database['tables'])} tables; {len(files)} files, "
            f"{sum(entry['size'] for entry in files.values())} bytes."
        )
        for part, state in manifest["stores"].items():
            if state != "included":
                self.stderr.write(f"{part}: {state}")
        self.stdout.write("The keys are not in it; see `lontar backup --keys`.")
