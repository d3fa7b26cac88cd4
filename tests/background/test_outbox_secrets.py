"""What staff see of the outbox hides the secrets of the e-mails' links; the e-mails keep them."""

import html
import re
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse

from background import outbox
from background.models import OutgoingEmail
from declarations import services as declaration_services
from events import services as event_services
from participants import auth
from participants.models import ContactPerson
from participants.services import account_for
from tests.factories import make_member

pytestmark = pytest.mark.django_db

OUTBOX = reverse("admin:background_outgoingemail_changelist")
SIGN_IN_LINK = re.compile(r"https?://\S+/participants/sign-in/\?sesame=[^\s<\"]+")


@pytest.fixture
def outbox_reader(django_user_model):
    """A staff member who may read the outbox, and nothing else."""
    user = django_user_model.objects.create_user(
        "reader", "reader@example.org", "a long password 42", is_staff=True
    )
    user.user_permissions.add(Permission.objects.get(codename="view_outgoingemail"))
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def contact():
    member = make_member(name="Košice", country="SK")
    return ContactPerson.objects.create(
        member=member, name="Zuzana Horváthová", role="Officer", email="zuzana@kosice.example.sk"
    )


def test_a_sign_in_link_in_the_outbox_is_masked_and_what_staff_see_signs_nobody_in(
    client, contact, outbox_reader, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/participants/", {"email": contact.email})
    (message,) = mailoutbox
    sent_link = SIGN_IN_LINK.search(message.body).group()
    token = sent_link.split("sesame=", 1)[1]
    row = OutgoingEmail.objects.get()

    listed = outbox_reader.get(OUTBOX)
    page = outbox_reader.get(reverse("admin:background_outgoingemail_change", args=[row.pk]))

    assert listed.status_code == page.status_code == 200
    assert token not in listed.text and token not in page.text
    shown_link = html.unescape(SIGN_IN_LINK.search(page.text).group())
    assert shown_link.endswith("/participants/sign-in/?sesame=•••")
    visitor = Client()
    shown = urlsplit(shown_link)
    shown_token = shown.query.split("sesame=", 1)[1]
    assert visitor.get(shown.path, {"sesame": shown_token}).status_code == 400
    assert visitor.post("/en/participants/sign-in/", {"sesame": shown_token}).status_code == 400
    assert "_auth_user_id" not in visitor.session
    # The e-mail itself carries the link that works.
    assert visitor.post("/en/participants/sign-in/", {"sesame": token}).status_code == 302
    assert "_auth_user_id" in visitor.session


def confirmation_links(contact):
    """The links with a secret the site e-mails: a contact person's sign-in, a signature's
    and an event registration's confirmation (and their secrets)."""
    query = auth.link_query(account_for(contact.email))
    signature = declaration_services.confirmation_url(SimpleNamespace(pk=41, language="fr"))
    registration = event_services.confirmation_url(SimpleNamespace(pk=42, language="en"))
    return [
        (f"http://127.0.0.1:8000/en/participants/sign-in/{query}", query.split("=", 1)[1]),
        (signature, signature.rstrip("/").rsplit("/", 1)[1]),
        (registration, registration.rstrip("/").rsplit("/", 1)[1]),
    ]


def test_every_kind_of_secret_link_is_masked_on_the_list_and_the_page(contact, outbox_reader):
    links = confirmation_links(contact)
    body = "Hello,\n\n" + "\n\n".join(link for link, _secret in links) + "\n"
    row = outbox.store("Your link", body, [contact.email])

    page = outbox_reader.get(reverse("admin:background_outgoingemail_change", args=[row.pk])).text
    listed = outbox_reader.get(OUTBOX).text

    for link, secret in links:
        assert len(secret) > 20
        assert secret not in page and secret not in listed
        assert link.replace(secret, "•••") in html.unescape(page)
    row.refresh_from_db()
    assert row.body == body


def test_staff_cannot_filter_the_outbox_on_the_text_of_the_e_mails(contact, outbox_reader):
    outbox.store(
        "Your link", "http://127.0.0.1:8000/en/participants/sign-in/?sesame=AbC", ["a@b.c"]
    )

    for lookup in ("body__startswith", "body__contains", "body__regex", "subject__contains"):
        response = outbox_reader.get(OUTBOX, {lookup: "Hello"})
        assert response.status_code == 400, lookup
    assert outbox_reader.get(OUTBOX, {"state": "queued"}).status_code == 200


def test_links_without_secrets_are_shown_as_they_are():
    text = "Read it at https://alliance.example.org/en/news/roma-housing-in-madrid/ today."
    assert outbox.masked(text) == text
