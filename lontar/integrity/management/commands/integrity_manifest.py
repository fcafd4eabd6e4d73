"""`lontar integrity_manifest`: record the hashes of the installed code (run at deploy)."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand

from lontar.integrity.manifest import write_manifest


class Command(BaseCommand):
    help = (
        "Hash Lontar's code, templates and static files (and installed apps' templates) into a "
        "signed manifest under var/, for `lontar scan_integrity` to compare against."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--output", type=Path, help="Where to write (default: var/).")

    def handle(self, *args, **options) -> None:
        path, count = write_manifest(options["output"])
        self.stdout.write(f"{count} berkas dicatat di {path}")
