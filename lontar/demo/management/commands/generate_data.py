import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lontar.demo.generate import generate


def _count(value: str) -> int:
    number = int(value)
    if not 0 <= number <= 10_000_000:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Generate a large data set for benchmarks with bulk inserts: agencies (each with a "
        "site and news index), published news articles and regulations."
    )

    def add_arguments(self, parser):
        parser.add_argument("--agencies", type=_count, default=5)
        parser.add_argument("--articles", type=_count, default=1000)
        parser.add_argument("--regulations", type=_count, default=200)
        parser.add_argument("--seed", type=int, default=14)
        parser.add_argument(
            "--force", action="store_true", help="Generate even when LONTAR_DEBUG is off."
        )

    def handle(self, *args, agencies, articles, regulations, seed, force, **options):
        # Thousands of invented articles on a real portal would be published at once.
        if not (settings.DEBUG or getattr(settings, "TESTING", False) or force):
            raise CommandError("Generated data is fake; use LONTAR_DEBUG=1 or --force.")
        started = time.monotonic()
        result = generate(
            agencies=agencies,
            articles=articles,
            regulations=regulations,
            seed=seed,
            say=self.stdout.write,
        )
        self.stdout.write(
            self.style.SUCCESS(
                f"{result.agencies} agencies, {result.articles} articles, "
                f"{result.regulations} regulations in {time.monotonic() - started:.1f} s. "
                "Run `lontar update_index` to make the articles searchable."
            )
        )
