import csv
import datetime
import io
import json
import re

import pytest

from alliance.views import SIGNATURES_SHOWN
from declarations.models import Signature
from members.models import Member
from tests.factories import make_article, make_member, make_signature

pytestmark = pytest.mark.django_db


def text(response):
    """The visible text of a page, tags removed and spaces collapsed."""
    content = response.content.decode()
    return " ".join(re.sub(r"<[^>]+>", " ", content).split())


def rows_of(response):
    content = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(content)))


# The approved-only rule


def test_directory_lists_approved_members_only(client, unpublished_members):
    make_member(name="Strasbourg")

    page = text(client.get("/en/members/"))

    assert "Strasbourg" in page
    for member in unpublished_members:
        assert member.name not in page
    assert "1 city or region from 1 country" in page


@pytest.mark.parametrize("status", ["pending", "rejected", "left"])
def test_profile_of_a_member_not_approved_is_not_found(client, status):
    member = make_member(name="Hidden Town", status=status)

    assert client.get(f"/en/members/{member.slug}/").status_code == 404


def test_country_pages_count_and_list_approved_members_only(client, unpublished_members):
    make_member(name="Strasbourg", country="FR")

    countries = text(client.get("/en/countries/"))
    france = text(client.get("/en/countries/fr/"))

    assert "France 1 member" in countries
    assert "Strasbourg" in france
    for member in unpublished_members:
        assert member.name not in france


def test_open_data_files_hold_approved_members_only(client, unpublished_members):
    make_member(name="Strasbourg")

    csv_rows = rows_of(client.get("/data/members.csv"))
    json_rows = client.get("/data/members.json").json()["members"]

    assert [row["name"] for row in csv_rows] == ["Strasbourg"]
    assert [row["name"] for row in json_rows] == ["Strasbourg"]


def test_sitemap_lists_approved_members_and_their_countries_only(client, unpublished_members):
    make_member(name="Strasbourg", slug="strasbourg", country="FR")

    sitemap = client.get("/sitemap.xml").content.decode()

    assert "/en/members/strasbourg/" in sitemap
    assert "/fr/members/strasbourg/" in sitemap
    assert "/en/countries/fr/" in sitemap
    for member in unpublished_members:
        assert f"/members/{member.slug}/" not in sitemap


# The directory


def test_directory_finds_lodz_without_its_accents(client):
    make_member(name="Łódź", country="PL")
    make_member(name="Kraków", country="PL")

    page = text(client.get("/en/members/", {"q": "lodz"}))

    assert "Łódź" in page
    assert "Kraków" not in page


def test_directory_finds_a_greek_name_written_in_greek(client):
    make_member(name="Θεσσαλονίκη", country="GR")
    make_member(name="Αθήνα", country="GR")

    page = text(client.get("/en/members/", {"q": "Θεσσαλονίκη"}))

    assert "Θεσσαλονίκη" in page
    assert "Αθήνα" not in page


def test_directory_finds_a_member_by_its_english_name(client):
    make_member(name="София", display_name_en="Sofia", country="BG")

    assert "София" in text(client.get("/en/members/", {"q": "sofia"}))


def test_directory_filters_by_country_and_kind_and_counts_the_result(client):
    make_member(name="Strasbourg", country="FR")
    make_member(name="Bretagne", country="FR", kind=Member.Kind.REGION)
    make_member(name="Graz", country="AT")

    page = text(client.get("/en/members/", {"country": "FR", "kind": "region"}))

    assert "Bretagne" in page
    assert "Strasbourg" not in page and "Graz" not in page
    assert "1 city or region from 1 country" in page


def test_directory_form_shows_the_filters_it_was_given(client):
    response = client.get("/en/members/", {"country": "AT", "kind": "city", "q": "gr"})
    content = response.content.decode()

    assert '<option value="AT" selected>' in content
    assert '<option value="city" selected>' in content
    assert 'value="gr"' in content


def test_directory_sorts_by_name_ignoring_accents(client):
    for name in ["Zagreb", "Łódź", "Aarhus"]:
        make_member(name=name)

    page = text(client.get("/en/members/", {"sort": "name"}))

    assert page.index("Aarhus") < page.index("Łódź") < page.index("Zagreb")


def test_directory_sorts_by_country_name_in_the_visitors_language(client):
    make_member(name="Berlin", country="DE")  # Germany / Allemagne
    make_member(name="Wien", country="AT")  # Austria / Autriche
    make_member(name="Tirana", country="AL")  # Albania / Albanie

    english = text(client.get("/en/members/", {"sort": "country"}))
    french = text(client.get("/fr/members/", {"sort": "country"}))

    assert english.index("Tirana") < english.index("Wien") < english.index("Berlin")
    assert french.index("Tirana") < french.index("Berlin") < french.index("Wien")


def test_directory_sorts_by_most_recent_members(client):
    make_member(name="Older", joined_on=datetime.date(2017, 3, 1))
    make_member(name="Newer", joined_on=datetime.date(2024, 5, 1))

    page = text(client.get("/en/members/", {"sort": "joined"}))

    assert page.index("Newer") < page.index("Older")


