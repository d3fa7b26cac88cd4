"""Settings for the gunicorn servers the two-server test starts (tests/alliance/
test_two_servers.py): production's, reading the test database, Redis and the shared data files
folder from the environment; static files named as in development (no collectstatic)."""

from alliance.settings import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
