"""
Settings for the Alliance portal, read from the environment (see docs/configuration.md).

The defaults are safe for production: DEBUG is off and HTTPS is enforced. `make run` turns
DEBUG on for local development.
"""

import json
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from core import logs

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default):
    return int(os.environ.get(name) or default)


DEBUG = env_bool("DEBUG")

# Required to serve the site (alliance/wsgi.py refuses to start without it); management
# commands that sign nothing, such as makemigrations, run without it.
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    SECRET_KEY = "insecure-development-key-only-used-when-DEBUG-is-on"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    # Django's admin, opening on today's work (core/backoffice.py).
    "core.apps.AllianceAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "import_export",
    "django_countries",
    "axes",
    "simple_history",
    "django_tasks_db",
    "background",
    "alliance",
    "members",
    "declarations",
    "news",
    "practices",
    "cooperation",
    "contact",
    "events",
    "library",
    "participants",
    "peers",
    "subscriptions",
    "figures",
    # Last: deletes the files of deleted rows and replaced files (core/files.py).
    "django_cleanup.apps.CleanupConfig",
]

MIDDLEWARE = [
    # Before all: each request's id, in its log lines and its X-Request-ID header (core/logs.py).
    "core.middleware.RequestIdMiddleware",
    # Then: a page from the cache costs none of the middleware below (core/cache.py); it is
    # kept with the headers they added and answers conditional requests itself.
    "core.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Pages, feeds and data compressed for clients that accept it (with BREACH padding); a
    # page from the page cache or a data file built ahead comes gzipped already.
    "django.middleware.gzip.GZipMiddleware",
    # ETag/Last-Modified answered with 304 when the visitor's copy is current.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The files built ahead (core/open_data.py), for everyone: no session, CSRF or auth.
    "core.cache.ServeAheadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "core.middleware.RejectNullCharacterMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Names the signed-in staff member on every history record a request leaves.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "core.middleware.AdminNoCacheMiddleware",
    "core.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "alliance.urls"
WSGI_APPLICATION = "alliance.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "alliance.context_processors.site",
            ],
        },
    },
]

# Database: an embedded SQLite file by default; DATABASE_URL=postgres://… for PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default under several writers (the web threads or processes and the task
    # worker): each transaction takes the write lock when it begins (IMMEDIATE), so writers
    # queue for up to SQLITE_BUSY_TIMEOUT seconds instead of one failing with "database is
    # locked" as it upgrades a read lock; WAL lets pages be read while another writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env_int("SQLITE_BUSY_TIMEOUT", 20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Fail fast when the server is unreachable, so /health/ answers within seconds.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_CONNECT_TIMEOUT", 2
    )
    # PostgreSQL's own index types: the trigram indexes of the member search.
    INSTALLED_APPS.append("django.contrib.postgres")
    # A query of a web request runs at most this many seconds: PostgreSQL then cancels it and
    # the visitor gets a 503 (core.middleware). Without it, a runaway query goes on long
    # after gunicorn has killed the worker that asked for it (its timeout is 30 s). Only the
    # web processes set it (alliance/wsgi.py and asgi.py mark themselves): the task worker,
    # migrations and commands may rightly run longer.
    STATEMENT_TIMEOUT = float(os.environ.get("DATABASE_STATEMENT_TIMEOUT") or 20)
    if os.environ.get("ALLIANCE_WEB_PROCESS") and STATEMENT_TIMEOUT > 0:
        options = DATABASES["default"]["OPTIONS"]
        options["options"] = " ".join(
            filter(
                None,
                [options.get("options"), f"-c statement_timeout={STATEMENT_TIMEOUT * 1000:.0f}"],
            )
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: per process by default; REDIS_URL shares it (and the rate limits) between servers.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Several sites (or test runs) can share one Redis under prefixes of their own.
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX") or "alliance",
        }
    }
    # Sessions in Redis, written through to the database: any server can answer any visitor.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The parts of every page that depend only on the language and the page's address (the
