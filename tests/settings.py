"""Settings for the test suite: the production settings, with what tests need changed."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz")

from alliance.settings import *  # noqa: F403

# Tests talk plain HTTP to the test client and live server.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False

# Under pytest-xdist (make test) each worker process is named, gw0, gw1…: what the tests keep in
# a fixed place is kept per worker.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "template_fragments": CACHES["template_fragments"],  # noqa: F405
}
MANAGERS = ["secretariat@example.org"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "artifacts" / "media" / XDIST_WORKER  # noqa: F405
PRIVATE_MEDIA_ROOT = BASE_DIR / "artifacts" / "private-media" / XDIST_WORKER  # noqa: F405
WHITENOISE_AUTOREFRESH = True
# Static files from the apps and static/, as in development: nothing is collected for tests.
WHITENOISE_USE_FINDERS = True
PAGE_CACHE_SECONDS = 0  # tests of the page cache turn it on with the settings fixture
COUNTER_CACHE_SECONDS = 0  # likewise for the counters kept by core.cache.remember()
# Tests post forms the instant they are shown; tests of the minimum fill time set their own.
FORM_MIN_FILL_SECONDS = 0
# E-mails and other tasks run at once, in the test's process; the tests of the worker switch to
# the database or RQ backend with the settings fixture (tests/conftest.py renews the backends).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
# The RQ tests empty their Redis database (flushdb): database 5, or 5 + n for worker gwn.
RQ_DATABASE = 5 + int(XDIST_WORKER.removeprefix("gw") or 0)
if RQ_DATABASE > 15:
    raise ValueError("Redis has 16 databases: run the tests with at most 11 workers (-n 11).")
RQ_QUEUES = {
    "default": {
        "URL": os.environ.get("TEST_TASKS_REDIS_URL", f"redis://127.0.0.1:6379/{RQ_DATABASE}")
    }
}
# A file, not memory, for the SQLite test database: the worker command the tests start as a
# subprocess (tests/background/test_worker_process.py) reads and writes the same database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"alliance-test-{os.getpid()}.sqlite3")
    }
# No open data file is built ahead: each data file is rendered per request. The tests of the
# files built ahead set DATA_FILES_ROOT to a folder of their own.
DATA_FILES_ROOT = ""
DATA_FILES_DELAY = 0
