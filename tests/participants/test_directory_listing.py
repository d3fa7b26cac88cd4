"""A contact person decides in the space whether the directory lists them, and with what."""

import pytest
from django.test import Client

from participants.models import ContactPerson
from tests.factories import make_contact_person, make_member, make_theme

from .conftest import SPACE, sign_in

pytestmark = pytest.mark.django_db

LISTING = f"{SPACE}my-data/directory/"
DIRECTORY = f"{SPACE}directory/"


@pytest.fixture
def peer(other_contact):
    """Another member's contact person, signed in on their own browser."""
    return sign_in(Client(), other_contact.email)


def row_of(page, name):
    start = page.index(name)
    return page[start : page.index("</tr>", start)]


def test_my_data_page_offers_the_choice_unlisted_at_first(signed_in):
    page = signed_in.get(f"{SPACE}my-data/").content.decode()

    assert "You are not listed" in page
    assert f'action="{LISTING}"' in page
    assert 'name="listed"' in page and 'name="show_role"' in page and 'name="themes"' in page


def test_a_contact_lists_themselves_with_their_role_and_themes(signed_in, contact, peer):
    assert contact.role == "Roma inclusion officer"
    housing = make_theme("housing", "Housing")
    make_theme("education", "Education")
    assert "Zuzana Horváthová" not in peer.get(DIRECTORY).content.decode()

    response = signed_in.post(LISTING, {"listed": "on", "show_role": "on", "themes": [housing.pk]})

    assert response.status_code == 302
    assert "You are listed" in signed_in.get(response["Location"]).content.decode()
    row = row_of(peer.get(DIRECTORY).content.decode(), "Zuzana Horváthová")
    assert "Roma inclusion officer" in row and "Housing" in row and "Education" not in row


def test_a_contact_hides_their_role(signed_in, contact, peer):
    assert contact.role == "Roma inclusion officer"

    signed_in.post(LISTING, {"listed": "on"})

    row = row_of(peer.get(DIRECTORY).content.decode(), "Zuzana Horváthová")
    assert "Roma inclusion officer" not in row


def test_a_contact_leaves_the_directory(signed_in, contact, peer):
    ContactPerson.objects.filter(pk=contact.pk).update(listed=True)
    assert "Zuzana Horváthová" in peer.get(DIRECTORY).content.decode()

    signed_in.post(LISTING, {"show_role": "on"})

    assert "Zuzana Horváthová" not in peer.get(DIRECTORY).content.decode()
    assert "You are not listed" in signed_in.get(f"{SPACE}my-data/").content.decode()


def test_the_choice_is_only_ones_own(signed_in, contact, member):
    colleague = make_contact_person(member, name="Peter Novák", email="peter@kosice.example.sk")
    elsewhere = make_contact_person(make_member(name="Graz", country="AT"))

    signed_in.post(LISTING, {"listed": "on", "id": colleague.pk, "member": elsewhere.member.pk})

    assert list(ContactPerson.objects.filter(listed=True)) == [contact]
