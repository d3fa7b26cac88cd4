"""The outbox's rules: one e-mail sent once, and the retry delays."""

import datetime
import itertools

import pytest
from django.conf import settings
from django.db import transaction

from alliance.settings import env_delays
from background import outbox, tasks
from background.models import OutgoingEmail
from core.mail import send_after_commit

pytestmark = pytest.mark.django_db


def test_an_e_mail_whose_task_runs_twice_is_sent_once(mailoutbox):
    with transaction.atomic():
        send_after_commit("Hello", "members/email/join_received.txt", {}, ["mayor@example.org"])
    email = OutgoingEmail.objects.get()

    first, second = tasks.send_email.call(email.pk), tasks.send_email.call(email.pk)

    assert first == "sent to 1 recipient(s)"
    assert second == "nothing to do: the e-mail is sent"
    assert len(mailoutbox) == 1
    assert mailoutbox[0].extra_headers["Message-ID"] == email.message_id


def test_by_default_an_e_mail_is_tried_for_two_days_and_still_after_an_hour():
    now = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    tries, moment = [now], now
    while (moment := outbox.next_attempt(len(tries), moment)) is not None:
        tries.append(moment)

    gaps = [b - a for a, b in itertools.pairwise(tries)]
    minutes = [gap.total_seconds() / 60 for gap in gaps[:4]]
    assert minutes == [1, 5, 15, 60]
    assert set(gaps[4:]) == {datetime.timedelta(hours=6)}
    assert tries[-1] - tries[4] == datetime.timedelta(days=2)
    assert len(settings.EMAIL_RETRY_DELAYS) == 12


def test_retry_delays_are_read_from_the_environment(monkeypatch):
    monkeypatch.setenv("EMAIL_RETRY_DELAYS", "30, 120,3600*3")

    assert env_delays("EMAIL_RETRY_DELAYS", "60") == [30, 120, 3600, 3600, 3600]
