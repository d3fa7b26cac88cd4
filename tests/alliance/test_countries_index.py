"""The countries index: the countries with members first, with their counts (the public rule,
approved members), the others apart."""

import re

import pytest

from tests.factories import make_member

pytestmark = pytest.mark.django_db


def section(html, css_class):
    match = re.search(rf'<ul class="{css_class}">(.*?)</ul>', html, re.S)
    return match.group(1) if match else ""


def names(fragment):
    return [re.sub(r"<[^>]+>", "", name) for name in re.findall(r"<a [^>]*>(.*?)</a>", fragment)]


@pytest.fixture(params=[False, True], ids=["no-cache", "page-cache"])
def cache_setting(request, settings):
    if request.param:
        settings.PAGE_CACHE_SECONDS = 60
        settings.PAGE_MAX_AGE = 60


@pytest.mark.parametrize(
    ("language", "hungary", "one", "two"),
    [("en", "Hungary", "1 member", "2 members"), ("fr", "Hongrie", "1 membre", "2 membres")],
)
def test_countries_with_members_come_first_with_their_counts(
    client, cache_setting, language, hungary, one, two
):
    make_member(name="Szeged", country="HU")
    make_member(name="Pécs", country="HU")
    make_member(name="Strasbourg", country="FR")
    make_member(name="Waiting Town", country="PL", status="pending")
    make_member(name="Refused Town", country="HU", status="rejected")

    html = client.get(f"/{language}/countries/").content.decode()

    grid = section(html, "country-grid")
    others = section(html, "country-others")
    assert html.index('class="country-grid"') < html.index('class="country-others"')
    assert set(names(grid)) == {hungary, "France"}
    hungary_card = re.search(rf"{hungary}</a>.*?</li>", grid, re.S).group(0)
    assert two in hungary_card
    assert one in re.search(r"France</a>.*?</li>", grid, re.S).group(0)
    # A pending request counts for nothing: Poland is among the others, without a count.
    polish = "Pologne" if language == "fr" else "Poland"
    assert polish in names(others)
    assert len(names(grid)) + len(names(others)) == 46
    assert "member" not in others
    assert f'href="/{language}/members/map/"' in html


def test_without_any_member_every_state_is_listed_apart(client):
    html = client.get("/en/countries/").content.decode()

    assert 'class="country-grid"' not in html
    assert len(names(section(html, "country-others"))) == 46
