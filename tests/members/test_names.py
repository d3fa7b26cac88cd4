"""One set of names: every page names a member as the directory does, in the visitor's
language, and lists sort by that name as the language sorts names."""

import re

import pytest
from django.utils import translation

from members.models import Member
from tests.factories import make_article, make_event, make_member, make_practice, make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def krakow():
    """Kraków: so written in English, "Cracovie" in French."""
    return make_member(
        name="Kraków",
        slug="krakow",
        display_name_en="",
        display_name_fr="Cracovie",
        country="PL",
        latitude=50.06,
        longitude=19.94,
    )


@pytest.fixture
def pages_naming(krakow):
    """Every kind of page that names a member, with that member on it."""
    # A signatory who typed the name in her own way: the list names the member as it is named.
    make_signature(authority_name="Krakow", member=krakow, country="PL")
    practice = make_practice(members=[krakow])
    event = make_event(slug="seminar-on-housing")
    event.organisers.add(krakow)
    article = make_article(slug="housing-news")
    article.members.add(krakow)
    return [
        "/{lang}/members/",
        "/{lang}/members/krakow/",
        "/{lang}/members/map/",
        "/{lang}/countries/pl/",
        "/{lang}/declaration/",
        "/{lang}/practices/",
        f"/{{lang}}/practices/{practice.slug}/",
        "/{lang}/events/seminar-on-housing/",
        "/{lang}/news/housing-news/",
        "/{lang}/search/?q=krakow",
    ]


def visible_text(response):
    html = response.content.decode()
    html = re.sub(r"<(script|style|head)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    ("language", "shown", "not_shown"),
    [("en", "Kraków", "Cracovie"), ("fr", "Cracovie", "Krakow")],
)
@pytest.mark.parametrize("cached", [False, True])
def test_every_page_names_the_member_in_the_visitor_s_language(
    client, pages_naming, settings, language, shown, not_shown, cached
):
    if cached:
        settings.PAGE_CACHE_SECONDS = 60
    for url in pages_naming:
        response = client.get(url.format(lang=language))
        assert response.status_code == 200, url
        text = visible_text(response)
        assert shown in text, url
        assert not_shown not in text, url


def test_a_signatory_of_an_authority_not_yet_public_keeps_the_name_given(client, krakow):
    pending = make_member(name="Nowa Huta", display_name_fr="Nouvelle Huta", status="pending")
    make_signature(authority_name="Nowa Huta (district)", member=pending, country="PL")

    text = visible_text(client.get("/fr/declaration/"))

    assert "Nowa Huta (district)" in text
    assert "Nouvelle Huta" not in text


NAMES = [
    # (local name, English display name, French display name)
    ("Kraków", "", "Cracovie"),
    ("Zagreb", "", ""),
    ("Łódź", "", ""),
    ("Dublin", "", ""),
    ("Budapest", "", ""),
    ("Beograd", "Belgrade", "Belgrade"),
    ("Ελευσίνα", "Elefsina", "Éleusis"),
]
ORDER = {
    "en": ["Belgrade", "Budapest", "Dublin", "Elefsina", "Kraków", "Łódź", "Zagreb"],
    "fr": ["Belgrade", "Budapest", "Cracovie", "Dublin", "Éleusis", "Łódź", "Zagreb"],
}


@pytest.fixture
def named_members():
    return [
        make_member(name=name, display_name_en=english, display_name_fr=french)
        for name, english, french in NAMES
    ]


def names_in(response, pattern):
    shown = re.findall(pattern, response.content.decode())
    return [name for name in shown if name in ORDER["en"] + ORDER["fr"]]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_directory_sorts_by_the_name_shown_as_the_language_sorts(
    client, named_members, language
):
    response = client.get(f"/{language}/members/")

    assert names_in(response, r'<a href="/\w+/members/[\w-]+/">([^<]+)</a>') == ORDER[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_country_page_sorts_its_members_by_the_name_shown(client, named_members, language):
    response = client.get(f"/{language}/countries/fr/")

    assert names_in(response, r'<li><a href="/\w+/members/[\w-]+/">([^<]+)</a>') == ORDER[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_map_lists_members_by_the_name_shown(client, named_members, language):
    response = client.get(f"/{language}/members/map/")

    assert names_in(response, r'<li><a href="/\w+/members/[\w-]+/">([^<]+)</a>') == ORDER[language]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_by_public_name_sorts_in_the_database_as_in_python(named_members, language):
    with translation.override(language):
        names = [member.public_name for member in Member.objects.approved().by_public_name()]

    assert names == ORDER[language]


def test_the_map_and_the_directory_offer_the_same_kinds(client):
    directory = client.get("/en/members/").content.decode()
    member_map = client.get("/en/members/map/").content.decode()

    for label in ['value="city">Cities<', 'value="region">Regions<']:
        assert label in directory
        assert label in member_map
