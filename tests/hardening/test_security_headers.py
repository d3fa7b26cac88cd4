import json
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PATHS = ["/en/", "/en/join/", "/en/news/feed/", "/admin/login/"]
# The public HTML pages whose markup must obey the policy (no inline script, no inline style,
# no inline event handler).
HTML_PAGES = [
    "/en/",
    "/fr/",
    "/en/join/",
    "/en/declaration/",
    "/en/declaration/sign/",
    "/en/members/",
    "/en/members/map/",
    "/en/countries/",
    "/en/countries/fr/",
    "/en/news/",
    "/en/about/",
    "/en/privacy/",
    "/admin/login/",
]


def policy(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_a_strict_content_security_policy(client, path):
    csp = policy(client.get(path))

    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    # Scripts from the site itself only: no inline script, with or without a nonce.
    assert csp["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"]


@pytest.mark.parametrize("path", PATHS)
def test_every_response_carries_the_protective_headers(client, path):
    response = client.get(path)

    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert re.search(r"; charset=utf-8$", response["Content-Type"], re.IGNORECASE)


@pytest.mark.parametrize("path", HTML_PAGES)
def test_page_markup_needs_nothing_the_policy_forbids(client, path):
    response = client.get(path)
    html = response.text
    for script in re.findall(r"<script\b[^>]*>", html, re.IGNORECASE):
        assert "src=" in script, script
    assert not re.search(r"<[a-z][^>]*\sstyle\s*=", html, re.IGNORECASE)
    assert not re.search(r"<style\b", html, re.IGNORECASE)
    assert not re.search(r"<[a-z][^>]*\son[a-z]+\s*=", html, re.IGNORECASE)


PRODUCTION_PROBE = """
import json, os, django
django.setup()
from django.core.management import call_command
from django.test import Client, override_settings
# Only the static files' storage differs: the hashed manifest would need a collectstatic first.
from django.conf import settings
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser("staff", "staff@example.org", "a-strong-password-77")
client = Client(HTTP_HOST="alliance.example.org")
report = {}
plain = client.get("/en/")
report["http"] = [plain.status_code, plain.get("Location", "")]
for path in ["/en/", "/en/join/", "/en/news/feed/", "/admin/login/"]:
    response = client.get(path, secure=True)
    report[path] = {"status": response.status_code, "headers": dict(response.headers)}
login = client.post(
    "/admin/login/", {"username": "staff", "password": "a-strong-password-77"}, secure=True
)
language = client.post("/i18n/setlang/", {"language": "fr", "next": "/"}, secure=True)
report["cookies"] = {
    name: {key: morsel[key] for key in ("secure", "httponly", "samesite")}
    for name, morsel in client.cookies.items()
}
report["login"] = login.status_code
print(json.dumps(report))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Headers and cookies as the production settings (DEBUG off) produce them."""
    database = tmp_path_factory.mktemp("production") / "db.sqlite3"
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        env={
            **inherited,
            "DJANGO_SETTINGS_MODULE": "alliance.settings",
            "DEBUG": "0",
            "SECRET_KEY": "a-long-random-production-key-5vX2q9Lw8Zt1Rk3Mn7Bp4Jc6Hd0Gf2Sa9Qe",
            "ALLOWED_HOSTS": "alliance.example.org",
            "DATABASE_URL": f"sqlite:///{database}",
            "LOG_LEVEL": "ERROR",
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_redirects_plain_http_to_https(production):
    status, location = production["http"]

    assert status == 301
    assert location == "https://alliance.example.org/en/"


@pytest.mark.parametrize("path", PATHS)
def test_production_sends_hsts_of_at_least_a_year(production, path):
    headers = production[path]["headers"]
    hsts = dict(
        part.strip().partition("=")[::2] for part in headers["Strict-Transport-Security"].split(";")
    )

    assert production[path]["status"] == 200
    assert int(hsts["max-age"]) >= 365 * 24 * 3600
    assert "includeSubDomains" in hsts
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_production_cookies_are_secure_httponly_and_same_site(production):
    cookies = production["cookies"]

    assert production["login"] == 302
    assert {"sessionid", "csrftoken", "django_language"} <= set(cookies)
    for name, flags in cookies.items():
        assert flags["secure"] is True, name
        assert flags["httponly"] is True, name
        assert flags["samesite"] in {"Lax", "Strict"}, name
