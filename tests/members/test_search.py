"""The directory's search finds a member by any name a visitor sees, accents and case aside,
in both languages."""

import pytest

from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def seville():
    make_member(name="Strasbourg", country="FR")
    # As in the issue that found it: only the French name is translated.
    return make_member(name="Sevilla", display_name_fr="Séville", country="ES")


def slugs_found(client, language, query):
    """The members the results link to (the search box repeats the query, so not names)."""
    content = client.get(f"/{language}/members/", {"q": query}).content.decode()
    return {slug for slug in ("sevilla", "strasbourg") if f"/members/{slug}/" in content}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("query", ["Séville", "seville", "SÉVILLE", "Sevilla", "sevilla", "SEV"])
def test_a_member_is_found_by_its_local_and_translated_names(client, seville, language, query):
    assert slugs_found(client, language, query) == {"sevilla"}


@pytest.mark.parametrize(
    ("name", "query"),
    [
        ("Łódź", "lodz"),
        ("Łódź", "ŁÓDŹ"),
        ("Lodz", "Łódź"),
        ("София", "СОФИЯ"),
        ("Kraków", "KRAKOW"),
    ],
)
def test_search_folds_accents_scripts_and_case_both_ways(client, name, query):
    member = make_member(name=name, country="PL")
    make_member(name="Strasbourg", country="FR")

    content = client.get("/en/members/", {"q": query}).content.decode()

    assert member.get_absolute_url() in content
    assert "/members/strasbourg/" not in content


def test_a_translated_name_added_later_is_searchable(client):
    member = make_member(name="Bruxelles", country="BE")
    url = member.get_absolute_url()
    assert url not in client.get("/en/members/", {"q": "brussel"}).content.decode()

    member.display_name_en = "Brussels"
    member.save(update_fields=["display_name_en"])

    assert url in client.get("/en/members/", {"q": "brussel"}).content.decode()
    assert Member.objects.search("BRÜSSEL").get() == member
