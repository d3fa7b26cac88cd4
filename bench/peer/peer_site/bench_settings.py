"""djangoproject.com's development settings as `make bench-peer` runs them (bench/peer/run.py).

Only what the comparison needs differs from `djangoproject.settings.dev`: DEBUG off, its own
PostgreSQL database with persistent connections, a secret key from the environment, and
127.0.0.1 among the allowed hosts (health checks). The caches stay dev's DummyCache.
"""

import os

from djangoproject.settings.dev import *  # noqa: F403

DEBUG = False
THUMBNAIL_DEBUG = False
SECRET_KEY = os.environ["PEER_SECRET_KEY"]
ALLOWED_HOSTS = [*ALLOWED_HOSTS, "127.0.0.1"]  # noqa: F405

_database = {
    "ENGINE": "django.db.backends.postgresql",
    "NAME": os.environ["PEER_DB_NAME"],
    "USER": os.environ.get("PEER_DB_USER", "postgres"),
    "PASSWORD": os.environ.get("PEER_DB_PASSWORD", ""),
    "HOST": os.environ.get("PEER_DB_HOST", "127.0.0.1"),
    "PORT": os.environ.get("PEER_DB_PORT", "5432"),
    "CONN_MAX_AGE": 600,
}
# Trac's tables are unmanaged and none of the compared pages reads them: its alias points at
# the same database so that nothing needs Trac's schema.
DATABASES = {"default": _database, "trac": dict(_database)}
