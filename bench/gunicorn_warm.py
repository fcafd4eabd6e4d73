"""gunicorn settings for the harnesses: warm the preloaded app in the master before forking.

With --preload the code is imported once, but Django still builds its URL resolver and loads
templates on a worker's first request; a worker that is SIGKILLed every few seconds would spend
its life warming up. One request per page kind in the master makes every fork start warm. The
database connections that warm-up opened are closed before the fork: a child must never share
its parent's connection.
"""

WARM_PATHS = ["/", "/ppid/permohonan/baru/", "/berita/", "/regulasi/", "/cari/?q=pelayanan"]


def when_ready(server) -> None:
    from django.db import connections
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    for path in WARM_PATHS:
        try:
            client.get(path)
        except Exception as error:  # a warm-up failure must not stop the server
            server.log.warning("warm-up of %s failed: %s", path, error)
    connections.close_all()
