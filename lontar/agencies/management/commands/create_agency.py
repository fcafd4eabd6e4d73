"""`lontar create_agency`: onboard an agency (site, pages, groups, workflow, first admin)."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.models import Agency
from lontar.agencies.onboarding import NewAgency, OnboardingError, create_agency


class Command(BaseCommand):
    help = (
        "Create an agency with its site on its public base URL, default pages, media "
        "collection, role groups and moderation workflow, and invite its first Admin Agency. "
        "Running it again with the same slug completes what is missing and changes nothing else."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("slug", help="e.g. dinas-kesehatan")
        parser.add_argument("--name", required=True, help="full name of the agency")
        parser.add_argument("--short-name", required=True, help="e.g. DINKES")
        parser.add_argument(
            "--base-url", required=True, help="public base URL, e.g. https://dinkes.example.go.id"
        )
        parser.add_argument("--kind", default=Agency.Kind.OPD, choices=Agency.Kind.values)
        parser.add_argument("--parent", default="", help="slug of the parent agency")
        parser.add_argument("--time-zone", default="Asia/Makassar")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--admin-email", default="", help="invite this Admin Agency")
        parser.add_argument("--admin-name", default="")
        parser.add_argument(
            "--site-hostname", default="", help="host name the site answers to, if not public"
        )

    def handle(self, *args, **options) -> None:
        parent = None
        if options["parent"]:
            parent = Agency.objects.filter(slug=options["parent"]).first()
            if parent is None:
                raise CommandError(f"No agency with slug {options['parent']!r}.")
        spec = NewAgency(
            name=options["name"],
            short_name=options["short_name"],
            slug=options["slug"],
            public_base_url=options["base_url"],
            kind=options["kind"],
            parent=parent,
            time_zone=options["time_zone"],
            email=options["email"],
            phone=options["phone"],
            admin_email=options["admin_email"],
            admin_name=options["admin_name"],
            site_hostname=options["site_hostname"],
        )
        try:
            onboarded = create_agency(spec)
        except OnboardingError as error:
            raise CommandError(str(error)) from error
        agency = onboarded.agency
        verb = "Created" if onboarded.created else "Completed"
        self.stdout.write(f"{verb} {agency.name} ({agency.slug}) at {agency.base_url}")
        if onboarded.invited is not None:
            self.stdout.write(f"Invitation sent to {onboarded.invited.email}")
