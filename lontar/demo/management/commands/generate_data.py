import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lontar.agencies.models import Agency
from lontar.demo.generate import FULL_SIZE, generate

COUNTS = ("articles", "regulations", "requests", "questions", "objections", "datasets")
DEFAULTS = {"articles": 1000, "regulations": 200}


def _count(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 10_000_000:
        raise ValueError(value)
    return number


def _scale(value: str) -> float:
    number = float(value)
    if not 0 < number <= 10:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate a large data set for benchmarks with bulk inserts: agencies (each with a "
        "site and news index), published news articles, regulations, information requests "
        "(with events and notices), objections, questions and datasets. `--scale 1` is the "
        "issue 22 data set (100,000 articles, 5,000 regulations, 200,000 requests, 20,000 "
        "questions); `--scale 0.2` a fifth of it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agencies", type=_count, default=5)
        for name in COUNTS:
            parser.add_argument(f"--{name}", type=_count, default=None)
        parser.add_argument(
            "--scale",
            type=_scale,
            default=None,
            help="Counts not given are this factor times the issue 22 data set.",
        )
        parser.add_argument(
            "--agency",
            default="",
            help="Slug of an existing agency that receives everything (no new agencies).",
        )
        parser.add_argument("--seed", type=int, default=14)
        parser.add_argument(
            "--force", action="store_true", help="Generate even when LONTAR_DEBUG is off."
        )

    def handle(self, *args, agencies, scale, agency, seed, force, **options):
        # Thousands of invented articles on a real portal would be published at once.
        if not (settings.DEBUG or getattr(settings, "TESTING", False) or force):
            raise CommandError("Generated data is fake; use LONTAR_DEBUG=1 or --force.")
        counts = {}
        for name in COUNTS:
            given = options[name]
            if given is None:
                given = round(FULL_SIZE[name] * scale) if scale else DEFAULTS.get(name, 0)
            counts[name] = given
        into = None
        if agency:
            into = Agency.objects.exclude(site=None).filter(slug=agency).first()
            if into is None:
                raise CommandError(f"No agency with a site has the slug {agency!r}.")
        started = time.monotonic()
        result = generate(agencies=agencies, into=into, seed=seed, say=self.stdout.write, **counts)
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.agencies} agencies, {result.articles} articles, "
                f"{result.regulations} regulations, {result.requests} requests, "
                f"{result.objections} objections, {result.questions} questions, "
                f"{result.datasets} datasets in {time.monotonic() - started:.1f} s. "
                "Run `lontar update_index` to make the articles searchable."
            )
        )
