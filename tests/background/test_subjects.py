"""What the staff's notifications are called in their inbox."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.core.mail import mail_admins

pytestmark = pytest.mark.django_db


def test_a_manager_is_told_of_a_join_request_under_the_alliance_s_name(
    client, join_data, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/join/", join_data)

    (notice,) = [m for m in mailoutbox if m.to == ["secretariat@example.org"]]
    assert notice.subject == "[Alliance] New request to join: Łódź (Poland)"


def test_error_reports_carry_the_same_prefix(settings):
    settings.ADMINS = ["it@example.org"]
    mail_admins("Server error", "Traceback")
    assert mail.outbox[0].subject == "[Alliance] Server error"


@pytest.mark.parametrize(("value", "prefix"), [("[CoE Alliance] ", "[CoE Alliance] "), ("", "")])
def test_the_prefix_is_read_from_the_environment(value, prefix):
    env = {**os.environ, "EMAIL_SUBJECT_PREFIX": value, "SECRET_KEY": "x" * 60}
    script = "import alliance.settings as s; print(repr(s.EMAIL_SUBJECT_PREFIX))"
    result = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert result.stdout.strip() == repr(prefix)