# header, the footer, the links in <head>), rendered once per process, and the cards of the
# lists (a practice, an article, an event, a document), kept per row, its last change, the
# language and the data version (so a renamed member or theme renews them): Django's
# `{% cache %}` tag reads this alias. Per process, as the templates and settings they come
# from are; not kept while developing, where templates change under the running server. A
# few thousand cards of about 2 KB each; the oldest third goes when it is full.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.dummy.DummyCache"
    if DEBUG
    else "django.core.cache.backends.locmem.LocMemCache",
    "TIMEOUT": None,
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

AUTHENTICATION_BACKENDS = [
    # First, so a locked-out account or address is refused before its password is checked.
    "core.auth.LockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
    # Member authorities' contact persons, signed in by an e-mailed link (never staff).
    "participants.auth.ParticipantBackend",
]

# The participants' sign-in links (django-sesame): each works once, for 15 minutes.
SESAME_MAX_AGE = 15 * 60
SESAME_ONE_TIME = True
SESAME_TOKENS = ["sesame.tokens_v2"]
# How long a contact person stays signed in to the participants' space (hours; decimals allowed).
PARTICIPANT_SESSION_SECONDS = round(float(os.environ.get("PARTICIPANT_SESSION_HOURS") or 8) * 3600)

# Anonymous visitors' pages kept this many seconds (0: off); any data change renews them at
# once. Off without Redis: a per-process cache cannot tell other workers about a change.
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600 if REDIS_URL else 0)
# Live counters (totals, the number of rows a list pages through) kept this many seconds (0:
# counted on every request); any data change renews them at once. Without Redis each process
# keeps its own, under a data version the server's processes share (core.cache.VersionStamp).
COUNTER_CACHE_SECONDS = env_int("COUNTER_CACHE_SECONDS", 600)
# How long browsers and shared caches may reuse a public page without asking again.
PAGE_MAX_AGE = env_int("PAGE_MAX_AGE", 60)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: the Council of Europe works in English and French.
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
USE_I18N = True
FORMAT_MODULE_PATH = ["alliance.formats"]
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)

# The 46 member states of the Council of Europe: the only countries a member can be in.
COUNCIL_OF_EUROPE_STATES = [
    "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES",
    "FI", "FR", "GB", "GE", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC",
    "MD", "ME", "MK", "MT", "NL", "NO", "PL", "PT", "RO", "RS", "SE", "SI", "SK", "SM", "TR",
    "UA",
]  # fmt: skip
COUNTRIES_ONLY = COUNCIL_OF_EUROPE_STATES

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
# Largest file staff or members may upload (attachments, documents, images), in bytes.
MAX_UPLOAD_BYTES = env_int("MAX_UPLOAD_BYTES", 20 * 1024 * 1024)
# Largest image, in pixels (width times height), measured before it is decoded (core/images.py).
MAX_IMAGE_PIXELS = env_int("MAX_IMAGE_PIXELS", 40_000_000)
# Public uploads (members' logos): the front web server serves this folder as it is.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT") or BASE_DIR / "media")
# Everything else uploaded (documents, practices' files, pictures, proposed logos), outside
# MEDIA_ROOT: sent only by views that check who asks (core/files.py), by the front server
# through X-Accel-Redirect at PRIVATE_MEDIA_ACCEL_PREFIX (an internal location) when set.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT") or BASE_DIR / "private-media")
PRIVATE_MEDIA_ACCEL_PREFIX = os.environ.get("PRIVATE_MEDIA_ACCEL_PREFIX", "")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "core.files.PrivateStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Mail: printed to the console in development, decoded (core.mail.ConsoleEmailBackend), sent
# over SMTP otherwise.
_mail_backend = os.environ.get(
    "EMAIL_BACKEND",
    "core.mail.ConsoleEmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": _mail_backend}}
