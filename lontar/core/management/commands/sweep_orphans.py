"""`lontar sweep_orphans [--dry-run]`: delete private files no row names (lontar.core.orphans)."""

from __future__ import annotations

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandParser

from lontar.core import orphans


class Command(BaseCommand):
    help = "Hapus berkas privat yang tidak dirujuk baris mana pun dan lebih tua dari masa tenggang."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="Hitung saja, jangan hapus.")
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=int(orphans.GRACE.total_seconds() // 60),
            help="Berkas lebih muda dari ini tidak pernah dihapus (bawaan 60).",
        )

    def handle(self, *args, dry_run: bool = False, grace_minutes: int = 60, **options) -> None:
        result = orphans.sweep(grace=timedelta(minutes=max(grace_minutes, 0)), dry_run=dry_run)
        verb = "akan dihapus" if dry_run else "dihapus"
        self.stdout.write(
            f"{result.examined} berkas diperiksa, {result.orphaned} yatim, "
            f"{result.deleted if not dry_run else result.orphaned} {verb}."
        )
