"""The embedded default holds `make run`'s load: people sending public forms and staff saving in
the admin at the same moment, with the task worker polling beside them, never meet "database is
locked" (a 503), and every post is stored.

The site runs as production does (gunicorn, production settings from the environment), with
two processes of five threads, so that writers meet both across processes and across threads,
and the real task worker runs beside it. On PostgreSQL the same load must hold too.
"""

import concurrent.futures
import html
import http.cookiejar
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.contrib.auth import get_user_model

from bench.servers import ROOT, gunicorn, stop
from contact.models import ContactMessage
from declarations.demo import ensure_declaration
from declarations.models import Signature
from members.models import Member
from news.models import Article
from tests.alliance.test_two_servers import database_url
from tests.servers import production_env

pytestmark = [pytest.mark.servers, pytest.mark.django_db(transaction=True)]

ROUNDS = 3
PASSWORD = "a-long-password-1"


class Visitor:
    """A browser: cookies, and forms sent with every field the page gave them."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def open(self, path, data=None):
        url = self.base + path
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(url, data=body, headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def send_form(self, path, fields):
        """Shows the form, then sends it with its hidden fields and `fields` typed in."""
        status, page = self.open(path)
        assert status == 200, f"GET {path}: {status}"
        hidden = {
            html.unescape(name): html.unescape(value)
            for name, value in re.findall(
                r'<input type="hidden" name="([^"]+)" value="([^"]*)"', page
            )
        }
        return self.open(path, {**hidden, **fields})


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def site(tmp_path):
    env = production_env(
        database_url(),
        REDIS_URL="",
        FORM_MIN_FILL_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        DATA_FILES_ROOT=str(tmp_path / "data-files"),
        MEDIA_ROOT=str(tmp_path / "media"),
    )
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.05"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        with gunicorn(env, workers=2, threads=5) as (base, _process):
            yield base
    finally:
        stop(worker)


def public_posts(round_number):
    """Eight people sending the public forms at once: join, sign, write to the secretariat."""
    posts = []
    for n in range(3):
        tag = f"{round_number}-{n}"
        posts.append(
            (
                "/en/join/",
                {
                    "name": f"Town {tag}",
                    "kind": "city",
                    "country": "PL",
                    "contact_name": "Anna Kowalska",
                    "contact_role": "Roma inclusion officer",
                    "contact_email": f"officer-{tag}@example.org",
                    "motivation": f"Town {tag} works with its Roma community on schooling.",
                    "privacy_consent": "on",
                },
            )
        )
        posts.append(
            (
                "/en/declaration/sign/",
                {
                    "full_name": f"Signatory {tag}",
                    "office": Signature.Office.MAYOR,
                    "authority_name": f"Authority {tag}",
                    "country": "DE",
                    "email": f"mayor-{tag}@example.org",
                    "consent_to_publish": "on",
                    "commitment": "on",
                },
            )
        )
    for n in range(2):
        tag = f"{round_number}-{n}"
        posts.append(
            (
                "/en/contact/",
                {
                    "name": f"Writer {tag}",
                    "email": f"writer-{tag}@example.org",
                    "subject": "general",
                    "message": f"A question about the Alliance, number {tag}.",
                    "privacy_consent": "on",
                },
            )
        )
    return posts


def admin_posts(round_number):
    """Two staff members saving a news article each in the admin at the same moment."""
    return [
        (
            "/admin/news/article/add/",
            {
                "kind": "news",
                "title_en": f"Staff article {round_number}-{n}",
                "lead_en": "A short summary.",
                "body_en": "The text of the article.",
                "original_language": "en",
                "status": "draft",
            },
        )
        for n in range(2)
    ]


def test_eight_public_posts_and_two_admin_saves_at_once_are_all_stored(site):
    ensure_declaration()
    get_user_model().objects.create_superuser("staff", "staff@example.org", PASSWORD)
    staff = []
    for _n in range(2):
        browser = Visitor(site)
        status, _text = browser.send_form(
            "/admin/login/?next=/admin/", {"username": "staff", "password": PASSWORD}
        )
        assert status == 302
        staff.append(browser)

    answers = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=10) as pool:
        for round_number in range(ROUNDS):
            jobs = [
                pool.submit(Visitor(site).send_form, path, fields)
                for path, fields in public_posts(round_number)
            ] + [
                pool.submit(browser.send_form, path, fields)
                for browser, (path, fields) in zip(staff, admin_posts(round_number), strict=True)
            ]
            answers += [job.result() for job in jobs]

    # Each refused post with its page's title ("Temporarily unavailable", "Error: …").
    failures = [
        (status, re.findall(r"<title>(.*?)</title>", text))
        for status, text in answers
        if status != 302
    ]
    assert failures == []
    assert Member.objects.filter(name__startswith="Town ").count() == 3 * ROUNDS
    assert Signature.objects.filter(full_name__startswith="Signatory ").count() == 3 * ROUNDS
    assert ContactMessage.objects.filter(name__startswith="Writer ").count() == 2 * ROUNDS
    assert Article.objects.filter(title__startswith="Staff article").count() == 2 * ROUNDS
