"""The real worker commands, started as subprocesses against the test database."""

import os
import subprocess
import sys
from pathlib import Path

import django_rq
import pytest
from django.conf import settings
from django.db import connection

from background.models import OutgoingEmail

from .conftest import DATABASE_TASKS, RQ_TASKS, redis_or_skip

ROOT = Path(__file__).resolve().parents[2]
ANNA = "anna.kowalska@example.org"

# The commands a Procfile runs, in batch ("burst") mode: they stop once nothing is left to do.
WORKERS = {
    "database": (DATABASE_TASKS, ["db_worker", "--batch", "--no-reload", "--no-startup-delay"]),
    "rq": (
        RQ_TASKS,
        ["rqworker", "--burst", "--with-scheduler", "--job-class", "django_tasks_rq.Job"],
    ),
}


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def run_worker(backend, smtp_port):
    tasks, command = WORKERS[backend]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.worker_settings",
        "DATABASE_URL": database_url(),
        "TEST_TASKS_BACKEND": tasks["default"]["BACKEND"],
        "TEST_SMTP_PORT": str(smtp_port),
    }
    return subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def empty_rq_queue():
    redis_or_skip(settings.RQ_QUEUES["default"]["URL"])
    connection = django_rq.get_connection("default")
    connection.flushdb()
    yield
    connection.flushdb()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("backend", ["database", "rq"])
def test_the_worker_command_sends_the_acknowledgement_of_a_join_request(
    backend, client, join_data, smtp_server, settings, request
):
    if backend == "rq":
        request.getfixturevalue("empty_rq_queue")
    settings.TASKS = WORKERS[backend][0]
    smtp_server.start()

    response = client.post("/en/join/", join_data)

    assert response.status_code == 302
    assert OutgoingEmail.objects.get(to=[ANNA]).state == OutgoingEmail.State.QUEUED
    assert smtp_server.inbox.received == []

    worker = run_worker(backend, smtp_server.port)

    assert worker.returncode == 0, worker.stderr
    (message,) = smtp_server.inbox.to(ANNA)
    assert "Subject: Your request to join the Alliance" in message
    assert OutgoingEmail.objects.get(to=[ANNA]).state == OutgoingEmail.State.SENT
    assert len(smtp_server.inbox.to("secretariat@example.org")) == 1
