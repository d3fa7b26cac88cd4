"""With the database unreachable the site answers a static 503 page, and recovers by itself.

Each case runs the production settings in a fresh interpreter pointed at a broken DATABASE_URL,
as a server would be.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

# Pages that read the database; the empty forms and the admin's redirect to its login need none.
PUBLIC_PAGES = [
    "/en/",
    "/fr/",
    "/en/members/",
    "/en/members/map/",
    "/en/countries/fr/",
    "/en/declaration/",
    "/en/news/",
    "/en/about/",
]
JOIN = {
    "name": "Novi Sad",
    "kind": "city",
    "country": "RS",
    "contact_name": "Jelena Petrović",
    "contact_email": "jelena.petrovic@novisad.example.org",
    "privacy_consent": "on",
}
POSTS = {
    "/en/join/": JOIN,
    "/admin/login/": {"username": "secretariat", "password": "a-strong-password-77"},
}

PROBE = """
import json, sys, time, django
django.setup()
from django.test import Client, override_settings
# Only the static files' storage differs: the hashed manifest would need a collectstatic first.
from django.conf import settings
override_settings(
    STORAGES={
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
).enable()
client = Client()
report = {}
for path in json.loads(sys.argv[1]):
    started = time.perf_counter()
    if path.startswith("POST "):
        path = path[5:]
        response = client.post(path, json.loads(sys.argv[2])[path], secure=True)
    else:
        response = client.get(path, secure=True)
    report[path] = {
        "status": response.status_code,
        "seconds": time.perf_counter() - started,
        "text": response.content.decode(),
        "retry_after": response.get("Retry-After"),
        "csp": response.get("Content-Security-Policy"),
    }
    if len(sys.argv) > 3 and path == "/health/" and "recovered" not in report:
        # The database appears (as a restarted server would) while this process keeps running.
        import os, shutil
        source, target = sys.argv[3], sys.argv[4]
        os.makedirs(os.path.dirname(target))
        shutil.copy(source, target)
        report["recovered"] = client.get("/health/", secure=True).status_code
        report["home_after"] = client.get("/en/", secure=True).status_code
print(json.dumps(report))
"""

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "alliance.settings",
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-production-key-5vX2q9Lw8Zt1Rk3Mn7Bp4Jc6Hd0Gf2Sa9Qe",
    "ALLOWED_HOSTS": "testserver",
    "LOG_LEVEL": "CRITICAL",
    # The probe posts the join form the instant it starts, which a person could not.
    "FORM_MIN_FILL_SECONDS": "0",
}


def run(args, database_url):
    inherited = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    result = subprocess.run(
        [sys.executable, *args],
        env={**inherited, **PRODUCTION, "DATABASE_URL": database_url},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def probe(database_url, paths, *recovery):
    output = run(["-c", PROBE, json.dumps(paths), json.dumps(POSTS), *recovery], database_url)
    return json.loads(output.strip().splitlines()[-1])


UNREACHABLE = {
    "postgresql-closed-port": "postgres://postgres@127.0.0.1:1/alliance",
    "sqlite-unreadable-path": "sqlite:////nonexistent-folder/for/the/alliance.sqlite3",
}


@pytest.fixture(scope="module", params=sorted(UNREACHABLE))
def unreachable(request):
    return probe(
        UNREACHABLE[request.param], [*PUBLIC_PAGES, *(f"POST {path}" for path in POSTS), "/health/"]
    )


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, *POSTS])
def test_public_pages_answer_the_static_503_page(unreachable, path):
    # The forms are posted: nothing can be stored or checked, and the visitor is told to retry.
    answer = unreachable[path]

    assert answer["status"] == 503
    assert "Temporarily unavailable" in answer["text"]
    assert "Momentanément indisponible" in answer["text"]
    assert "Traceback" not in answer["text"]
    assert "OperationalError" not in answer["text"]
    assert answer["retry_after"] == "30"
    assert "default-src 'self'" in answer["csp"]


def test_health_answers_503_within_two_seconds(unreachable):
    answer = unreachable["/health/"]

    assert answer["status"] == 503
    assert answer["text"] == "database unavailable"
    assert answer["seconds"] < 2


def test_the_site_recovers_by_itself_when_the_database_comes_back(tmp_path):
    ready = tmp_path / "ready.sqlite3"
    run(["manage.py", "migrate", "--noinput", "-v", "0"], f"sqlite:///{ready}")
    target = tmp_path / "appears-later" / "alliance.sqlite3"

    report = probe(f"sqlite:///{target}", ["/en/", "/health/"], str(ready), str(target))

    assert report["/en/"]["status"] == 503
    assert report["/health/"]["status"] == 503
    assert report["recovered"] == 200
    assert report["home_after"] == 200
