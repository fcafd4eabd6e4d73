"""gunicorn settings for production (`make serve`, deploy/): everything from the environment.

    gunicorn -c python:lontar.config.gunicorn lontar.config.wsgi

WEB_BIND            where to listen (127.0.0.1:8000; nginx stands in front)
WEB_CONCURRENCY     worker processes (default: the number of cores)
WEB_THREADS         threads per worker (default 4): page rendering waits on the database and
                    Redis often enough that a few threads keep the cores busy
WEB_TIMEOUT         seconds before a stuck worker is replaced (30)
WEB_MAX_REQUESTS    requests before a worker is recycled (50000, with 10% jitter), which bounds
                    the memory a long-lived process can gather. Measured under wrk (bench/
                    serve_bench.py): at 5000 a worker was recycled every few seconds at cached
                    rates, each recycle idling it for seconds, and the cached rate halved; the
                    workers' RSS stayed at ~190 MB with recycling off, so a large bound is safe
WEB_ACCESS_LOG      1 to log each request to stderr (off: nginx keeps the access log, and the
                    query strings of tracking links do not belong in two logs)

The app is preloaded once in the master, warmed with one request per page kind, and forked:
each worker starts with URL resolvers, templates and translations ready. Each worker then
counts pending migrations once, so `/healthz` never loads the migration graph per probe.
"""

from __future__ import annotations

import os

from lontar.config.env import env_bool, env_int, env_str

bind = env_str("WEB_BIND", "127.0.0.1:8000")
workers = env_int("WEB_CONCURRENCY", os.cpu_count() or 2)
threads = env_int("WEB_THREADS", 4)
worker_class = "gthread" if threads > 1 else "sync"
timeout = env_int("WEB_TIMEOUT", 30)
graceful_timeout = 20
keepalive = 5
max_requests = env_int("WEB_MAX_REQUESTS", 50000)
max_requests_jitter = max_requests // 10
preload_app = True
accesslog = "-" if env_bool("WEB_ACCESS_LOG", False) else None
# The path only (%(U)s), never the query string: it carries search words and tracking codes.
access_log_format = '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(L)s'
errorlog = "-"
# nginx on the same machine sets X-Forwarded-For/Proto; Django reads them (settings.py).
forwarded_allow_ips = env_str("WEB_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
proc_name = "lontar-web"

WARM_PATHS = ["/", "/berita/", "/regulasi/", "/ppid/register/"]


def when_ready(server) -> None:
    """Warm the preloaded app in the master, then close what the warm-up opened."""
    from django.conf import settings
    from django.db import connections
    from django.test import Client

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
    client = Client(HTTP_HOST=host, headers={"x-forwarded-proto": "https"})
    for path in WARM_PATHS:
        try:
            client.get(path)
        except Exception as error:  # a warm-up failure must not stop the server
            server.log.warning("warm-up of %s failed: %s", path, type(error).__name__)
    # Counted once here, the workers inherit the count with the fork: a recycled worker is
    # serving again without loading the migration graph.
    from lontar.core import health

    try:
        health.count_pending_migrations()
    except Exception as error:  # the database may be down now; each worker tries again
        server.log.warning("migration check failed: %s", type(error).__name__)
    # A child must never share its parent's database connection.
    connections.close_all()


def post_worker_init(worker) -> None:
    from django.db import connections

    from lontar.core import health

    if health.migration_state_known():
        return
    try:
        health.count_pending_migrations()
    except Exception as error:  # the database may be down now; the first probe counts then
        worker.log.warning("migration check failed: %s", type(error).__name__)
    connections.close_all()