def test_directory_paginates_and_links_keep_the_filters(client):
    for n in range(55):
        make_member(name=f"Ville {n:02d}", country="FR")
    make_member(name="Graz", country="AT")

    first = client.get("/en/members/", {"country": "FR"})
    second = client.get("/en/members/", {"country": "FR", "page": "2"})

    assert "Page 1 of 2" in text(first)
    assert 'href="?country=FR&amp;page=2"' in first.content.decode()
    assert "Ville 54" in text(second)
    assert "Ville 00" not in text(second)
    assert "55 cities and regions from 1 country" in text(second)


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [({"page": "abc"}, "Page 1 of 2"), ({"page": "999"}, "Page 2 of 2"), ({"page": "-1"}, "2")],
)
def test_directory_shows_a_sensible_page_for_a_bad_page_number(client, query, expected_page):
    for n in range(51):
        make_member(name=f"Ville {n:02d}")

    response = client.get("/en/members/", query)

    assert response.status_code == 200
    assert expected_page in text(response)


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"country": "US"},
        {"kind": "village"},
        {"sort": "population; DROP TABLE"},
        {"q": "x" * 500},
        {"q": "%_\\'\""},
    ],
)
def test_directory_ignores_bad_filters_instead_of_failing(client, query):
    make_member(name="Strasbourg")

    response = client.get("/en/members/", query)

    assert response.status_code == 200


def test_directory_says_when_nothing_matches(client):
    make_member(name="Strasbourg")

    page = text(client.get("/en/members/", {"q": "nowhere"}))

    assert "No member matches your search." in page
    assert "0 cities and regions from 0 countries" in page


# The profile


def test_profile_shows_what_the_public_may_see_and_never_the_contact(client):
    member = make_member(
        name="Cluj-Napoca",
        country="RO",
        website="https://primariaclujnapoca.ro/",
        description="A city in Transylvania.",
        joined_on=datetime.date(2018, 6, 5),
        contact_name="Private Person",
        contact_email="private@example.org",
        contact_phone="+40 264 000 000",
    )

    response = client.get(member.get_absolute_url())
    page = text(response)

    assert "Cluj-Napoca" in page
    assert "City" in page
    assert "Romania" in page and 'href="/en/countries/ro/"' in response.content.decode()
    assert "A city in Transylvania." in page
    assert "https://primariaclujnapoca.ro/" in page
    assert "5 June 2018" in page
    for private in ["Private Person", "private@example.org", "+40 264 000 000"]:
        assert private not in page


def test_profile_lists_public_signatories_and_published_articles_only(client):
    member = make_member(name="Strasbourg")
    make_signature(full_name="Visible Mayor", member=member)
    make_signature(full_name="Unverified Mayor", member=member, status=Signature.Status.PENDING)
    make_signature(full_name="Private Mayor", member=member, consent_to_publish=False)
    make_article(title="Strasbourg joins").members.add(member)
    make_article(title="Draft about Strasbourg", status="draft").members.add(member)

    page = text(client.get(member.get_absolute_url()))

    assert "Visible Mayor" in page
    assert "Unverified Mayor" not in page and "Private Mayor" not in page
    assert "Strasbourg joins" in page
    assert "Draft about Strasbourg" not in page


def test_profile_description_falls_back_to_english_and_says_so(client):
    member = make_member(name="Graz", description_en="A city in Styria.", description_fr="")

    response = client.get(f"/fr/members/{member.slug}/")

    assert "A city in Styria." in text(response)
    assert 'lang="en"' in response.content.decode()


# Countries


def test_country_list_shows_the_46_council_of_europe_states(client):
    response = client.get("/en/countries/")

    assert len(re.findall(r'href="/en/countries/[a-z]{2}/"', response.content.decode())) == 46
    assert "United States" not in text(response)


@pytest.mark.parametrize("code", ["PL", "pl", "Pl"])
def test_country_page_accepts_the_code_in_any_case(client, code):
    make_member(name="Łódź", country="PL")

    response = client.get(f"/en/countries/{code}/")

    assert response.status_code == 200
    assert "Łódź" in text(response)


@pytest.mark.parametrize("code", ["us", "xx", "fra", "1"])
def test_country_page_of_an_unknown_or_non_member_state_is_not_found(client, code):
    assert client.get(f"/en/countries/{code}/").status_code == 404


