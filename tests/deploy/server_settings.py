"""Settings for the gunicorn behind nginx (tests/deploy/test_nginx.py): the two-server test's,
with production's static files, collected with hashed names into the test's STATIC_ROOT."""

import os

from alliance import settings as production
from tests.server_settings import *  # noqa: F403

STATIC_ROOT = os.environ["STATIC_ROOT"]
STORAGES = {**STORAGES, "staticfiles": production.STORAGES["staticfiles"]}  # noqa: F405
