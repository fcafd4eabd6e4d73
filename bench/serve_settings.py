"""Production settings with the bench URLconf (bench/serve_urls.py): bench/serve_bench.py only."""

from lontar.config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.serve_urls"
