import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lontar.config.settings")
application = get_wsgi_application()

# Production refuses to serve while an agency has no public base URL: every sitemap, feed and
# e-mail link would point nowhere (lontar/core/public_urls.py).
from lontar.core.public_urls import verify_at_startup  # noqa: E402

verify_at_startup()
