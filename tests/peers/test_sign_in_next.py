"""Asked to sign in from a practice's page, a contact person comes back to it once their link
has signed them in; a `next` naming another site is never followed."""

import html
import re
from urllib.parse import urlencode

import pytest

from tests.participants.conftest import ask_for_link, link_in_mail, token_of

from .conftest import ask_path

pytestmark = pytest.mark.django_db


def sign_in_from(client, sign_in_page, email):
    """Open the sign-in page as linked, ask for the link, press its button."""
    client.get(sign_in_page)
    ask_for_link(client, email)
    token = token_of(link_in_mail(email))
    return client.post("/en/participants/sign-in/", {"sesame": token})


def test_signing_in_from_a_practice_brings_the_contact_back_to_it(client, sender, practice):
    page = client.get(practice.get_absolute_url())
    sign_in_page = html.unescape(re.search(r'href="(/en/participants/\?next=[^"]+)"', page.text)[1])

    response = sign_in_from(client, sign_in_page, sender.email)

    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url()
    assert f'href="{ask_path(practice)}"' in client.get(response["Location"]).text


def test_a_visitor_asked_to_sign_in_by_the_form_comes_back_to_it(client, sender, practice):
    asked = client.get(ask_path(practice))

    response = sign_in_from(client, asked["Location"], sender.email)

    assert response["Location"] == ask_path(practice)
    assert "<textarea" in client.get(ask_path(practice)).text


@pytest.mark.parametrize(
    "elsewhere",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "javascript:alert(1)"],
)
def test_a_next_to_another_site_is_not_followed(client, sender, elsewhere):
    response = sign_in_from(
        client, "/en/participants/?" + urlencode({"next": elsewhere}), sender.email
    )

    assert response["Location"] == "/en/participants/"


def test_a_signed_in_contact_following_a_sign_in_link_goes_straight_on(signed_in, practice):
    response = signed_in.get(
        "/en/participants/?" + urlencode({"next": practice.get_absolute_url()})
    )

    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url()


def test_without_a_next_the_space_opens_on_its_overview(client, sender):
    response = sign_in_from(client, "/en/participants/", sender.email)

    assert response["Location"] == "/en/participants/"
