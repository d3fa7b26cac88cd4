"""The participants' directory: the other members' contact persons who agreed to be listed."""

import pytest
from django.utils import timezone

from members.models import Member
from practices.models import Practice, Theme
from tests.factories import make_contact_person, make_member

from .conftest import SPACE, sign_in

pytestmark = pytest.mark.django_db

DIRECTORY = f"{SPACE}directory/"
# Session, user, contact persons (with their member), the countries, the themes, the count,
# the page of contacts (with their members) and their themes of interest.
QUERIES = 8


def test_only_listed_active_contacts_of_other_current_members_are_shown(signed_in, contact):
    make_contact_person(make_member(name="Lyon"), name="Listed Person", listed=True)
    make_contact_person(
        make_member(name="Gent", country="BE"), name="Unlisted Person", listed=False
    )
    make_contact_person(
        make_member(name="Graz", country="AT"), name="Removed Person", listed=True, active=False
    )
    make_contact_person(
        make_member(name="Left Town", status=Member.Status.LEFT), name="Former Person", listed=True
    )
    make_contact_person(contact.member, name="Colleague", email="colleague@kosice.sk", listed=True)

    page = signed_in.get(DIRECTORY).content.decode()

    assert "Listed Person" in page
    for hidden in ("Unlisted Person", "Removed Person", "Former Person", "Colleague"):
        assert hidden not in page


def test_filter_by_country_and_by_theme_of_their_practices(signed_in):
    lyon = make_member(name="Lyon", country="FR")
    gent = make_member(name="Gent", country="BE")
    make_contact_person(lyon, name="Jean", listed=True)
    make_contact_person(gent, name="Els", listed=True)
    housing = Theme.objects.get_or_create(slug="housing", defaults={"name": "Housing"})[0]
    practice = Practice.objects.create(
        title="Ghent housing", start_year=2020, status="published", published_at=timezone.now()
    )
    practice.members.add(gent)
    practice.themes.add(housing)

    by_country = signed_in.get(DIRECTORY, {"country": "FR"}).content.decode()
    by_theme = signed_in.get(DIRECTORY, {"theme": "housing"}).content.decode()
    nonsense = signed_in.get(DIRECTORY, {"country": "ZZ", "theme": "<script>"})

    assert "Jean" in by_country and "Els" not in by_country
    assert "Els" in by_theme and "Jean" not in by_theme
    assert nonsense.status_code == 200


def test_the_directory_is_never_public(client, signed_in):
    make_contact_person(
        make_member(name="Lyon"), name="Listed Person", email="listed@lyon.fr", listed=True
    )
    client.logout()

    assert client.get(DIRECTORY).status_code == 302
    for url in ("/sitemap.xml", "/data/members.json", "/data/members.csv", "/en/search/?q=Listed"):
        content = client.get(url)
        body = b"".join(content.streaming_content) if content.streaming else content.content
        assert b"listed@lyon.fr" not in body and b"Listed Person" not in body


@pytest.mark.parametrize("count", [3, 30])
def test_the_directory_costs_the_same_queries_whatever_its_size(
    client, contact, django_assert_num_queries, count
):
    for number in range(count):
        make_contact_person(
            make_member(name=f"Town {number}"), name=f"Person {number}", listed=True
        )
    sign_in(client, contact.email)

    with django_assert_num_queries(QUERIES):
        response = client.get(DIRECTORY)

    assert response.content.decode().count("mailto:") == count
