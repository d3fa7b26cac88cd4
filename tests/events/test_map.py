"""Upcoming events on the map of members: drawn as links in a shape of their own, listed after
the map, and only those the public may see."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.core.exceptions import ValidationError

from events.models import Event
from tests.factories import DAY, make_event, make_member

MAP_URL = "/en/members/map/"
SVG = "{http://www.w3.org/2000/svg}"
STRASBOURG = {"latitude": 48.5946, "longitude": 7.7748}


def places_on(response):
    """{aria-label: href} of the event marks in the map's SVG."""
    match = re.search(
        r'<svg\b[^>]*class="member-map__svg".*?</svg>', response.content.decode(), re.DOTALL
    )
    svg = ET.fromstring(match.group(0))
    return {
        link.get("aria-label"): link.get("href")
        for link in svg.iter(f"{SVG}a")
        if link.get("class") == "map-place"
    }


@pytest.mark.django_db
def test_an_upcoming_event_with_a_place_is_a_link_on_the_map_and_in_its_list(client):
    event = make_event(title="Housing seminar", city="Strasbourg", **STRASBOURG)

    response = client.get(MAP_URL)

    (label,) = places_on(response)
    assert label.startswith("Housing seminar — ")
    assert "Strasbourg, France" in label
    assert places_on(response)[label] == event.get_absolute_url()
    page = response.content.decode()
    assert "Upcoming events" in page
    assert f'<a href="{event.get_absolute_url()}">Housing seminar</a>' in page
    assert "an upcoming event: select it to open its page" in page


@pytest.mark.django_db
def test_only_published_upcoming_events_with_a_place_are_on_the_map(client):
    make_event(title="Shown", **STRASBOURG)
    make_event(title="Draft", status=Event.Status.DRAFT, **STRASBOURG)
    make_event(title="Cancelled", status=Event.Status.CANCELLED, **STRASBOURG)
    make_event(title="Over", starts_in=-DAY * 30, **STRASBOURG)
    make_event(title="Nowhere")

    labels = places_on(client.get(MAP_URL))

    assert [label.split(" — ")[0] for label in labels] == ["Shown"]


@pytest.mark.django_db
def test_a_country_map_shows_the_events_of_that_country_only(client):
    make_member(name="Strasbourg", country="FR", latitude=48.58, longitude=7.75)
    make_event(title="In France", **STRASBOURG)
    make_event(title="In Hungary", city="Budapest", country="HU", latitude=47.5, longitude=19.04)

    labels = places_on(client.get(MAP_URL, {"country": "FR"}))

    assert [label.split(" — ")[0] for label in labels] == ["In France"]


@pytest.mark.django_db
def test_without_upcoming_events_the_map_has_no_event_legend_nor_list(client):
    make_event(title="Over", starts_in=-DAY * 30, **STRASBOURG)

    page = client.get(MAP_URL).content.decode()

    assert "Upcoming events" not in page
    assert "map-place" not in page


@pytest.mark.django_db
@pytest.mark.parametrize("number", [2, 80])
def test_events_add_one_query_to_the_map_whatever_their_number(
    client, django_assert_max_num_queries, number
):
    for n in range(number):
        make_event(starts_in=DAY * (n + 1), **STRASBOURG)

    with django_assert_max_num_queries(4):
        response = client.get(MAP_URL)

    assert len(places_on(response)) == min(number, 50)


@pytest.mark.django_db
def test_the_map_of_events_speaks_french(client):
    make_event(title_en="Housing seminar", title_fr="Séminaire sur le logement", **STRASBOURG)

    page = client.get("/fr/members/map/").content.decode()

    assert "Événements à venir" in page
    assert "Séminaire sur le logement" in page


@pytest.mark.django_db
def test_publishing_an_event_puts_it_on_the_cached_map(client, page_cache):
    event = make_event(title="Soon", status=Event.Status.DRAFT, **STRASBOURG)
    assert places_on(client.get(MAP_URL)) == {}

    event.status = Event.Status.PUBLISHED
    event.save()

    assert len(places_on(client.get(MAP_URL))) == 1


@pytest.mark.django_db
def test_an_event_needs_both_coordinates_or_none():
    event = make_event(latitude=48.59)

    with pytest.raises(ValidationError) as refused:
        event.full_clean()

    assert "longitude" in refused.value.message_dict


@pytest.mark.django_db
def test_the_list_of_events_leads_to_the_map_when_events_are_coming(client):
    make_event(**STRASBOURG)

    page = client.get("/en/events/").content.decode()

    assert f'href="{MAP_URL}">See the upcoming events on the map of members</a>' in page
