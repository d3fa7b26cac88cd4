"""The environment of a site started as production runs it (gunicorn, production settings read
from the environment), for the tests that start real servers: plain HTTP to a test database."""

import os
import secrets


def production_env(database_url, **overrides):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.server_settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "DATABASE_URL": database_url,
        "LOG_LEVEL": "ERROR",
        **overrides,
    }
