"""Test settings: the real settings module, with only what tests must not share changed."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-secret-key-not-for-production")
os.environ.setdefault("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1,testserver")
os.environ.setdefault("LONTAR_HTTPS", "0")
os.environ.setdefault("LONTAR_VAR_DIR", tempfile.mkdtemp(prefix="lontar-test-var-"))
# Production refuses to start without these; the test run is a production configuration.
os.environ.setdefault("EMAIL_URL", "smtp://localhost:25")
os.environ.setdefault("LONTAR_BASE_URL", "http://testserver")
# The tracking key the codes of older test data were hashed with (SECRET_KEY itself).
os.environ.setdefault("LONTAR_TRACKING_KEY", os.environ["SECRET_KEY"])
os.environ.setdefault("LONTAR_PII_KEY", "dGVzdC1waWkta2V5LW5vdC1mb3ItcHJvZHVjdGlvbiE=")

from lontar.config.settings import *  # noqa: F403
from lontar.config.settings import STORAGES, VAR_DIR

TESTING = True
(VAR_DIR / "static").mkdir(parents=True, exist_ok=True)
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests read `mail.outbox` directly; the outbox, when a test switches it on, delivers with
# whatever EMAIL_BACKEND the test sets (an in-process SMTP server, say).
OUTBOX_EMAIL_BACKEND = ""
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    **STORAGES,
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "private", "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
LONTAR_PAGE_CACHE_SECONDS = 0  # tests that check the page cache turn it on
