"""The Alliance in figures (/en/figures/, /fr/figures/): charts drawn on the server, each with
its numbers in a table that agrees with the open data files and the home page's counters."""

import datetime
import re
from collections import Counter

import pytest
from django.conf import settings
from django.utils import translation

from declarations.models import Signature
from events.models import Event
from figures.charts import GOLD, INK, NAVY
from figures.templatetags.figures import grouped
from members.models import Member
from practices.models import Practice
from tests.factories import (
    make_event,
    make_member,
    make_practice,
    make_signature,
    make_theme,
)

from .conftest import chart_tables, csv_rows

pytestmark = pytest.mark.django_db


def figures_page(client, language="en"):
    response = client.get(f"/{language}/figures/")
    assert response.status_code == 200
    return response.content.decode()


def table(html, key):
    return {
        row[0]: [int(re.sub(r"\D", "", cell)) for cell in row[1:]]
        for row in chart_tables(html)[key]
    }


@pytest.fixture
def alliance():
    with translation.override("en"):  # titles in English, whatever a test before asked
        make_alliance()


def make_alliance():
    """Members, signatures, practices and events, public and not."""
    day = datetime.date
    for joined, country in [
        (day(2014, 3, 1), "FR"),
        (day(2014, 6, 1), "HU"),
        (day(2016, 1, 9), "HU"),
        (day(2016, 5, 2), "RO"),
    ]:
        make_member(joined_on=joined, country=country)
    make_member(status=Member.Status.PENDING, country="HU", joined_on=None)
    make_member(status=Member.Status.REJECTED, country="ES", joined_on=None)
    make_member(
        status=Member.Status.LEFT, country="FR", joined_on=day(2014, 1, 1), left_on=day(2017, 2, 1)
    )
    for signed, country in [(day(2017, 3, 30), "FR"), (day(2018, 1, 1), "HU")]:
        make_signature(signed_on=signed, country=country)
    make_signature(signed_on=day(2018, 1, 2), country="ES", status=Signature.Status.PENDING)
    make_signature(signed_on=day(2018, 1, 3), country="ES", consent_to_publish=False)
    make_theme("education", "Education")
    make_theme("housing", "Housing")
    hungarians = list(Member.objects.approved().filter(country="HU"))
    make_practice(themes=["education"], members=hungarians[:1])
    make_practice(themes=["education", "housing"], members=hungarians)
    make_practice(themes=["housing"], status=Practice.Status.DRAFT, members=hungarians)
    make_event(starts_at=datetime.datetime(2015, 5, 4, 9, tzinfo=datetime.UTC))
    make_event(starts_at=datetime.datetime(2015, 9, 4, 9, tzinfo=datetime.UTC))
    make_event(
        starts_at=datetime.datetime(2016, 9, 4, 9, tzinfo=datetime.UTC),
        status=Event.Status.CANCELLED,
    )
    make_event(starts_at=datetime.datetime(2016, 10, 4, 9, tzinfo=datetime.UTC), status="draft")


def test_members_by_country_and_year_agree_with_members_csv(client, alliance):
    html = figures_page(client)
    rows = csv_rows(client, "/data/members.csv")

    by_country = Counter(row["country_name"] for row in rows)
    assert table(html, "members-countries") == {name: [n] for name, n in by_country.items()}
    joined = Counter(row["joined_on"][:4] for row in rows)
    years = table(html, "members-years")
    assert {year: values[0] for year, values in years.items() if values[0]} == joined
    # The member who left, in its year; the years between counted as none.
    assert years == {"2014": [2, 0], "2015": [0, 0], "2016": [2, 0], "2017": [0, 1]}


def test_signatures_agree_with_signatories_csv_and_count_only_public_ones(client, alliance):
    html = figures_page(client)
    rows = csv_rows(client, "/data/signatories.csv")

    assert len(rows) == 2
    by_year = Counter(row["signed_on"][:4] for row in rows)
    assert {year: values[0] for year, values in table(html, "signatures-years").items()} == by_year
    assert sum(values[0] for values in table(html, "signatures-countries").values()) == len(rows)
    assert "Spain" not in table(html, "signatures-countries")


