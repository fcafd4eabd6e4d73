"""`lontar retire_agency`: the site becomes read-only and the agency's staff are deactivated."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.lifecycle import reopen_agency, retire_agency
from lontar.agencies.models import Agency
from lontar.agencies.onboarding import OnboardingError


class Command(BaseCommand):
    help = (
        "Retire an agency: its pages stay readable at the same addresses, every public form and "
        "the staff login on its host close, and its staff accounts are deactivated (their "
        "sessions end at once). --reopen takes the site back into service."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug")
        parser.add_argument("--successor-url", default="", help="where citizens go instead")
        parser.add_argument("--note", default="", help="one or two sentences for citizens")
        parser.add_argument("--reopen", action="store_true", help="undo the retirement")

    def handle(self, *args, **options) -> None:
        agency = Agency.objects.filter(slug=options["slug"]).first()
        if agency is None:
            raise CommandError(f"No agency with slug {options['slug']!r}.")
        if options["reopen"]:
            reopen_agency(agency)
            self.stdout.write(f"Reopened {agency.name}; re-activate its staff one by one.")
            return
        try:
            retired = retire_agency(
                agency, successor_url=options["successor_url"], note=options["note"]
            )
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Retired {agency.name}: read-only from now, {retired.deactivated} staff deactivated"
        )
