import os
import subprocess
import sys
import time

import pytest
from django.conf import settings

PROBE = (
    "import django; django.setup();"
    "from django.test import Client;"
    "r = Client().get('/health/', secure=True);"
    "print(r.status_code, r.content.decode())"
)


@pytest.mark.django_db
def test_health_answers_ok_when_the_database_answers(client):
    response = client.get("/health/")

    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.parametrize(
    "database_url",
    [
        "postgres://postgres@127.0.0.1:1/unreachable",
        "sqlite:////nonexistent-folder/for/the/alliance.sqlite3",
    ],
)
def test_health_answers_503_quickly_when_the_database_is_unreachable(database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "alliance.settings",
        "SECRET_KEY": "x" * 60,
        "ALLOWED_HOSTS": "testserver",
    }
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    status = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr

    assert status == "503 database unavailable"
    assert time.monotonic() - started < 10  # the interpreter's start-up included
