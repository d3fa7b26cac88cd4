"""Every digest stops the e-mails in one click, without signing in: a link to a page with one
button, and the List-Unsubscribe headers mail programs offer as a button of their own."""

from urllib.parse import urlsplit

import pytest
from django.core import signing
from django.test import Client

from background.models import OutgoingEmail
from subscriptions.models import Subscription
from tests.factories import make_practice, make_subscription

from .conftest import unsubscribe_link

pytestmark = pytest.mark.django_db


@pytest.fixture
def digest(contact, run_digests):
    make_subscription(contact, themes=["education"])
    make_practice(themes=["education"], title="Homework clubs")
    (message,) = run_digests()
    return message


def path_of(link):
    return urlsplit(link).path


def test_the_digest_s_link_shows_a_page_with_one_button_and_changes_nothing(digest, contact):
    response = Client().get(path_of(unsubscribe_link(digest)))

    assert response.status_code == 200
    page = response.content.decode()
    assert "Stop the e-mail alerts" in page and 'type="submit"' in page
    assert contact.email in page
    assert Subscription.objects.get().rhythm == Subscription.Rhythm.IMMEDIATELY
    assert "no-store" in response["Cache-Control"]


def test_the_button_stops_the_e_mails_without_signing_in(digest, contact, run_digests):
    path = path_of(unsubscribe_link(digest))
    browser = Client(enforce_csrf_checks=True)
    page = browser.get(path).content.decode()
    token = page.split('name="csrfmiddlewaretoken" value="', 1)[1].split('"', 1)[0]

    response = browser.post(path, {"csrfmiddlewaretoken": token}, follow=True)

    assert response.status_code == 200
    assert "You will receive no more e-mail alerts" in response.content.decode()
    assert Subscription.objects.get().rhythm == Subscription.Rhythm.NONE
    make_practice(themes=["education"], title="Another one")
    assert run_digests() == []
    # What they followed is kept, for the day they want it again.
    assert [theme.slug for theme in Subscription.objects.get().themes.all()] == ["education"]


def test_the_page_s_button_keeps_its_csrf_check(digest):
    response = Client(enforce_csrf_checks=True).post(path_of(unsubscribe_link(digest)))

    assert response.status_code == 403
    assert Subscription.objects.get().rhythm == Subscription.Rhythm.IMMEDIATELY


def test_the_digest_carries_the_one_click_headers(digest, settings):
    message = digest.message()
    header = message["List-Unsubscribe"]

    assert header.startswith(f"<{settings.SITE_URL}/en/participants/subscriptions/unsubscribe/")
    assert header.endswith("/one-click/>")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_mail_program_s_one_click_post_unsubscribes(digest):
    url = digest.message()["List-Unsubscribe"].strip("<>")

    response = Client(enforce_csrf_checks=True).post(
        path_of(url),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert Subscription.objects.get().rhythm == Subscription.Rhythm.NONE


def test_the_one_click_address_only_takes_a_post(digest):
    url = digest.message()["List-Unsubscribe"].strip("<>")

    assert Client().get(path_of(url)).status_code == 405
    assert Subscription.objects.get().rhythm == Subscription.Rhythm.IMMEDIATELY


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_tampered_or_cut_link_says_it_does_not_work(digest, method):
    path = path_of(unsubscribe_link(digest))
    token = path.rstrip("/").rsplit("/", 1)[1]
    other = signing.dumps(Subscription.objects.get().pk + 1, salt="subscriptions.unsubscribe")
    tampered = [
        token[:-3] + ("abc" if not token.endswith("abc") else "xyz"),
        token[: len(token) // 2],
        "not-a-token",
        signing.dumps(Subscription.objects.get().pk, salt="another.purpose"),
        other,  # genuine, but no such subscription
        "x" * 300,
    ]

    for bad in tampered:
        response = getattr(Client(), method)(f"/en/participants/subscriptions/unsubscribe/{bad}/")
        assert response.status_code == 400, bad
        assert "This link does not work" in response.content.decode()

    assert Subscription.objects.get().rhythm == Subscription.Rhythm.IMMEDIATELY


def test_a_link_of_a_subscription_erased_since_says_it_does_not_work(digest):
    path = path_of(unsubscribe_link(digest))
    Subscription.objects.all().delete()

    response = Client().post(path)

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_the_outbox_hides_the_link_s_secret_from_staff(digest, admin_client):
    email = OutgoingEmail.objects.get()
    page = admin_client.get(f"/admin/background/outgoingemail/{email.pk}/change/").content
    token = path_of(unsubscribe_link(digest)).rstrip("/").rsplit("/", 1)[1]

    assert b"Homework clubs" in page
    assert token.encode() not in page