def test_practices_by_theme_and_country_agree_with_practices_csv(client, alliance):
    html = figures_page(client)
    rows = csv_rows(client, "/data/practices.csv")

    themes = Counter(slug for row in rows for slug in row["themes"].split("; ") if slug)
    assert table(html, "practices-themes") == {
        "Education": [themes["education"]],
        "Housing": [themes["housing"]],
    }
    assert table(html, "practices-themes") == {"Education": [2], "Housing": [1]}
    countries = Counter(code for row in rows for code in row["countries"].split("; ") if code)
    assert table(html, "practices-countries") == {"Hungary": [countries["HU"]]}


def test_events_by_year_agree_with_events_csv(client, alliance):
    html = figures_page(client)
    rows = csv_rows(client, "/data/events.csv")

    held = Counter(row["starts_at"][:4] for row in rows if row["status"] != "cancelled")
    cancelled = Counter(row["starts_at"][:4] for row in rows if row["status"] == "cancelled")
    assert table(html, "events-years") == {
        year: [held[year], cancelled[year]] for year in ("2015", "2016")
    }


def test_the_figures_repeat_the_home_page_counters(client, alliance):
    home = client.get("/en/").content.decode()
    html = figures_page(client)

    counters = re.findall(r"<strong>(\d+)</strong> cities and regions", home)
    assert counters and f"<strong>{counters[0]}</strong> cities and regions" in html
    assert "<strong>4</strong> cities and regions from <strong>3</strong> countries" in html
    assert "<strong>2</strong> elected representatives from <strong>2</strong> countries" in html


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_chart_is_an_svg_with_a_title_and_its_table(client, alliance, language):
    html = figures_page(client, language)

    assert "<script" not in html.split("</header>", 1)[-1].split("<footer", 1)[0]
    charts = re.findall(
        r'<svg class="chart__drawing"[^>]*role="img"[^>]*aria-labelledby="([^"]+)"', html
    )
    assert len(charts) == 7
    for title_id in charts:
        assert f'<title id="{title_id}">' in html
    # Drawn in numbers SVG reads (12.5, never the French 12,5), whatever the language.
    geometry = re.findall(r'<rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"', html)
    assert geometry
    for numbers in geometry:
        assert all(float(number) >= 0 for number in numbers)
    assert html.count("<table") == 7
    assert html.count("<figcaption>") == 7
    # A legend where a chart has two series.
    assert html.count('class="chart__legend"') == 2


def test_french_numbers_are_grouped_with_a_narrow_no_break_space():
    with translation.override("fr"):
        assert grouped(12345) == "12\u202f345"
    with translation.override("en"):
        assert grouped(12345) == "12,345"


def test_the_figures_are_renewed_when_a_member_is_approved(client, page_cache_on):
    make_member(country="FR", joined_on=datetime.date(2020, 1, 1))
    assert table(figures_page(client), "members-countries") == {"France": [1]}
    pending = make_member(status=Member.Status.PENDING, country="PL", joined_on=None)
    # Kept: a join request is not public.
    assert table(figures_page(client), "members-countries") == {"France": [1]}

    pending.status = Member.Status.APPROVED
    pending.joined_on = datetime.date(2021, 1, 1)
    pending.save()

    assert table(figures_page(client), "members-countries") == {"France": [1], "Poland": [1]}


def test_the_page_is_linked_from_the_footer_and_the_open_data_page(client):
    assert 'href="/en/figures/"' in client.get("/en/").content.decode()
    assert 'href="/fr/figures/"' in client.get("/fr/data/").content.decode()
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/figures/</loc>" in sitemap and "/fr/figures/" in sitemap


def test_the_charts_colours_are_the_design_systems():
    css = (settings.BASE_DIR / "static/css/site.css").read_text()
    for token, colour in [("--al-navy", NAVY), ("--al-gold", GOLD), ("--al-ink", INK)]:
        assert f"{token}: {colour};" in css
