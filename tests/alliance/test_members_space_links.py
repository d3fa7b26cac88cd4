"""Every public page leads a member's contact person to the members' space, in both languages."""

import re

import pytest
from django.utils import translation

from tests.factories import make_member

pytestmark = pytest.mark.django_db


def space_links(page, language):
    """The texts of the links to the space's sign-in page."""
    return [
        re.sub(r"\s+", " ", text).strip()
        for text in re.findall(rf'<a href="/{language}/participants/">(.*?)</a>', page, re.S)
    ]


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("path", ["", "practices/", "members/", "events/", "contact/"])
def test_every_public_page_links_to_the_members_space_in_its_footer(client, language, path):
    page = client.get(f"/{language}/{path}").content.decode()

    footer = page[page.index('<footer class="site-footer">') :]
    assert space_links(footer, language)


def test_the_footer_names_the_members_space(client):
    page = client.get("/en/").content.decode()

    footer = page[page.index('<footer class="site-footer">') :]
    assert "Members’ space" in space_links(footer, "en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_home_pages_card_for_cities_and_regions_leads_to_the_space(client, language):
    page = client.get(f"/{language}/").content.decode()

    audiences = page[
        page.index('<ul class="audiences">') : page.index(
            "</ul>", page.index('<ul class="audiences">')
        )
    ]
    first_card = audiences.split('<li class="audience">')[1]
    assert space_links(first_card, language)
    if language == "en":
        assert "Sign in to the members’ space" in space_links(first_card, "en")


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_join_forms_thanks_page_tells_about_the_space(client, language):
    page = client.get(f"/{language}/join/thanks/").content.decode()

    main = page[: page.index('<footer class="site-footer">')]
    assert space_links(main, language)
    if language == "en":
        assert "members’ space" in main


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_members_public_page_asks_its_contact_to_sign_in(client, language):
    member = make_member(name="Košice", country="SK")

    with translation.override(language):
        path = member.get_absolute_url()
    page = client.get(path).content.decode()

    assert path.startswith(f"/{language}/")

    main = page[: page.index('<footer class="site-footer">')]
    assert space_links(main, language)
    if language == "en":
        assert "Are you this authority’s contact?" in main