def test_country_page_shows_counts_signatories_and_news_of_that_country(client):
    make_member(name="Strasbourg", country="FR")
    make_member(name="Lyon", country="FR")
    make_member(name="Bretagne", country="FR", kind=Member.Kind.REGION)
    make_member(name="Graz", country="AT")
    make_signature(full_name="French Mayor", country="FR")
    make_signature(full_name="Unverified French Mayor", country="FR", status="pending")
    make_signature(full_name="Austrian Mayor", country="AT")
    make_article(title="News from France", countries=["FR", "GR"])
    make_article(title="News from Greece", countries=["GR"])
    make_article(title="Draft from France", countries=["FR"], status="draft")

    page = text(client.get("/en/countries/fr/"))

    assert "2 cities · 1 region" in page
    assert "Graz" not in page
    assert "French Mayor" in page
    assert "Unverified French Mayor" not in page and "Austrian Mayor" not in page
    assert "News from France" in page
    assert "News from Greece" not in page and "Draft from France" not in page


def test_country_page_shows_the_latest_signatories_and_links_to_them_all(client):
    for n in range(SIGNATURES_SHOWN + 1):
        make_signature(full_name=f"Mayor {n:02}", country="FR")

    response = client.get("/en/countries/fr/")
    page = text(response)

    assert f"{SIGNATURES_SHOWN + 1} elected representatives from France have signed." in page
    assert page.count("Mayor ") == SIGNATURES_SHOWN
    assert 'href="/en/declaration/?country=FR"' in response.content.decode()
    assert "Mayor 00" in text(client.get("/en/declaration/?country=FR"))


def test_country_page_in_french_uses_the_french_country_name(client):
    assert "Allemagne" in text(client.get("/fr/countries/de/"))


# Open data


def test_members_csv_is_a_utf8_attachment_with_public_fields(client):
    make_member(
        name="Łódź",
        country="PL",
        display_name_en="Lodz",
        website="https://uml.lodz.pl/",
        latitude=51.7706,
        longitude=19.4739,
        contact_email="secret@example.org",
    )

    response = client.get("/data/members.csv")
    rows = rows_of(response)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="alliance-members.csv"'
    assert rows[0]["name"] == "Łódź"
    assert rows[0]["display_name_en"] == "Lodz"
    assert rows[0]["country"] == "PL"
    assert rows[0]["country_name"] == "Poland"
    assert rows[0]["latitude"] == "51.7706"
    assert rows[0]["url"] == "http://testserver/en/members/lodz/"
    assert not {"contact_email", "contact_name", "contact_phone", "motivation"} & set(rows[0])


def test_members_json_has_the_same_public_fields(client):
    make_member(name="Łódź", country="PL", contact_email="secret@example.org")

    response = client.get("/data/members.json")
    data = json.loads(response.content.decode("utf-8"))

    assert response["Content-Type"] == "application/json"
    assert data["count"] == 1
    assert data["members"][0]["name"] == "Łódź"
    assert "Łódź" in response.content.decode("utf-8")  # readable UTF-8, not \u escapes
    assert "secret@example.org" not in response.content.decode()
    assert set(data["members"][0]) == {
        "name",
        "display_name_en",
        "display_name_fr",
        "slug",
        "kind",
        "kind_label",
        "country",
        "country_name",
        "website",
        "latitude",
        "longitude",
        "joined_on",
        "url",
    }


def test_a_member_without_coordinates_is_still_listed_everywhere(client):
    member = make_member(name="Nowhere Town", latitude=None, longitude=None)

    assert "Nowhere Town" in text(client.get("/en/members/"))
    assert client.get(member.get_absolute_url()).status_code == 200
    assert rows_of(client.get("/data/members.csv"))[0]["latitude"] == ""
    assert client.get("/data/members.json").json()["members"][0]["latitude"] is None


# Query counts: the same whatever the number of members


def make_many(count):
    countries = ["FR", "DE", "IT", "ES", "PL", "RO", "HU", "GR"]
    members = Member.objects.bulk_create(
        Member(
            name=f"Town {n}",
            search_name=f"town {n}",
            slug=f"town-{n}",
            country=countries[n % len(countries)],
            status=Member.Status.APPROVED,
        )
        for n in range(count)
    )
    for member in members[:5]:
        make_signature(member=member, country=member.country)
        make_article(countries=[str(member.country)]).members.add(member)
    return members


@pytest.mark.parametrize("count", [10, 500])
@pytest.mark.parametrize(
    ("url", "max_queries"),
    [
        # Counts by kind and the signatures' totals (kept in the cache in production), the
        # longest event (likewise), the latest articles, the next events, the latest practices.
        ("/en/", 6),
        ("/en/members/", 4),
        ("/en/members/?q=town&country=FR&sort=country&page=2", 4),
        # The member, its signatures, articles, practices and events.
        ("/en/members/town-0/", 5),
        ("/en/countries/", 2),
        # Counts by kind (kept in the cache in production), a page of members, the map's places,
        # signatures (list and count), articles, practices.
        ("/en/countries/fr/", 7),
        ("/data/members.json", 2),
    ],
)
def test_public_pages_make_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count, url, max_queries
):
    make_many(count)

    with django_assert_max_num_queries(max_queries):
        response = client.get(url)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 500])
def test_members_csv_streams_with_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    make_many(count)

    with django_assert_max_num_queries(2):
        rows = rows_of(client.get("/data/members.csv"))

    assert len(rows) == count
