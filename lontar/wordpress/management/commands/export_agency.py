"""`lontar export_agency AGENCY DIR`: everything public of an agency, readable elsewhere."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.models import Agency
from lontar.wordpress.export import export_agency
from lontar.wordpress.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Write an agency's public pages and articles (HTML and JSON), media with metadata, "
        "regulations with files, datasets, FAQ, podcast episodes, agenda and a WXR of its news."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("agency", help="The agency's slug or short name.")
        parser.add_argument("directory", type=Path)

    def handle(self, *args, **options) -> None:
        key = options["agency"]
        agency = (
            Agency.objects.filter(slug=key).first()
            or Agency.objects.filter(short_name__iexact=key).first()
        )
        if agency is None or agency.site_id is None:
            raise CommandError(f"Instansi tidak dikenal atau belum punya situs: {key}")
        counts = export_agency(agency, options["directory"], ProgressBar(self.stderr))
        for name, count in counts.items():
            self.stdout.write(f"{name}: {count}")
