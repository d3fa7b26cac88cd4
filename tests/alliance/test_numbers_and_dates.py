"""Numbers with the language's grouping, and a same-day event's date written once."""

import datetime
import re
import zoneinfo

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tests.factories import make_event

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


@pytest.mark.parametrize(
    ("language", "members", "signatures"),
    [
        ("en", "<strong>108,000</strong> cities and regions", "<strong>2,500</strong>"),
        ("fr", "<strong>108\u202f000</strong> villes et régions", "<strong>2\u202f500</strong>"),
    ],
)
def test_totals_are_grouped_as_the_language_writes_them(language, members, signatures):
    with translation.override(language):
        member_totals = render_to_string(
            "includes/_member_totals.html", {"totals": {"members": 108000, "countries": 46}}
        )
        signature_totals = render_to_string(
            "includes/_signature_totals.html", {"totals": {"signatures": 2500, "countries": 1}}
        )

    assert members in member_totals
    assert signatures in signature_totals
    # The plural still follows the number; a small number has no separator.
    assert "<strong>46</strong>" in member_totals


def when(html):
    cell = re.search(r"<dt>[^<]+</dt>\s*<dd>(.*?)</dd>", html, re.S).group(1)
    return re.sub(r"<[^>]+>", "", cell).split(" (")[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "5 February 2027, 10:00–17:00"), ("fr", "5 février 2027, 10:00–17:00")],
)
def test_a_same_day_event_s_date_is_written_once(client, language, expected):
    starts = datetime.datetime(2027, 2, 5, 10, tzinfo=PARIS)
    make_event(slug="seminar", starts_at=starts, hours=7, time_zone="Europe/Paris")

    html = client.get(f"/{language}/events/seminar/").content.decode()

    assert when(html) == expected
    assert '<time datetime="2027-02-05T10:00:00+01:00">' in html
    assert '<time datetime="2027-02-05T17:00:00+01:00">' in html


@pytest.mark.django_db
def test_an_event_over_two_days_gives_both_dates(client):
    starts = datetime.datetime(2027, 2, 5, 10, tzinfo=PARIS)
    make_event(slug="forum", starts_at=starts, hours=31, time_zone="Europe/Paris")

    html = client.get("/en/events/forum/").content.decode()

    assert when(html) == "5 February 2027, 10:00 – 6 February 2027, 17:00"
