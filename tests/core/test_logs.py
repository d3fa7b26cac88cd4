"""Each request has an id, answered in X-Request-ID and written in every line it logs; with
LOG_FORMAT=json each line is a JSON object."""

import io
import json
import logging
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.urls import path

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

logger = logging.getLogger("tests.core.test_logs")
NEW_ID = re.compile(r"[0-9a-f]{32}")


def logged(request):
    logger.warning("serving the logged page")
    try:
        raise ValueError("a handled error")
    except ValueError:
        logger.exception("an error handled while serving it")
    return HttpResponse("ok")


urlpatterns = [path("logged/", logged)]


@pytest.fixture
def log_lines():
    """What the configured console handler writes, line by line (a list filled as it goes)."""
    (console,) = (h for h in logging.getLogger().handlers if h.get_name() == "console")
    stream = io.StringIO()
    previous = console.setStream(stream)
    yield lambda: stream.getvalue().splitlines()
    console.setStream(previous)


def test_every_response_has_a_new_request_id(client):
    first = client.get("/logged/")["X-Request-ID"]
    second = client.get("/logged/")["X-Request-ID"]

    assert NEW_ID.fullmatch(first) and NEW_ID.fullmatch(second)
    assert first != second


def test_an_id_from_the_proxy_is_kept(client):
    response = client.get("/logged/", headers={"X-Request-ID": "req-2026.12_07-abc"})

    assert response["X-Request-ID"] == "req-2026.12_07-abc"


@pytest.mark.parametrize(
    "hostile",
    [
        "a" * 65,
        "abc\nINFO forged log line",
        "abc\r\nSet-Cookie: x=1",
        "<script>alert(1)</script>",
        "id with spaces",
        "",
    ],
)
def test_a_hostile_request_id_is_replaced_by_a_new_one(client, log_lines, hostile):
    response = client.get("/logged/", HTTP_X_REQUEST_ID=hostile)

    assert NEW_ID.fullmatch(response["X-Request-ID"])
    assert not any("forged" in line or "Set-Cookie" in line for line in log_lines())


def test_the_log_lines_of_a_request_carry_the_id_it_answered_with(client, log_lines):
    request_id = client.get("/logged/")["X-Request-ID"]

    ours = [line for line in log_lines() if "serving the logged page" in line]
    assert len(ours) == 1
    assert f"[{request_id}]" in ours[0]
    assert "WARNING tests.core.test_logs" in ours[0]


def test_a_line_written_outside_a_request_says_so(log_lines):
    logger.warning("not in a request")

    assert "[-]: not in a request" in log_lines()[-1]


# The settings read LOG_FORMAT once, at start: a process of its own, as the servers are.
JSON_PROBE = """
import django, json, sys
django.setup()
from django.test import Client
from django.test.utils import override_settings
with override_settings(ROOT_URLCONF="tests.core.test_logs", ALLOWED_HOSTS=["testserver"]):
    response = Client().get("/logged/")
print(json.dumps(response["X-Request-ID"]))
"""


def test_with_log_format_json_every_line_is_a_json_object_with_the_request_id():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "LOG_FORMAT": "json",
        "LOG_LEVEL": "INFO",
    }
    result = subprocess.run(
        [sys.executable, "-c", JSON_PROBE],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    request_id = json.loads(result.stdout.strip().splitlines()[-1])
    lines = [json.loads(line) for line in result.stderr.splitlines()]

    (served,) = [line for line in lines if line["message"] == "serving the logged page"]
    assert served["request_id"] == request_id
    assert served["level"] == "WARNING"
    assert served["logger"] == "tests.core.test_logs"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+\+00:00", served["time"])
    assert "exception" not in served
    (error,) = [line for line in lines if line["message"] == "an error handled while serving it"]
    assert error["request_id"] == request_id
    assert error["level"] == "ERROR"
    assert error["exception"].startswith("Traceback (most recent call last):")
    assert "ValueError: a handled error" in error["exception"]
    assert all(line["request_id"] == "-" for line in lines if line not in (served, error))


@pytest.mark.urls("alliance.urls")
def test_a_page_from_the_page_cache_answers_with_the_id_of_its_own_request(client, settings):
    settings.PAGE_CACHE_SECONDS = 60
    first = client.get("/en/")
    second = client.get("/en/")

    assert first.status_code == second.status_code == 200
    assert second["X-Request-ID"] != first["X-Request-ID"]