if _mail_backend.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": os.environ.get("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": os.environ.get("EMAIL_HOST_USER", ""),
        "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
        "use_tls": env_bool("EMAIL_USE_TLS"),
        "timeout": env_int("EMAIL_TIMEOUT", 10),
    }
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Alliance <noreply@localhost>")
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
# Put before the subject of the e-mails to MANAGERS and ADMINS (Django's default: "[Django] ").
EMAIL_SUBJECT_PREFIX = os.environ.get("EMAIL_SUBJECT_PREFIX", "[Alliance] ")
# Staff who are told of new join requests and signatures: "a@example.org,b@example.org".
MANAGERS = env_list("MANAGERS")
ADMINS = env_list("ADMINS")
# Where replies to the site's e-mails go (a person, not the sender's no-reply address):
# "a@example.org,b@example.org"; by default the first of MANAGERS.
REPLY_TO_EMAIL = env_list("REPLY_TO_EMAIL") or MANAGERS[:1]

# The licence of the open data files, named on /data/ and in each file's Link header.
DATA_LICENSE_NAME = os.environ.get(
    "DATA_LICENSE_NAME", "Creative Commons Attribution 4.0 International (CC BY 4.0)"
)
DATA_LICENSE_URL = os.environ.get(
    "DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/"
)

# The open data files (/data/members.csv…) are built ahead by the task worker into this folder,
# DATA_FILES_DELAY seconds after the data change, and served from it (core/open_data.py). With
# several servers it must be shared storage, as MEDIA_ROOT is; until a file is built, or while
# it is older than the data, it is rendered for each request. Empty: always rendered.
DATA_FILES_ROOT = os.environ.get("DATA_FILES_ROOT", str(BASE_DIR / "data-files"))
DATA_FILES_DELAY = env_int("DATA_FILES_DELAY", 2)
# A build that takes longer than this (seconds) no longer holds the others back.
DATA_FILES_BUILD_TIMEOUT = env_int("DATA_FILES_BUILD_TIMEOUT", 600)

# The address the site is reached at, for links in e-mails and feeds sent out of a request; unset,
# the port the site runs on (PORT), so that development's e-mails link to the running site.
SITE_URL = (
    os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or 8000}"
).rstrip("/")
FACEBOOK_URL = os.environ.get("FACEBOOK_URL", "https://www.facebook.com/CouncilofEuropeCongress")
TWITTER_URL = os.environ.get("TWITTER_URL", "https://twitter.com/coe_congress")
# The logos of the Congress and the Alliance's partners in the footer, supplied by the deploying
# institution (none is bundled): a JSON list of {"name", "url", "image"}, where "image" is a
# path among the static files ("partners/congress.svg") or an address on this site
# ("/media/partners/congress.png"). Optional "width" and "height" give its size in pixels.
try:
    PARTNER_LOGOS = json.loads(os.environ.get("PARTNER_LOGOS") or "[]")
except json.JSONDecodeError:
    PARTNER_LOGOS = None
if not isinstance(PARTNER_LOGOS, list) or not all(
    isinstance(logo, dict) and logo.get("name") and logo.get("image") for logo in PARTNER_LOGOS
):
    raise ImproperlyConfigured(
        'PARTNER_LOGOS must be a JSON list of {"name": ..., "url": ..., "image": ...}.'
    )

# Security. Secure by default; `make run` (DEBUG=1) relaxes what needs HTTPS.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    # No inline script anywhere: scripts are files of the site, so no nonce is needed.
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}

# Staff login: after AXES_FAILURE_LIMIT failures for one account, or from one address, that
# account or address is locked out for AXES_COOLOFF_HOURS (django-axes).
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS") or 1)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "core.auth.lockout_response"
# The address the form rate limits count too; axes' own AXES_IPWARE_* settings are then unused.
AXES_CLIENT_IP_CALLABLE = "core.protection.client_address"

