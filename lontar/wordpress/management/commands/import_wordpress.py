"""`lontar import_wordpress AGENCY FILE.xml`: move an agency's WordPress site into Lontar."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.models import Agency
from lontar.core.audit import Actor
from lontar.wordpress import services
from lontar.wordpress.importer import Options
from lontar.wordpress.progress import ProgressBar
from lontar.wordpress.wxr import WXRError


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1/1.2) into an agency: posts → news, pages → pages, "
        "attachments → media, old permalinks → permanent redirects. Safe to run again."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("agency", help="The agency's slug or short name.")
        parser.add_argument("file", type=Path, help="The WXR file from WordPress's Tools → Export.")
        media = parser.add_mutually_exclusive_group()
        media.add_argument(
            "--media-dir", type=Path, help="A copy of the old site's wp-content/uploads folder."
        )
        media.add_argument(
            "--fetch-media", action="store_true", help="Download attachments from the old site."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument("--quiet-report", action="store_true", help="Counts only.")

    def handle(self, *args, **options) -> None:
        key = options["agency"]
        agency = (
            Agency.objects.filter(slug=key).first()
            or Agency.objects.filter(short_name__iexact=key).first()
        )
        if agency is None:
            raise CommandError(f"Instansi tidak dikenal: {key}")
        if options["media_dir"] is not None and not options["media_dir"].is_dir():
            raise CommandError(f"Folder media tidak ada: {options['media_dir']}")
        run_options = Options(
            dry_run=options["dry_run"],
            media_dir=options["media_dir"],
            fetch_media=options["fetch_media"],
            progress=ProgressBar(self.stderr),
        )
        try:
            report = services.import_file(
                agency, options["file"], run_options, actor=Actor.system()
            )
        except (WXRError, OSError, ValueError) as exc:
            raise CommandError(str(exc)) from exc
        lines = report.lines()
        if options["quiet_report"]:
            lines = lines[: len(report.summary_rows()) + 2]
        for line in lines:
            self.stdout.write(line)
