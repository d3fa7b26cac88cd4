"""Every public page, in English and in French, with the demo content: zero errors from the
Nu HTML Checker (the W3C's validator), run on this machine (`make test` installs it).

Without Java or vnu.jar the test is skipped loudly; under CI it fails instead.
"""

import io
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.browser.conftest import DemoSite
from tests.browser.test_accessibility import LANGUAGES, PAGES

NU_JAR = Path(settings.BASE_DIR) / "tests/html/node_modules/vnu-jar/build/dist/vnu.jar"
JAVA = shutil.which("java")


def nu_errors(files):
    """The checker's errors, each as "file:line: message"."""
    if not (JAVA and NU_JAR.exists()):
        missing = f"the Nu HTML Checker needs Java and {NU_JAR} (`make nu`)"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    result = subprocess.run(
        [JAVA, "-jar", str(NU_JAR), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr)["messages"]
    return [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine', '?')}: {m['message']}"
        f" [{m.get('extract', '').strip()}]"
        for m in messages
    ]


@pytest.mark.django_db
def test_every_public_page_is_valid_html(client, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    demo = DemoSite()
    files = []
    for name in PAGES:
        for language in LANGUAGES:
            response = client.get(demo.path(name, language))
            assert response.status_code in (200, 404), (name, language)
            files.append(tmp_path / f"{language}-{name.replace(':', '-')}.html")
            files[-1].write_bytes(response.content)

    errors = nu_errors(files)

    assert not errors, "\n".join(errors)


def test_the_checker_reports_what_html_refuses(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!doctype html><html lang="en"><title>t</title><form action="">'
        '<time datetime="2026-12-06T10:15:00.123456+01:00">6 December</time></form></html>'
    )

    errors = nu_errors([page])

    assert len(errors) == 2
    assert "A fraction of a second must be one, two, or three digits" in errors[1]
    assert "Bad value “” for attribute “action”" in errors[0]
