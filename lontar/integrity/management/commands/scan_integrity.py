"""`lontar scan_integrity`: look for judi-online spam, hidden links, cloaking and changed code."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from lontar.integrity.models import Finding
from lontar.integrity.services import CHECKS, run_scan


class Command(BaseCommand):
    help = (
        "Scan pages, documents, images, redirects, rendered pages (cloaking, unpublished pages) "
        "and code against its manifest; store findings and e-mail platform admins about new ones."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--only",
            action="append",
            choices=CHECKS,
            help="Run only this check (repeatable); a partial scan closes no finding.",
        )
        parser.add_argument("--no-mail", action="store_true", help="Do not e-mail anyone.")
        parser.add_argument(
            "--fail-on-findings",
            action="store_true",
            help="Exit with status 1 when any finding is open (for CI on fixtures).",
        )

    def handle(self, *args, **options) -> None:
        result = run_scan(options["only"] or CHECKS, notify=not options["no_mail"])
        self.stdout.write(
            f"{result.seen} temuan terlihat, {len(result.opened)} baru, {result.resolved} selesai "
            f"(detik: {result.seconds})"
        )
        for finding in result.opened:
            self.stdout.write(f"  + {finding.kind}: {finding.object_repr} — {finding.location}")
        if (
            options["fail_on_findings"]
            and Finding.objects.filter(resolved_at__isnull=True).exists()
        ):
            raise CommandError("open integrity findings")
