"""In development the e-mails the site sends are printed to the console as people read them,
and their links lead to the site where it runs, at its port."""

import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings

from background import outbox
from background.models import OutgoingEmail
from cooperation.services import answer_proposal
from tests.factories import make_proposal

CONSOLE = {"default": {"BACKEND": "core.mail.ConsoleEmailBackend"}}
LONG_ANSWER = (
    "Merci pour votre proposition : nous aimerions vous rencontrer à Strasbourg pendant la "
    "prochaine session du Congrès, voyez https://www.coe.int/fr/web/congress/alliance pour "
    "son programme."
)


@pytest.mark.django_db
def test_an_e_mail_is_printed_decoded_with_each_link_whole_on_a_line(admin_user, settings, capsys):
    settings.MAILERS = CONSOLE
    settings.SITE_URL = "http://127.0.0.1:8123"
    answer_proposal(make_proposal(name="Romano Drom", language="fr"), admin_user, LONG_ANSWER)
    [email] = OutgoingEmail.objects.all()

    outbox.deliver(email.pk)  # as the task worker does

    printed = capsys.readouterr().out
    lines = printed.splitlines()
    assert "To: kata@example.org" in lines
    assert any(line.startswith("Subject: ") and "Romano Drom" in line for line in lines)
    assert "Bonjour Kata Horváth," in lines  # not "Horv=C3=A1th"
    assert "prochaine session du Congrès" in printed
    assert "=C3" not in printed and "=?utf-8?" not in printed
    assert "http://127.0.0.1:8123" in lines  # each link, whole, on a line of its own
    assert "https://www.coe.int/fr/web/congress/alliance" in lines


def settings_read(**environment):
    """SITE_URL and the mail backend as the site reads them from `environment`."""
    inherited = {
        name: value
        for name, value in os.environ.items()
        if name not in {"SITE_URL", "PORT", "EMAIL_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from alliance import settings as s; "
            "print(s.SITE_URL); print(s.MAILERS['default']['BACKEND'])",
        ],
        env={**inherited, "DEBUG": "1", **environment},
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return result.stdout.split()


def test_development_e_mails_link_to_the_port_the_site_runs_on():
    assert settings_read(PORT="8123")[0] == "http://127.0.0.1:8123"
    assert settings_read()[0] == "http://127.0.0.1:8000"
    assert settings_read(PORT="8123", SITE_URL="https://alliance.example.org/")[0] == (
        "https://alliance.example.org"
    )


def test_development_prints_e_mails_readable():
    assert settings_read()[1] == "core.mail.ConsoleEmailBackend"


def test_make_run_gives_the_site_s_port_to_the_web_process_and_the_task_worker():
    # honcho gives each process a PORT of its own (the worker's is the site's plus 100).
    result = subprocess.run(
        ["make", "--dry-run", "run", "PORT=8123"],
        cwd=django_settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )

    assert "SITE_URL=${SITE_URL:-http://127.0.0.1:8123}" in result.stdout
