"""With SENTRY_DSN set, errors of the web processes and the task worker reach Sentry, and
nothing personal goes with them; without it, nothing is sent.

Sentry here is a real HTTP server on loopback receiving the SDK's envelopes."""

import gzip
import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import sentry_sdk
from django.conf import settings
from django.http import HttpResponse
from django.tasks import task
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

from core import logs
from tests.background.conftest import database_tasks  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]

VISITOR = "visitor.name@example.org"
STAFF = "staff.member@example.org"
COOKIE = "a-cookie-value-that-is-a-secret"
TYPED = "what the visitor typed in the form"


@csrf_exempt
def broken(request):
    # An error whose message quotes what the visitor posted, as a database error may.
    raise RuntimeError(f"could not store {request.POST.get('email')}")


def fine(request):
    return HttpResponse("ok")


urlpatterns = [path("broken/", broken), path("fine/", fine)]


@task
def failing_task(address):
    raise RuntimeError(f"the mail server refused {address}")


class Sentry:
    """A loopback HTTP server taking Sentry's envelopes; `events` holds the error reports."""

    def __init__(self):
        received = self.envelopes = []

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                encoding = self.headers.get("Content-Encoding", "")
                if encoding == "gzip":
                    body = gzip.decompress(body)
                elif encoding == "br":
                    import brotli

                    body = brotli.decompress(body)
                elif encoding == "deflate":
                    body = zlib.decompress(body)
                received.append(body)
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.dsn = f"http://publickey@127.0.0.1:{self.server.server_port}/1"

    def items(self, kind):
        """The payloads of type `kind` in the envelopes received: (raw text, parsed JSON)."""
        found = []
        for envelope in self.envelopes:
            lines = envelope.split(b"\n")[1:]  # after the envelope's header
            while len(lines) >= 2:
                header, payload = json.loads(lines[0]), lines[1]
                if header.get("type") == kind:
                    found.append((payload.decode(), json.loads(payload)))
                lines = lines[2:]
        return found

    def events(self):
        sentry_sdk.flush(timeout=5)
        return self.items("event")

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def sentry():
    server = Sentry()
    yield server
    sentry_sdk.get_client().close(timeout=2)
    sentry_sdk.get_global_scope().set_client(None)  # reports off again for the other tests
    server.stop()


def post_to_the_broken_view(live_server, client, django_user_model, query=""):
    """A signed-in member of staff posts a form (cookies, a body) to a view that fails."""
    user = django_user_model.objects.create_user("staff", STAFF, "x", is_staff=True)
    client.force_login(user)
    session = client.cookies["sessionid"].value
    request = urllib.request.Request(
        f"{live_server.url}/broken/{query}",
        data=urllib.parse.urlencode({"email": VISITOR, "message": TYPED}).encode(),
        headers={
            "Cookie": f"sessionid={session}; preferences={COOKIE}",
            "X-Forwarded-For": "203.0.113.9",
            "User-Agent": "a browser",
        },
    )
    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10)
    assert answer.value.code == 500
    return answer.value, session


def test_an_error_in_a_view_is_reported_without_personal_data(
    live_server, client, sentry, django_user_model
):
    assert logs.start_error_reports(sentry.dsn, "test", 0.0)

    answer, session = post_to_the_broken_view(
        live_server, client, django_user_model, query=f"?email={VISITOR}"
    )

    ((text, event),) = sentry.events()
    (error,) = event["exception"]["values"]
    assert error["type"] == "RuntimeError"
    assert error["value"] == "could not store [e-mail]"
    assert event["environment"] == "test"
    assert event["tags"]["request_id"] == answer.headers["X-Request-ID"]
    assert event["request"]["method"] == "POST"
    assert event["request"]["url"] == f"{live_server.url}/broken/"
    assert event["request"]["headers"]["User-Agent"] == "a browser"
    for personal in (VISITOR, STAFF, COOKIE, TYPED, session, "203.0.113.9"):
        assert personal not in text
    for kept_out in ("cookies", "data", "query_string", "env"):
        assert kept_out not in event["request"]
    assert "user" not in event


