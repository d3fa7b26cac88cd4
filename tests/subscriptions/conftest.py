import re

import pytest
from django.core import mail

from subscriptions import digests
from tests.background.conftest import database_tasks  # noqa: F401
from tests.participants.conftest import (  # noqa: F401
    contact,
    member,
    other_contact,
    other_member,
    secretariat,
    signed_in,
    staff_client,
)

CHOICES = "/en/participants/subscriptions/"


@pytest.fixture
def run_digests(django_capture_on_commit_callbacks):
    """Run the digest job as the worker does, and send what it wrote: the e-mails sent."""

    def run(now=None):
        sent_before = len(mail.outbox)
        with django_capture_on_commit_callbacks(execute=True):
            digests.send_due_digests(now)
        return mail.outbox[sent_before:]

    return run


def links_in(message):
    return re.findall(r"^\s*(https?://\S+)$", message.body, re.M)


def unsubscribe_link(message):
    (link,) = [url for url in links_in(message) if "/unsubscribe/" in url]
    return link
