import datetime
import re

import pytest
from django.utils import timezone

from events.models import Event
from tests.factories import DAY, make_event, make_theme

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', html)


def test_upcoming_events_come_first_soonest_first_then_past_ones_latest_first(client):
    make_event(title="Next month", starts_in=DAY * 30)
    make_event(title="Last year", starts_in=-DAY * 400)
    make_event(title="Next week", starts_in=DAY * 7)
    make_event(title="Last month", starts_in=-DAY * 30)

    html = client.get("/en/events/").content.decode()

    assert titles(html) == ["Next week", "Next month", "Last month", "Last year"]
    assert html.index("Upcoming events") < html.index("Next week")
    assert html.index("Past events") < html.index("Last month")


def test_an_event_under_way_is_still_upcoming(client):
    make_event(title="Today", starts_in=-datetime.timedelta(hours=2), hours=6)

    html = client.get("/en/events/").content.decode()

    assert html.index("Upcoming events") < html.index("Today")


def test_past_events_are_grouped_by_year(client):
    event = make_event(title="Old one", starts_in=-DAY * 800)

    html = client.get("/en/events/").content.decode()

    assert f'<h3 class="h4 mt-3">{event.starts_at.year}</h3>' in html


def test_filters_by_kind_theme_and_country(client):
    housing = make_theme("housing", "Housing")
    wanted = make_event(title="Housing seminar in Slovenia", country="SI")
    wanted.themes.add(housing)
    make_event(title="Conference in Slovenia", country="SI", kind=Event.Kind.CONFERENCE)
    other = make_event(title="Housing seminar in Spain", country="ES")
    other.themes.add(housing)

    html = client.get("/en/events/?kind=seminar&theme=housing&country=si").content.decode()

    assert titles(html) == ["Housing seminar in Slovenia"]


def test_an_unknown_filter_value_is_ignored(client):
    make_event(title="Shown")

    response = client.get("/en/events/?kind=party&theme=nothing&country=ZZ")

    assert response.status_code == 200
    assert titles(response.content.decode()) == ["Shown"]


def test_drafts_are_not_listed_and_cancelled_events_are_marked(client):
    make_event(title="Draft event", status=Event.Status.DRAFT)
    make_event(title="Called off", status=Event.Status.CANCELLED)

    html = client.get("/en/events/").content.decode()

    assert "Draft event" not in html
    assert re.search(r"Called off</a> <span[^>]*>Cancelled</span>", html)


def test_the_home_page_shows_the_next_events_only(client):
    make_event(title="Coming soon", starts_in=DAY)
    make_event(title="Long gone", starts_in=-DAY * 50)
    make_event(title="Not yet public", status=Event.Status.DRAFT)

    html = client.get("/en/").content.decode()

    assert "Coming soon" in html
    assert "Long gone" not in html
    assert "Not yet public" not in html


def test_search_is_accent_insensitive(db):
    make_event(title="Séminaire à Mérida", city="Mérida")
    make_event(title="Other")

    found = Event.objects.published().search("merida")

    assert [event.title for event in found] == ["Séminaire à Mérida"]


def make_many(count):
    theme = make_theme("education", "Education")
    events = [
        Event(
            title=f"Bulk {n}",
            slug=f"bulk-{n}",
            status=Event.Status.PUBLISHED,
            starts_at=_start(n),
            ends_at=_start(n) + DAY,
            country="FR",
        )
        for n in range(count)
    ]
    Event.objects.bulk_create(events)
    Event.themes.through.objects.bulk_create(
        Event.themes.through(event=event, theme=theme) for event in Event.objects.all()
    )


def _start(n):
    return timezone.now() + DAY * (n - 100)


@pytest.mark.parametrize("count", [10, 300])
@pytest.mark.parametrize("query", ["", "?kind=seminar&theme=education&country=FR&page=2"])
def test_the_list_takes_a_constant_number_of_queries(
    client, django_assert_max_num_queries, count, query
):
    make_many(count)

    # The filters' choices, the longest event and the count (each remembered where a shared
    # cache is), and the page's upcoming then past events: one query each, at any size.
    with django_assert_max_num_queries(6):
        response = client.get(f"/en/events/{query}")

    assert response.status_code == 200


def test_a_published_event_appears_at_once_with_the_page_cache_on(client, public_cache):
    event = make_event(title="Soon announced", status=Event.Status.DRAFT)
    assert "Soon announced" not in client.get("/en/events/").content.decode()

    event.status = Event.Status.PUBLISHED
    event.save()

    assert "Soon announced" in client.get("/en/events/").content.decode()
