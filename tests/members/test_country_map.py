import xml.etree.ElementTree as ET

import pytest

from alliance.views import MEMBERS_PER_COUNTRY_PAGE
from members.map import MARKER_LIMIT
from members.models import Member
from tests.factories import make_member, make_practice, make_signature

pytestmark = pytest.mark.django_db


def markers(content):
    start = content.index('<svg xmlns="http://www.w3.org/2000/svg" class="member-map__svg"')
    svg = content[start : content.index("</svg>", start) + len("</svg>")]
    root = ET.fromstring(svg)
    return {
        link.get("href")
        for link in root.iter("{http://www.w3.org/2000/svg}a")
        if link.get("href", "").startswith("/en/members/")
    }


def test_country_page_maps_its_own_approved_members_only(client):
    lodz = make_member(name="Łódź", country="PL", latitude=51.77, longitude=19.46)
    make_member(name="Kraków", country="PL", latitude=50.06, longitude=19.94, status="pending")
    make_member(name="Strasbourg", country="FR", latitude=48.58, longitude=7.75)

    content = client.get("/en/countries/pl/").content.decode()

    assert markers(content) == {lodz.get_absolute_url()}
    assert "/static/css/map.css" in content


def test_country_page_without_members_draws_no_map(client):
    make_member(name="Strasbourg", country="FR")

    content = client.get("/en/countries/pl/").content.decode()

    assert "member-map__svg" not in content
    assert Member.objects.filter(country="PL").count() == 0


def test_country_page_with_a_map_keeps_its_query_count(client, django_assert_max_num_queries):
    for n in range(30):
        make_member(name=f"Miasto {n}", country="PL", latitude=52.0, longitude=19.0 + n / 10)

    # Counts by kind, a page of members, the members for the map, signatures (count and
    # list), articles and practices.
    with django_assert_max_num_queries(7):
        client.get("/en/countries/pl/")


def test_a_country_with_many_members_maps_them_as_dots_and_lists_them_page_by_page(client):
    Member.objects.bulk_create(
        Member(
            name=f"Miasto {n:03}",
            search_name=f"miasto {n:03}",
            slug=f"miasto-{n:03}",
            country="PL",
            status="approved",
            latitude=50 + (n // 40) * 0.1,
            longitude=15 + (n % 40) * 0.2,
        )
        for n in range(MARKER_LIMIT + 1)
    )

    content = client.get("/en/countries/pl/").content.decode()

    assert markers(content) == set()
    assert 'class="map-dots"' in content
    assert "301 cities" in content
    assert content.count('href="/en/members/miasto-') == MEMBERS_PER_COUNTRY_PAGE
    assert 'href="?page=2"' in content
    # 301 members: the last page holds one.
    last_page = MARKER_LIMIT // MEMBERS_PER_COUNTRY_PAGE + 1
    last = client.get(f"/en/countries/pl/?page={last_page}").content.decode()
    assert 'href="/en/members/miasto-300/"' in last
    assert last.count('href="/en/members/miasto-') == 1


@pytest.mark.parametrize("size", [MARKER_LIMIT + 50, 3 * MARKER_LIMIT])
def test_a_country_page_costs_the_same_queries_whatever_its_number_of_members(
    client, size, django_assert_num_queries
):
    Member.objects.bulk_create(
        Member(
            name=f"Miasto {n}",
            search_name=f"miasto {n}",
            slug=f"miasto-{n}",
            country="PL",
            status="approved",
            latitude=50 + (n // 40) * 0.1,
            longitude=15 + (n % 40) * 0.2,
        )
        for n in range(size)
    )
    client.get("/en/countries/pl/")

    # Counts by kind, a page of members, the places for the map, signatures (count and
    # list), articles and practices.
    with django_assert_num_queries(7):
        response = client.get("/en/countries/pl/")

    assert response.content.decode().count('href="/en/members/miasto-') == (
        MEMBERS_PER_COUNTRY_PAGE
    )


def test_a_country_page_reads_nothing_again_until_the_data_change(
    client, settings, django_assert_num_queries
):
    settings.COUNTER_CACHE_SECONDS = 600  # kept until the data change, as by default
    krakow = make_member(name="Kraków", country="PL", latitude=50.06, longitude=19.94)
    client.get("/en/countries/pl/")

    with django_assert_num_queries(0):
        client.get("/en/countries/pl/")

    make_member(name="Gdańsk", country="PL", latitude=54.35, longitude=18.65)
    make_signature(full_name="Anna Nowak", country="PL")
    make_practice(title_en="Roma school assistants in Kraków", members=[krakow])
    content = client.get("/en/countries/pl/").content.decode()

    assert "Gdańsk" in content
    assert "Anna Nowak" in content
    assert "Roma school assistants in Kraków" in content
    assert "Pologne" in client.get("/fr/countries/pl/").content.decode()
