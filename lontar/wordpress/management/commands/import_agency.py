"""`lontar import_agency AGENCY DIR`: load a folder written by `export_agency` into an agency."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.models import Agency
from lontar.core.audit import Actor
from lontar.wordpress.agency_import import BundleError, import_agency
from lontar.wordpress.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Load an agency export (pages, news, media, regulations, datasets, FAQ, podcast, "
        "agenda) into an agency of this installation. Safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("agency", help="The agency's slug or short name.")
        parser.add_argument("directory", type=Path, help="A folder written by export_agency.")

    def handle(self, *args, **options) -> None:
        key = options["agency"]
        agency = (
            Agency.objects.filter(slug=key).first()
            or Agency.objects.filter(short_name__iexact=key).first()
        )
        if agency is None:
            raise CommandError(f"Instansi tidak dikenal: {key}")
        if not options["directory"].is_dir():
            raise CommandError(f"Folder tidak ada: {options['directory']}")
        try:
            bundle = import_agency(
                agency,
                options["directory"],
                actor=Actor.system(),
                progress=ProgressBar(self.stderr),
            )
        except (BundleError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        for name, count in bundle.counts.items():
            self.stdout.write(f"{name}: {count}")
        for problem in bundle.problems:
            self.stdout.write(f"- {problem}")
