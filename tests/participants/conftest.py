import re

import pytest
from django.core import mail
from django.test import TestCase

from members.models import Member
from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401
from tests.factories import make_contact_person, make_member

SPACE = "/en/participants/"


def ask_for_link(client, email, language="en"):
    """The sign-in form, sent; the link's e-mail goes once the request's transaction commits
    (the test's never does: its callbacks run as it would)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/{language}/participants/", {"email": email})


def link_in_mail(email):
    """The sign-in link of the last e-mail sent to `email`."""
    (message, *_rest) = [m for m in reversed(mail.outbox) if m.to == [email]]
    return re.search(r"^(http\S+/participants/sign-in/\?sesame=\S+)$", message.body, re.M).group(1)


def token_of(link):
    return link.split("sesame=", 1)[1]


def sign_in(client, email):
    """Sign in as a contact person the way they do: ask, open the link, press the button."""
    mail.outbox.clear()
    ask_for_link(client, email)
    token = token_of(link_in_mail(email))
    response = client.post("/en/participants/sign-in/", {"sesame": token})
    assert response.status_code == 302, response
    return client


@pytest.fixture
def member():
    return make_member(name="Košice", country="SK", description="A city in eastern Slovakia.")


@pytest.fixture
def contact(member):
    return make_contact_person(member, name="Zuzana Horváthová", email="zuzana@kosice.example.sk")


@pytest.fixture
def other_member():
    return make_member(name="Lyon", country="FR")


@pytest.fixture
def other_contact(other_member):
    return make_contact_person(other_member, name="Jean Dupont", email="jean@lyon.example.fr")


@pytest.fixture
def signed_in(client, contact):
    return sign_in(client, contact.email)


@pytest.fixture
def secretariat(django_user_model):
    return django_user_model.objects.create_superuser(
        "secretariat", "secretariat@example.org", "a long password 42"
    )


@pytest.fixture
def staff_client(secretariat):
    from django.test import Client

    client = Client()
    client.force_login(secretariat)
    return client


__all__ = ["SPACE", "Member"]
