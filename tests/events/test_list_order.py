"""The events list and the home page read upcoming and past events in index order, page by
page, and an event under way for weeks is still upcoming."""

import datetime
import re

import pytest
from django.db import connection
from django.utils import timezone

from events.models import Event
from tests.factories import DAY, make_event

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', html)


def listed(client, pages):
    return [
        title
        for page in pages
        for title in titles(client.get(f"/en/events/?page={page}").content.decode())
    ]


def test_pages_go_from_the_upcoming_events_to_the_past_ones_without_a_gap(client):
    # 27 upcoming and 26 past events: page 2 holds the last upcoming ones and the first past.
    for n in range(27):
        make_event(title=f"Coming {n:02}", starts_in=DAY * (n + 1))
    for n in range(26):
        make_event(title=f"Held {n:02}", starts_in=-DAY * (n + 2))

    shown = listed(client, [1, 2, 3])

    assert shown == [f"Coming {n:02}" for n in range(27)] + [f"Held {n:02}" for n in range(26)]


def test_a_page_of_past_events_only_follows_the_upcoming_ones(client):
    for n in range(3):
        make_event(title=f"Coming {n}", starts_in=DAY * (n + 1))
    for n in range(45):
        make_event(title=f"Held {n:02}", starts_in=-DAY * (n + 2))

    page_3 = titles(client.get("/en/events/?page=3").content.decode())

    # 20 a page: page 3 starts with the 38th event, the 35th past one.
    assert page_3 == [f"Held {n:02}" for n in range(37, 45)]


@pytest.mark.parametrize("public_cache", ["locmem", "redis"], indirect=True)
def test_an_event_under_way_for_weeks_is_upcoming_on_the_list_and_the_home_page(
    client, public_cache
):
    make_event(title="Next week", starts_in=DAY * 7)
    assert titles(client.get("/en/events/").content.decode()) == ["Next week"]
    exhibition = make_event(title="Exhibition", starts_in=DAY * 9)

    # Moved to have opened six weeks ago, for three months: the longest event so far.
    exhibition.starts_at = timezone.now() - DAY * 42
    exhibition.ends_at = exhibition.starts_at + DAY * 90
    exhibition.save()

    assert titles(client.get("/en/events/").content.decode()) == ["Exhibition", "Next week"]
    home = client.get("/en/").content.decode()
    assert home.index("Exhibition") < home.index("Next week")


def test_an_event_over_is_past_however_long_it_lasted(client):
    make_event(title="Long ago", starts_in=-DAY * 400, hours=24 * 300)
    make_event(title="Next week", starts_in=DAY * 7)

    html = client.get("/en/events/").content.decode()

    assert titles(html) == ["Next week", "Long ago"]
    assert html.index("Past events") < html.index("Long ago")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans")
def test_upcoming_and_past_events_are_read_from_the_start_date_index_from_now(db):
    now = timezone.now()
    Event.objects.bulk_create(
        Event(
            title=f"Event {n}",
            slug=f"event-{n}",
            kind=Event.Kind.SEMINAR,
            status=Event.Status.PUBLISHED,
            starts_at=now + datetime.timedelta(days=n - 1500),
            ends_at=now + datetime.timedelta(days=n - 1500, hours=8),
        )
        for n in range(2000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
        # Whatever the planner thinks of a table this small: which index, and from where.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_sort = off")
    events = Event.objects.published()

    upcoming = events.upcoming(now)[:3].explain()
    past = events.past(now)[:20].explain()

    # The index is entered at a start date near now, not at the first or the last event.
    assert re.search(r"Index Cond: .*starts_at >=", upcoming), upcoming
    assert re.search(r"Index Cond: .*starts_at <", past), past
