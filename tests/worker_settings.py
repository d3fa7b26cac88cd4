"""Settings for a worker command the tests start as a subprocess (the test database is in
DATABASE_URL): the backend and the SMTP port the test chose."""

import os

from tests.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": os.environ["TEST_TASKS_BACKEND"]}}
INSTALLED_APPS = [*INSTALLED_APPS, "django_rq", "django_tasks_rq"]  # noqa: F405
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {"host": "127.0.0.1", "port": int(os.environ["TEST_SMTP_PORT"]), "timeout": 5},
    }
}