# History (django-simple-history) is a record, not an editor: reverting a version could put a
# member or a signature back in a status without the workflow (and its e-mails). A deleted
# member or signature is restored from its history by the "Deleted …" page of its admin list.
SIMPLE_HISTORY_REVERT_DISABLED = True

# The admin's exports: no cell may run as a formula in the reader's spreadsheet. The resources
# apply the site's rule (core.spreadsheet.SafeCellsMixin) to every text cell, in XLSX and CSV
# alike; the library's own escaping, which would write every cell as text ("None" for an empty
# one, which a re-import refuses), stays off.
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False
# Without these the library lets any member of staff import and export any model: an import
# needs the right to change the records, an export the right to view them.
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# Personal data: unconfirmed signatures and rejected join requests are purged after this many
# days (`manage.py purge_personal_data`).
RETENTION_DAYS = env_int("RETENTION_DAYS", 90)

# Public forms count accepted posts only (windows in seconds): per client address, generous as a
# venue's Wi-Fi is one address; per e-mail address the site writes to, tight; the same post once.
FORM_RATE_LIMIT_PER_ADDRESS = env_int("FORM_RATE_LIMIT_PER_ADDRESS", 100)
FORM_RATE_WINDOW_PER_ADDRESS = env_int("FORM_RATE_WINDOW_PER_ADDRESS", 3600)
FORM_RATE_LIMIT_PER_EMAIL = env_int("FORM_RATE_LIMIT_PER_EMAIL", 3)
FORM_RATE_WINDOW_PER_EMAIL = env_int("FORM_RATE_WINDOW_PER_EMAIL", 3600)
# A post sent sooner than this after its form was shown is a bot's (0: not checked).
FORM_MIN_FILL_SECONDS = env_int("FORM_MIN_FILL_SECONDS", 3)
# How long a signature's confirmation link lives.
CONFIRMATION_MAX_AGE_DAYS = env_int("CONFIRMATION_MAX_AGE_DAYS", 14)
# Days after an event ends before its registrations (personal data) are deleted.
EVENT_REGISTRATION_RETENTION_DAYS = env_int("EVENT_REGISTRATION_RETENTION_DAYS", 30)

# Every process logs to standard error, each line with the id of the request it was written for
# (core/logs.py): as text, or with LOG_FORMAT=json one JSON object per line for a log collector.
LOG_FORMAT = os.environ.get("LOG_FORMAT") or "plain"
if LOG_FORMAT not in ("plain", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be 'plain' or 'json', not {LOG_FORMAT!r}.")
LOGGING = logs.logging_config(LOG_FORMAT, os.environ.get("LOG_LEVEL", "INFO"))

# Errors of the web processes and the task worker reported to Sentry (or a service speaking its
# protocol, such as GlitchTip) when SENTRY_DSN is set; nothing personal is sent (core/logs.py).
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
SENTRY_ENVIRONMENT = os.environ.get("SENTRY_ENVIRONMENT", "")
# The share of requests whose timing is also sent (0 to 1): none by default.
SENTRY_TRACES_SAMPLE_RATE = float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0)
logs.start_error_reports(SENTRY_DSN, SENTRY_ENVIRONMENT, SENTRY_TRACES_SAMPLE_RATE)

# Proxies in front of the site that each append the address they saw to X-Forwarded-For (a load
# balancer: 1); 0 takes REMOTE_ADDR. See core.protection.client_address. The former
# TRUST_X_FORWARDED_FOR=1 (deprecated) means one.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1 if env_bool("TRUST_X_FORWARDED_FOR") else 0)