def test_the_sdk_is_told_to_collect_no_cookie_body_or_user(
    live_server, client, sentry, django_user_model, monkeypatch
):
    # Without the report's own filter: the SDK's options alone keep them out.
    monkeypatch.setattr(logs, "without_personal_data", lambda event, hint=None: event)
    logs.start_error_reports(sentry.dsn)

    _answer, session = post_to_the_broken_view(live_server, client, django_user_model)

    ((text, event),) = sentry.events()
    assert event["request"]["method"] == "POST"
    for personal in (STAFF, COOKIE, TYPED, session, "203.0.113.9"):
        assert personal not in text


def test_the_report_filter_removes_what_names_a_person_and_masks_addresses():
    event = {
        "request": {
            "url": f"https://example.org/sign-in/?sesame=secret&email={VISITOR}",
            "query_string": f"email={VISITOR}",
            "cookies": {"sessionid": COOKIE},
            "data": {"message": TYPED},
            "env": {"REMOTE_ADDR": "203.0.113.9"},
            "headers": {"Cookie": COOKIE, "X-Forwarded-For": "203.0.113.9", "Host": "example.org"},
        },
        "user": {"id": "1", "email": STAFF},
        "logentry": {"message": f"Could not send to {VISITOR}"},
        "breadcrumbs": {"values": [{"message": f"Key (email)=({STAFF}) already exists."}]},
    }

    cleaned = logs.without_personal_data(event)

    assert cleaned["request"] == {
        "url": "https://example.org/sign-in/",
        "headers": {"Host": "example.org"},
    }
    assert "user" not in cleaned
    assert cleaned["logentry"]["message"] == "Could not send to [e-mail]"
    assert (
        cleaned["breadcrumbs"]["values"][0]["message"] == "Key (email)=([e-mail]) already exists."
    )


def test_a_failed_task_of_the_worker_is_reported(sentry, database_tasks):  # noqa: F811
    logs.start_error_reports(sentry.dsn)

    failing_task.enqueue(VISITOR)
    database_tasks()

    reports = sentry.events()
    assert reports
    text, event = reports[0]
    assert "RuntimeError" in text
    assert "the mail server refused [e-mail]" in text
    assert VISITOR not in text
    assert event["level"] == "error"


def test_without_a_dsn_nothing_is_sent(client, sentry):
    assert settings.SENTRY_DSN == ""
    assert not logs.start_error_reports(settings.SENTRY_DSN)
    client.raise_request_exception = False

    assert client.post("/broken/", {"email": VISITOR}).status_code == 500

    assert not sentry_sdk.get_client().dsn
    assert sentry.events() == []
    assert sentry.envelopes == []


# The settings start the reports from the environment, in each process, as the servers do.
PROBE = """
import django
django.setup()
import sentry_sdk
from django.test import Client
from django.test.utils import override_settings
client = Client(raise_request_exception=False)
with override_settings(ROOT_URLCONF="tests.core.test_error_reports", ALLOWED_HOSTS=["testserver"]):
    print(client.post("/broken/", {"email": "someone@example.org"}).status_code)
sentry_sdk.flush(timeout=5)
"""


@pytest.mark.parametrize("dsn_set", [True, False])
def test_the_settings_start_the_reports_only_with_a_dsn(sentry, dsn_set):
    environment = {key: value for key, value in os.environ.items() if not key.startswith("SENTRY_")}
    environment |= {"DJANGO_SETTINGS_MODULE": "tests.settings", "LOG_LEVEL": "CRITICAL"}
    if dsn_set:
        environment |= {"SENTRY_DSN": sentry.dsn, "SENTRY_ENVIRONMENT": "staging"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env=environment,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["500"]
    if dsn_set:
        ((text, event),) = sentry.items("event")
        assert event["environment"] == "staging"
        assert "someone@example.org" not in text
    else:
        assert sentry.envelopes == []
