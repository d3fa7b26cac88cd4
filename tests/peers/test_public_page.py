"""A practice's public page leads to its authority through the site, never by an address: the
same for every anonymous visitor, so it stays in the page cache, and still right for a signed-in
contact person once an anonymous visit has cached it."""

import pytest

from .conftest import ask_path, sign_in

pytestmark = pytest.mark.django_db


def test_the_public_page_shows_the_contact_s_role_and_no_address(client, practice, lyon_contacts):
    page = client.get(practice.get_absolute_url())

    assert page.status_code == 200
    assert "Roma inclusion office, City of Lyon" in page.text
    assert "inclusion.office@lyon.example.fr" not in page.text
    assert "mailto:" not in page.text
    for contact in lyon_contacts:
        assert contact.email not in page.text


def test_the_cached_page_shows_no_address_and_asks_to_sign_in(
    client, public_cache, practice, lyon_contacts, sender
):
    first = client.get(practice.get_absolute_url())
    kept = client.get(practice.get_absolute_url())
    signed_in = sign_in(client.__class__(), sender).get(practice.get_absolute_url())

    assert "public" in first["Cache-Control"]
    for page in (first, kept):
        assert "inclusion.office@lyon.example.fr" not in page.text
        assert "Sign in to write to this authority" in page.text
    # A signed-in contact person is not served the anonymous copy.
    assert "private" in signed_in["Cache-Control"]
    assert f'href="{ask_path(practice)}"' in signed_in.text
    assert "Sign in to write" not in signed_in.text


def test_the_practice_page_s_queries_for_a_signed_in_contact_stay_few(
    client, practice, sender, django_assert_max_num_queries
):
    sign_in(client, sender)

    with django_assert_max_num_queries(15):
        client.get(practice.get_absolute_url())
