"""A web request's query is cancelled by PostgreSQL after DATABASE_STATEMENT_TIMEOUT seconds,
and the visitor is told to try again; the task worker and the commands have no such limit.

Each case runs the production settings in a fresh interpreter, as a server or the worker
would be, against the test database.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from tests.hardening.test_database_failure import PRODUCTION

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the statement timeout is PostgreSQL's"
)

# A web process (it imports alliance.wsgi, as gunicorn does) with a view whose query would
# run for 5 s; it prints its connection's timeout, then the view's answer.
WEB_PROCESS = """
import json, time
import alliance.wsgi
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path


def slow(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(5)")
    return HttpResponse("finished")


urlpatterns = [path("slow/", slow)]

with connection.cursor() as cursor:
    cursor.execute("SHOW statement_timeout")
    timeout = cursor.fetchone()[0]
with override_settings(ROOT_URLCONF="__main__"):
    started = time.perf_counter()
    response = Client().get("/slow/", secure=True)
print(json.dumps({
    "timeout": timeout,
    "status": response.status_code,
    "seconds": time.perf_counter() - started,
    "text": response.content.decode(),
    "retry_after": response.get("Retry-After"),
}))
"""


def run(args, **env):
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DJANGO_ALLOW_ASYNC_UNSAFE", "ALLIANCE_WEB_PROCESS"}
    }
    database = connection.settings_dict
    url = "postgres://{}@{}:{}/{}".format(
        database["USER"] or "postgres",
        database["HOST"] or "127.0.0.1",
        database["PORT"] or 5432,
        database["NAME"],
    )
    result = subprocess.run(
        [sys.executable, *args],
        env={**inherited, **PRODUCTION, "DATABASE_URL": url, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.django_db
def test_a_web_request_s_runaway_query_is_cancelled_and_answered_503():
    answer = json.loads(run(["-c", WEB_PROCESS], DATABASE_STATEMENT_TIMEOUT="0.3"))

    assert answer["timeout"] == "300ms"
    assert answer["status"] == 503
    assert answer["seconds"] < 3  # not the query's 5 s
    assert "The site took too long to answer this request." in answer["text"]
    assert "Le site a mis trop de temps à répondre à cette demande." in answer["text"]
    assert "cannot reach its database" not in answer["text"]
    assert answer["retry_after"] == "30"


@pytest.mark.django_db
def test_web_processes_have_a_twenty_second_timeout_by_default_which_zero_turns_off():
    web = "import alliance.wsgi; from django.db import connection; c = connection.cursor(); "
    show = 'c.execute("SHOW statement_timeout"); print(c.fetchone()[0])'

    assert run(["-c", web + show]) == "20s"
    assert run(["-c", web + show], DATABASE_STATEMENT_TIMEOUT="0") == "0"


@pytest.mark.django_db
def test_commands_and_the_task_worker_run_without_a_timeout():
    # The worker is `manage.py db_worker`: a management command, as migrate and backup are.
    show = (
        "from django.db import connection; c = connection.cursor(); "
        'c.execute("SHOW statement_timeout"); print(c.fetchone()[0])'
    )

    assert run(["manage.py", "shell", "-c", show], DATABASE_STATEMENT_TIMEOUT="0.3") == "0"
