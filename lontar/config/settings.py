"""Lontar's one settings module.

Every deployment choice is an environment variable (documented in `.env.example`). The defaults
give a working development portal with nothing else installed: SQLite under `var/`, local
media, a local-memory cache, a database-backed task queue and e-mail printed to the console.
Production switches each part on by setting a variable, never by editing this file.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from lontar.config.env import env_bool, env_int, env_list, env_str
from lontar.config.production import (
    FERNET_KEY_HELP,
    delivering_email_backend,
    fernet_key,
    origin_of,
    public_base_url,
)
from lontar.config.secret import development_secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent
VAR_DIR = Path(env_str("LONTAR_VAR_DIR", str(BASE_DIR / "var"))).resolve()

DEBUG = env_bool("LONTAR_DEBUG", False)
# Set by the test settings; never by an operator.
TESTING = False

# --- Secrets and hosts -------------------------------------------------------------------------
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. In production set SECRET_KEY (or SECRET_KEY_FILE) to a long "
            "random string; for local development set LONTAR_DEBUG=1 and one is generated in var/."
        )
    SECRET_KEY = development_secret_key(VAR_DIR)

# *.localhost names resolve to this machine without editing any file, so the demo agencies can
# each have their own host name in development.
ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", ["localhost", ".localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is empty. List the portal's host names, comma-separated, e.g. "
        "ALLOWED_HOSTS=bkd.example.go.id,ppid.example.go.id"
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Applications -------------------------------------------------------------------------------
INSTALLED_APPS = [
    # Lontar's own apps come first so their templates override Wagtail's where they overlap.
    "lontar.core",
    "lontar.agencies",
    "lontar.pages",
    "lontar.search",
    "lontar.news",
    "lontar.ppid",
    "lontar.survey",
    "lontar.regulations",
    "lontar.qna",
    "lontar.podcast",
    "lontar.opendata",
    "lontar.programs",
    "lontar.demo",
    "lontar.accounts",
    "lontar.integrity",
    "lontar.operations",
    "lontar.wordpress",
    "lontar.objections",
    "lontar.infolist",
    "lontar.ppidstats",
    "lontar.annualreport",
    "lontar.monev",
    "lontar.province",
    "lontar.newsroom",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outside everything that reads the database: an anonymous public read may use the read
    # replica (removes itself without DATABASE_REPLICA_URL; lontar/core/replica.py).
    "lontar.core.replica.ReplicaRoutingMiddleware",
    # Outside everything that builds a response, so they see the final X-Frame-Options and path.
    "lontar.core.headers.ContentSecurityPolicyMiddleware",
    "lontar.core.headers.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "lontar.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Anonymous pages for a second (decision 0019); after CSRF, before what builds the page.
    "lontar.core.pagecache.AnonymousPageCacheMiddleware",
    # What renders reads the content version once and finds the site in the cache (issue 14).
    "lontar.core.content_version.RequestMemoMiddleware",
    "lontar.pages.routing.CachedSiteMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "lontar.accounts.middleware.StaffSessionMiddleware",
    # After authentication: a platform admin signed in on a retired host may still reopen it.
    "lontar.core.retirement.RetiredSiteMiddleware",
    "lontar.core.robots.RobotsTagMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # WordPress's `/?p=123` lands on the home page (200), which Wagtail's middleware ignores.
    "lontar.wordpress.permalinks.LegacyQueryRedirectMiddleware",
    "lontar.core.params.InvalidParameterMiddleware",
    # A lost database in a view answers a friendly 503 (lontar/core/faults.py).
    "lontar.core.faults.DatabaseUnavailableMiddleware",
    # Last, so it turns a locked-out login into the lockout page whatever the view returned.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "lontar.config.urls"
WSGI_APPLICATION = "lontar.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "lontar.core.context_processors.portal",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lontar.sqlite3'}")
try:
    # Production keeps a connection per thread for a minute (a new PostgreSQL connection costs
    # a few ms per request); the health check replaces one the server has dropped.
    _database = dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0 if DEBUG else 60),
        conn_health_checks=True,
    )
except ValueError as exc:
    raise ImproperlyConfigured(f"DATABASE_URL is malformed: {exc}") from exc
if _database["ENGINE"] == "django.db.backends.sqlite3":
    if _database["NAME"] != ":memory:":
        Path(_database["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # IMMEDIATE transactions take the write lock up front, so concurrent writers (two gunicorn
    # workers, the worker process) queue up for `timeout` seconds instead of failing with
    # "database is locked" half-way through a transaction. WAL lets readers go on while one
    # writes; synchronous=FULL syncs the log at every commit, so a power cut loses no answered
    # request (NORMAL may lose the last commits). Measured in config/tests/test_sqlite.py.
    _database["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
    }
DATABASES = {"default": _database}
# A read replica (a PostgreSQL streaming standby of DATABASE_URL): anonymous public page reads
# go there, everything else to the primary (lontar/core/replica.py, decision 0022).
DATABASE_REPLICA_URL = env_str("DATABASE_REPLICA_URL")
if DATABASE_REPLICA_URL:
    try:
        _replica = dj_database_url.parse(
            DATABASE_REPLICA_URL,
            conn_max_age=_database["CONN_MAX_AGE"],
            conn_health_checks=True,
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_REPLICA_URL is malformed: {exc}") from exc
    if _replica["ENGINE"] != "django.db.backends.postgresql" or not _replica["NAME"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL is malformed: it names a PostgreSQL standby of DATABASE_URL, "
            "e.g. DATABASE_REPLICA_URL=postgres://lontar:secret@replica.internal:5432/lontar"
        )
    if _database["ENGINE"] != _replica["ENGINE"]:
        raise ImproperlyConfigured("DATABASE_REPLICA_URL needs DATABASE_URL on PostgreSQL too.")
    # A replica that does not answer costs a page 2 s, not the system's TCP timeout; after
    # that the primary answers for a while (lontar/core/replica.py).
    _replica.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
    # Tests read "the replica" from the test database itself.
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica"] = _replica
    DATABASE_ROUTERS = ["lontar.core.replica.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            # Redis down reads as an empty cache, not as a 500 (lontar/core/cache.py); short
            # timeouts so a dead server costs a page a second, not a minute.
            "BACKEND": "lontar.core.cache.FailSoftRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "lontar"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
        # Wagtail's renditions: the same Redis, without a write per image per page view.
        "renditions": {
            "BACKEND": "lontar.core.cache.RenditionRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "lontar"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        },
    }
else:
    # Files, not process memory: the web server and `lontar worker` must see the same cache,
    # or a page published by the worker leaves stale menus in the web process.
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(VAR_DIR / "cache"),
        },
        "renditions": {
            "BACKEND": "lontar.core.cache.RenditionFileCache",
            "LOCATION": str(VAR_DIR / "cache" / "renditions"),
        },
    }

# --- Background tasks ---------------------------------------------------------------------------
# The database backend needs no extra service; `lontar worker` runs the queue and the schedule.
TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# --- Files --------------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))

S3_BUCKET = env_str("S3_BUCKET")
_static_backend = (
    "whitenoise.storage.CompressedManifestStaticFilesStorage"
    if not DEBUG
    else "django.contrib.staticfiles.storage.StaticFilesStorage"
)
if S3_BUCKET:
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
        "region_name": env_str("S3_REGION") or None,
        "access_key": env_str("S3_ACCESS_KEY_ID") or None,
        "secret_key": env_str("S3_SECRET_ACCESS_KEY") or None,
        "custom_domain": env_str("S3_CUSTOM_DOMAIN") or None,
        "file_overwrite": False,
    }
    STORAGES = {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {**_s3_options, "location": "media", "default_acl": "public-read"},
        },
        # Identity documents and other personal data: never public, served only through
        # authenticated views that log each access.
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **_s3_options,
                "bucket_name": env_str("S3_PRIVATE_BUCKET", S3_BUCKET),
                "location": "private",
                "default_acl": "private",
                "querystring_auth": True,
                "custom_domain": None,
            },
        },
        "staticfiles": {"BACKEND": _static_backend},
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
        "staticfiles": {"BACKEND": _static_backend},
    }
FILE_UPLOAD_PERMISSIONS = 0o640
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# --- E-mail -------------------------------------------------------------------------------------
# Development prints mail to the console; production must deliver it, because receipts carry
# a citizen's name, address and tracking code and a console back end writes them to the log.
_email_url = env_str("EMAIL_URL", "console:" if DEBUG else "")
if not _email_url:
    raise ImproperlyConfigured(
        "EMAIL_URL is not set. In production set it to the SMTP server that delivers receipts, "
        "e.g. EMAIL_URL=smtp://user:pass@mail.example.go.id:587/?tls=True; for local "
        "development set LONTAR_DEBUG=1 and mail is printed to the console."
    )
try:
    _email = dj_email_url.parse(_email_url)
except (ValueError, KeyError) as exc:
    raise ImproperlyConfigured(f"EMAIL_URL is malformed: {exc}") from exc
if "EMAIL_BACKEND" not in _email:
    raise ImproperlyConfigured(
        "EMAIL_URL is malformed: use smtp://, submission://, smtps:// or console:"
    )
# Every message goes through the outbox (docs/decisions/0015-outbox.md), also the ones Lontar
# does not compose itself (Wagtail's moderation notices, password resets): a mail server that
# is down delays them instead of losing them. The outbox delivers with the EMAIL_URL back end.
OUTBOX_EMAIL_BACKEND = _email["EMAIL_BACKEND"]
if not DEBUG:
    delivering_email_backend(OUTBOX_EMAIL_BACKEND)
EMAIL_BACKEND = "lontar.core.outbox.OutboxBackend"
EMAIL_HOST = _email["EMAIL_HOST"] or "localhost"
EMAIL_PORT = _email["EMAIL_PORT"] or 25
EMAIL_HOST_USER = _email["EMAIL_HOST_USER"] or ""
EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"] or ""
EMAIL_USE_TLS = bool(_email["EMAIL_USE_TLS"])
EMAIL_USE_SSL = bool(_email["EMAIL_USE_SSL"])
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Lontar <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Language and time --------------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "lontar_bahasa"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Asia/Makassar")
try:
    ZoneInfo(TIME_ZONE)
except (ZoneInfoNotFoundError, ValueError) as exc:
    raise ImproperlyConfigured(
        f"TIME_ZONE={TIME_ZONE!r} is not a known time zone; Indonesia uses Asia/Jakarta (WIB), "
        "Asia/Makassar (WITA) or Asia/Jayapura (WIT)."
    ) from exc

# --- Authentication -----------------------------------------------------------------------------
# Argon2id first: new and upgraded hashes use it; older PBKDF2 hashes still verify and are
# re-hashed with Argon2 at the user's next login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Axes refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Brute force (docs/decisions/0009): a (username, address) pair is locked after 5 failures for
# 15 minutes, and an address after 30 failures an hour across usernames. Counters live in the
# database, so the lock holds when Redis is down.
AXES_HANDLER = "lontar.accounts.throttle.LontarAxesHandler"
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("LONTAR_LOGIN_FAILURES_PER_ACCOUNT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_CLIENT_IP_CALLABLE = "lontar.core.ratelimit.client_ip"
AXES_LOCKOUT_CALLABLE = "lontar.accounts.throttle.locked_out"
AXES_HTTP_RESPONSE_CODE = 429
AXES_ENABLE_ADMIN = False  # Django's admin is not exposed
LONTAR_LOGIN_FAILURES_PER_ADDRESS = env_int("LONTAR_LOGIN_FAILURES_PER_ADDRESS", 30)
# Second factor (TOTP) for the PPID and admin roles: lontar/accounts/policy.py.
OTP_TOTP_ISSUER = env_str("LONTAR_PLATFORM_NAME", "Lontar")
# Sessions stay in the database, with or without Redis: Redis down must not sign everyone out,
# ending a session (log out, deactivation) deletes its row and must take effect at once — a
# cached copy (`cached_db`) would outlive the row — and a PPID receipt is written into the
# session inside the request's own transaction. A session lives at most 8 hours after login
# and ends after 30 minutes without a request.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = 8 * 3600
LONTAR_SESSION_IDLE_SECONDS = env_int("LONTAR_SESSION_IDLE_SECONDS", 30 * 60)

# --- Security -----------------------------------------------------------------------------------
# `lontar check --deploy` checks these (lontar/core/checks.py adds what Django's checks miss).
HTTPS = env_bool("LONTAR_HTTPS", not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
# Nothing reads the CSRF cookie from JavaScript: our forms post the hidden field and Wagtail's
# admin takes the token from its page config.
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SAMESITE = "Lax"
if HTTPS:
    # __Host- cookies are refused by browsers unless Secure, path=/ and host-only, so no
    # sibling subdomain (another agency's site) can plant or overwrite them.
    SESSION_COOKIE_NAME = "__Host-lontar_sesi"
    CSRF_COOKIE_NAME = "__Host-lontar_csrf"
SECURE_SSL_REDIRECT = HTTPS and env_bool("LONTAR_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if HTTPS else None
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^healthz/ready$"]  # load-balancer probes speak plain HTTP
SECURE_HSTS_SECONDS = env_int("LONTAR_HSTS_SECONDS", 31536000 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("LONTAR_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("LONTAR_HSTS_PRELOAD", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
# Links to other sites carry no path (which may name a request or a search) and no origin.
SECURE_REFERRER_POLICY = "same-origin"
# Nothing may frame the portal; Wagtail's preview views set SAMEORIGIN on their own responses
# (wagtail.utils.decorators.xframe_options_sameorigin_override) and the CSP middleware
# follows that with frame-ancestors 'self' (lontar/core/headers.py).
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4.0; Django has it built in only from 6.0). Public pages
# run no inline script and no inline style: behaviour lives in static files. JSON-LD data blocks
# are never executed, so script-src does not apply to them.
#
# Media on object storage or a CDN is served from another origin; images and audio may load
# from there too.
_media_origins = sorted(
    {origin_of(MEDIA_URL)}
    | (
        {origin_of(_s3_options["custom_domain"]), origin_of(_s3_options["endpoint_url"])}
        if S3_BUCKET
        else set()
    )
    - {""}
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_origins],
        "media-src": ["'self'", *_media_origins],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin renders inline <script> and style attributes (it needs no eval), and its
# image and rich-text editors use blob: and data: URLs. django-csp's per-view decorators cannot
# reach Wagtail's views, so lontar.core.headers.ContentSecurityPolicyMiddleware swaps in this
# policy for every path under LONTAR_ADMIN_PATH_PREFIX.
LONTAR_ADMIN_PATH_PREFIX = "/admin/"
LONTAR_ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:", *_media_origins],
        "media-src": ["'self'", "blob:", *_media_origins],
        "font-src": ["'self'", "data:"],
        "worker-src": ["'self'", "blob:"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Pages that show what a citizen typed (the request form, the receipt, the tracking pages) and
# every admin page must never be kept by a browser or a shared proxy cache.
# How long an anonymous page is served from the cache (lontar/core/pagecache.py, decision
# 0019): a change shows within this plus one rendering; 0 turns the page cache off.
LONTAR_PAGE_CACHE_SECONDS = env_int("LONTAR_PAGE_CACHE_SECONDS", 1)
LONTAR_NO_STORE_PATH_PREFIXES = ("/ppid/permohonan/", "/ppid/lacak/", LONTAR_ADMIN_PATH_PREFIX)

# --- Wagtail ------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = env_str("LONTAR_PLATFORM_NAME", "Lontar")
# Every absolute link in e-mails (receipts, reminders, Wagtail's notifications) starts here.
_base_url = env_str("LONTAR_BASE_URL", "http://127.0.0.1:8000" if DEBUG else "")
if not _base_url:
    raise ImproperlyConfigured(
        "LONTAR_BASE_URL is not set. In production set it to the portal's public address, "
        "e.g. LONTAR_BASE_URL=https://bkd.example.go.id, so links in e-mails reach the portal."
    )
WAGTAILADMIN_BASE_URL = public_base_url(_base_url)
# Avatars from gravatar.com would tell a third party which staff use the admin, and the admin's
# CSP allows images from the portal only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Pages may have an English translation (Wagtail's locales; editors use "Translate" from
# wagtail.contrib.simple_translation). It is served at the Indonesian page's own URL to visitors
# who chose English; without one they read the Indonesian page under a notice
# (docs/decisions/0004-language.md, lontar/pages/translations.py).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_USER_CUSTOM_FIELDS: list[str] = []
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# On PostgreSQL the `indonesian` text-search configuration stems words ("pelayanan", "melayani"
# and "layanan" meet at "layan"); SQLite's FTS5 backend ignores SEARCH_CONFIG.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "indonesian"}
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}

# --- Logging ------------------------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO").upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"LOG_LEVEL={LOG_LEVEL!r} is not a logging level.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "lontar.core.logging.PersonalDataFilter"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": sys.stderr,
            "formatter": "plain",
            "filters": ["personal_data"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # Request lines carry query strings and capability tokens; the filter on "console"
        # drops the query string, replaces tokens and masks personal data.
        "django.server": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # Replace Django's own handlers (console, mail_admins), which would bypass the filter.
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        # Wagtail logs every page edit at INFO; the same facts are in its audit log tables.
        "wagtail": {"level": env_str("LOG_LEVEL_WAGTAIL", "WARNING").upper()},
    },
}

# --- Lontar -------------------------------------------------------------------------------------
# The Fernet key that encrypts requesters' NIK (lontar/ppid/crypto.py). Checked here, at
# startup, rather than when the first citizen submits a request. Development derives one from
# SECRET_KEY so the demo works out of the box; production refuses that, because rotating
# SECRET_KEY would then destroy every stored NIK.
_pii_key = env_str("LONTAR_PII_KEY")
if _pii_key:
    LONTAR_PII_KEY = fernet_key(_pii_key)
elif DEBUG:
    LONTAR_PII_KEY = base64.urlsafe_b64encode(
        hashlib.sha256(b"lontar-pii:" + SECRET_KEY.encode()).digest()
    ).decode()
else:
    raise ImproperlyConfigured("LONTAR_PII_KEY is not set. " + FERNET_KEY_HELP)
LONTAR_DEMO_PASSWORD = env_str("LONTAR_DEMO_PASSWORD", "lontar-demo-2026")
# How many reverse proxies stand before the app; 0 trusts REMOTE_ADDR (rate limits, logs).
LONTAR_TRUSTED_PROXY_COUNT = env_int("LONTAR_TRUSTED_PROXY_COUNT", 0)
# Keys the hash of citizens' tracking codes. Its own key, so rotating SECRET_KEY does not void
# every code ever issued; empty in debug/tests means the old derivation (SECRET_KEY itself).
LONTAR_TRACKING_KEY = env_str("LONTAR_TRACKING_KEY")
if not LONTAR_TRACKING_KEY and not DEBUG:
    raise ImproperlyConfigured(
        'LONTAR_TRACKING_KEY is not set. Generate one with: python -c "import secrets; '
        'print(secrets.token_urlsafe(48))". When upgrading, set it to the current SECRET_KEY '
        "so tracking codes already given to requesters keep working."
    )
# The nightly backup (lontar/operations/jobs.py): where `lontar worker` writes it, and how many
# it keeps; unset means no nightly backup. The keys are never in it (docs/operations.md).
LONTAR_BACKUP_DIR = env_str("LONTAR_BACKUP_DIR")
LONTAR_BACKUP_KEEP = env_int("LONTAR_BACKUP_KEEP", 7)
if LONTAR_BACKUP_KEEP < 1:
    raise ImproperlyConfigured("LONTAR_BACKUP_KEEP must be 1 or more.")