# Background work (docs/operations.md): Django's task framework, with the tasks kept in
# the database (django-tasks-db, worker `manage.py db_worker`) or, to spread them over many
# machines, in Redis (django-tasks-rq, worker
# `manage.py rqworker --job-class django_tasks_rq.Job --with-scheduler`).
TASKS_BACKEND = os.environ.get("TASKS_BACKEND") or "database"
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "rq":
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
    # RQ keeps its queues as Redis keys: a Redis that evicts keys under memory pressure (as a
    # cache may be set to) would drop e-mails, hence a URL of its own.
    RQ_QUEUES = {"default": {"URL": os.environ.get("TASKS_REDIS_URL") or REDIS_URL}}
    if not RQ_QUEUES["default"]["URL"]:
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs TASKS_REDIS_URL (or REDIS_URL).")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
else:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be 'database' or 'rq', not {TASKS_BACKEND!r}.")


def env_delays(name, default):
    """Seconds, comma-separated; "21600*8" repeats a delay: "60,300,900,3600,21600*8"."""
    delays = []
    for item in env_list(name, default):
        value, _times, count = item.partition("*")
        delays += [float(value)] * int(count or 1)
    return delays


# After each failed try to send an e-mail, wait the next of these delays (seconds); after the
# last one the e-mail is marked failed: 1, 5, 15 and 60 minutes, then every 6 hours for 2 days.
EMAIL_RETRY_DELAYS = env_delays("EMAIL_RETRY_DELAYS", "60,300,900,3600,21600*8")
# Sent and failed e-mails are deleted after this many days: they hold personal data.
OUTBOX_KEEP_DAYS = env_int("OUTBOX_KEEP_DAYS", 30)
# Jobs the worker runs at a time, each queueing its next run (background/schedule.py): "at" a
# local time every day, or "every" so many seconds.
DAILY_TASKS_AT = os.environ.get("DAILY_TASKS_AT") or "03:30"
SCHEDULED_TASKS = {
    "purge-personal-data": {"task": "alliance.tasks.purge_personal_data", "at": DAILY_TASKS_AT},
    "prune-outbox": {"task": "background.tasks.prune_outbox", "at": DAILY_TASKS_AT},
    "prune-task-results": {"task": "background.tasks.prune_task_results", "at": DAILY_TASKS_AT},
    "sweep-outbox": {"task": "background.tasks.sweep_outbox", "every": 300},
    # Expired sessions are never read again, but keep what visitors typed into forms.
    "clear-expired-sessions": {
        "task": "background.tasks.clear_expired_sessions",
        "at": DAILY_TASKS_AT,
    },
    # Uploads no row names any more (a form rolled back…) and data files of older versions.
    "delete-stale-files": {"task": "core.stale_files.delete_stale_files", "at": DAILY_TASKS_AT},
    # The contact persons' e-mail alerts that are due: at once, weekly on Monday, monthly on
    # the 1st (subscriptions/digests.py); each digest is written once, whatever runs it.
    "send-digests": {"task": "subscriptions.tasks.send_digests", "every": 900},
}

# Backups (`manage.py backup`; docs/deployment.md, "Backups"): one archive of the database and the
# uploaded files in BACKUP_DIR; after each, archives older than BACKUP_KEEP_DAYS days are deleted
# but the newest of each week of the last BACKUP_KEEP_WEEKS weeks. BACKUP_SCHEDULE ("HH:MM",
# local time) has the task worker make one every day; none by default.
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR") or BASE_DIR / "backups")
BACKUP_KEEP_DAYS = env_int("BACKUP_KEEP_DAYS", 14)
BACKUP_KEEP_WEEKS = env_int("BACKUP_KEEP_WEEKS", 8)
BACKUP_SCHEDULE = os.environ.get("BACKUP_SCHEDULE", "")
if BACKUP_SCHEDULE:
    hours, _colon, minutes = BACKUP_SCHEDULE.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and int(hours) < 24 and int(minutes) < 60):
        raise ImproperlyConfigured(
            f"BACKUP_SCHEDULE must be a time, HH:MM, not {BACKUP_SCHEDULE!r}."
        )
    SCHEDULED_TASKS["backup"] = {"task": "alliance.tasks.back_up", "at": BACKUP_SCHEDULE}
