"""`lontar rename_agency`: new name and short name everywhere people read them; URLs stay."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.lifecycle import rename_agency
from lontar.agencies.models import Agency
from lontar.agencies.onboarding import OnboardingError


class Command(BaseCommand):
    help = (
        "Rename an agency: its name, short name, site name, home page title, role groups and "
        "workflow. The slug, public base URL and every page address stay the same."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="the agency's slug (unchanged)")
        parser.add_argument("--name", default="", help="new full name (default: unchanged)")
        parser.add_argument("--short-name", default="", help="new short name (default: unchanged)")

    def handle(self, *args, **options) -> None:
        agency = Agency.objects.filter(slug=options["slug"]).first()
        if agency is None:
            raise CommandError(f"No agency with slug {options['slug']!r}.")
        try:
            agency = rename_agency(
                agency,
                name=options["name"] or agency.name,
                short_name=options["short_name"] or agency.short_name,
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Renamed to {agency.name} ({agency.short_name}) at {agency.base_url}")
