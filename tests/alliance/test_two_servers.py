"""Two gunicorn servers behind HAProxy, sharing the database and Redis (docs/bench.md):
whatever one server does, the other sees on the next request."""

import http.cookiejar
import os
import re
import shutil
import urllib.error
import urllib.parse
import urllib.request
import uuid

import pytest
from django.conf import settings
from django.db import connection

from bench.servers import gunicorn, haproxy
from members.models import Member
from tests.alliance.conftest import REDIS_URL, redis_reachable
from tests.factories import make_member
from tests.servers import production_env

pytestmark = [
    pytest.mark.servers,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        shutil.which("haproxy") is None and not os.environ.get("CI"),
        reason="haproxy is not installed (apt-get install haproxy; CI installs it)",
    ),
]


def database_url():
    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{database['NAME']}"
    user = database["USER"] or "postgres"
    return f"postgres://{user}@{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}/{database['NAME']}"


@pytest.fixture
def site(tmp_path):
    """(balancer, server one, server two) base URLs, and the Redis prefix they share."""
    if not redis_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_URL}")
    prefix = f"alliance-servers-{uuid.uuid4().hex}"
    env = production_env(
        database_url(),
        CONN_MAX_AGE="0",
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        PAGE_CACHE_SECONDS="600",
        TRUSTED_PROXY_COUNT="1",
        FORM_MIN_FILL_SECONDS="0",
        FORM_RATE_LIMIT_PER_ADDRESS="1",
        DATA_FILES_ROOT=str(tmp_path / "data-files"),
        DATA_FILES_DELAY="60",
    )
    # Tables the servers' connections need to see are committed (transactional test).
    connection.close()
    with (
        gunicorn(env, workers=1) as (one, _),
        gunicorn(env, workers=1) as (two, _),
        haproxy(one, two) as balancer,
    ):
        yield balancer, one, two, prefix
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


class Browser:
    """A visitor with cookies, talking to any server."""

    def __init__(self):
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect()
        )

    def get(self, url):
        return self.send(urllib.request.Request(url))

    def post(self, url, fields):
        data = urllib.parse.urlencode(fields).encode()
        return self.send(urllib.request.Request(url, data=data, headers={"Referer": url}))

    def send(self, request):
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf_token(self, text):
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text).group(1)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def test_a_decision_a_session_and_the_form_limits_hold_across_both_servers(site):
    balancer, one, two, _prefix = site
    from django.contrib.auth.models import User

    User.objects.create_superuser("staff", "staff@example.org", "a-long-password-1")
    make_member(name="Strasbourg", country="FR")
    pending = make_member(name="Košice", country="SK", status=Member.Status.PENDING)
    visitor = Browser()
    # Both servers have the directory in the page cache, without the pending member.
    for base in (one, two, one, two):
        assert "Košice" not in visitor.get(base + "/en/members/")[1]

    # Signed in through server one, the session works on server two.
    staff = Browser()
    _status, form = staff.get(one + "/admin/login/")
    status, _text = staff.post(
        one + "/admin/login/",
        {
            "csrfmiddlewaretoken": staff.csrf_token(form),
            "username": "staff",
            "password": "a-long-password-1",
            "next": "/admin/",
        },
    )
    assert status == 302
    status, text = staff.get(two + "/admin/members/member/")
    assert status == 200 and "Košice" in text

    # A decision through server two shows on the next public request through server one.
    status, _text = staff.post(
        two + "/admin/members/member/",
        {
            "csrfmiddlewaretoken": staff.csrf_token(text),
            "action": "approve_selected",
            "_selected_action": pending.pk,
            "index": 0,
        },
    )
    assert status == 302
    assert "Košice" in visitor.get(one + "/en/members/")[1]
    assert "Košice" in visitor.get(balancer + "/en/members/")[1]

    # The form limits are shared: one accepted post per address, whichever server takes it.
    results = []
    for base in (one, two):
        writer = Browser()
        _status, form = writer.get(base + "/en/contact/")
        status, _text = writer.post(
            base + "/en/contact/",
            {
                "csrfmiddlewaretoken": writer.csrf_token(form),
                "shown_at": re.search(r'name="shown_at" value="([^"]+)"', form).group(1),
                "privacy_consent": "on",
                "name": "Ana Exemplo",
                "email": f"ana-{base[-5:]}@example.org",
                "subject": "general",
                "message": "A question about the Alliance.",
            },
        )
        results.append(status)
    assert results == [302, 429]


def test_the_data_files_are_built_once_for_both_servers(site):
    balancer, one, two, _prefix = site
    from django_tasks_db.models import DBTaskResult

    make_member(name="Strasbourg", country="FR")
    staff = Browser()
    from django.contrib.auth.models import User

    User.objects.create_superuser("staff", "staff@example.org", "a-long-password-1")
    pending = [
        make_member(name=name, country="SK", status=Member.Status.PENDING)
        for name in ("Košice", "Prešov")
    ]
    _status, form = staff.get(one + "/admin/login/")
    staff.post(
        one + "/admin/login/",
        {
            "csrfmiddlewaretoken": staff.csrf_token(form),
            "username": "staff",
            "password": "a-long-password-1",
        },
    )
    # One approval through each server, within the build's delay.
    for base, member in zip((one, two), pending, strict=True):
        _status, text = staff.get(base + "/admin/members/member/")
        status, _text = staff.post(
            base + "/admin/members/member/",
            {
                "csrfmiddlewaretoken": staff.csrf_token(text),
                "action": "approve_selected",
                "_selected_action": member.pk,
                "index": 0,
            },
        )
        assert status == 302

    builds = DBTaskResult.objects.filter(task_path="core.open_data.build_data_files_task")
    assert builds.count() == 1
    # Until the worker has built them, both servers render the files, with both approvals.
    for base in (one, two, balancer):
        assert "Prešov" in urllib.request.urlopen(base + "/data/members.csv").read().decode()
