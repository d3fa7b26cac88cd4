"""Feeds that follow interests: practices and news of one theme or country, events of one
country as iCalendar; an unknown theme or country is a 404, never the whole feed."""

import feedparser
import pytest
from django.utils import translation
from icalendar import Calendar

from practices.models import Practice
from tests.factories import (
    make_article,
    make_event,
    make_member,
    make_practice,
    make_tag,
    make_theme,
)

pytestmark = pytest.mark.django_db


def titles(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, path
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return {entry.title for entry in feed.entries}, feed


@pytest.fixture
def practices():
    with translation.override("en"):  # the titles in English, whatever a test before asked
        make_practices()


def make_practices():
    make_theme("education", "Education")
    make_theme("housing", "Housing")
    budapest = make_member(name="Budapest", country="HU")
    nantes = make_member(name="Nantes", country="FR")
    make_practice(title="Homework clubs", themes=["education"], members=[budapest])
    make_practice(title="Housing mediators", themes=["housing"], members=[budapest])
    make_practice(title="School buses", themes=["education"], members=[nantes])
    make_practice(
        title="Unpublished schooling plan",
        themes=["education"],
        members=[budapest],
        status=Practice.Status.DRAFT,
    )


@pytest.mark.parametrize("path", ["/en/practices/feed/", "/fr/practices/feed/atom/"])
def test_a_practices_feed_of_one_theme_holds_only_its_practices(client, practices, path):
    found, feed = titles(client, path, theme="education")

    assert found == {"Homework clubs", "School buses"}
    assert "?theme=education" in feed.feed.link


def test_a_practices_feed_of_one_theme_and_country(client, practices):
    assert titles(client, "/en/practices/feed/", theme="education", country="hu")[0] == {
        "Homework clubs"
    }
    assert titles(client, "/en/practices/feed/", country="FR")[0] == {"School buses"}
    assert len(titles(client, "/en/practices/feed/")[0]) == 3


@pytest.mark.parametrize(
    "params", [{"theme": "no-such-theme"}, {"country": "XX"}, {"country": "france"}]
)
def test_an_unknown_theme_or_country_is_not_found(client, practices, params):
    assert client.get("/en/practices/feed/", params).status_code == 404
    assert client.get("/en/news/feed/", params).status_code == 404


@pytest.fixture
def articles():
    with translation.override("en"):
        make_articles()


def make_articles():
    make_tag("housing", "Housing", "Logement")
    make_tag("education", "Education", "Éducation")
    housing = make_article(title="Radenci housing conference", countries="SI")
    housing.tags.set([make_tag("roma-housing", "Roma housing")])
    make_article(title="Budapest schools", countries="HU,SI").tags.set([*housing.tags.all()])
    make_article(title="Strasbourg statement", countries="FR")


def test_a_news_feed_of_one_topic_and_country_holds_only_its_articles(client, articles):
    assert titles(client, "/en/news/feed/", theme="roma-housing")[0] == {
        "Radenci housing conference",
        "Budapest schools",
    }
    assert titles(client, "/en/news/feed/atom/", country="SI", theme="roma-housing")[0] == {
        "Radenci housing conference",
        "Budapest schools",
    }
    assert titles(client, "/en/news/feed/", country="HU")[0] == {"Budapest schools"}
    assert titles(client, "/en/news/feed/", country="FR")[0] == {"Strasbourg statement"}


def test_the_events_of_one_country_as_icalendar(client):
    make_event(title="Radenci seminar", country="SI", city="Radenci")
    make_event(title="Strasbourg meeting", country="FR")
    make_event(title="Draft in Slovenia", country="SI", status="draft")

    response = client.get("/en/events/calendar/si.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert {str(event["summary"]) for event in calendar.walk("VEVENT")} == {"Radenci seminar"}
    assert client.get("/en/events/calendar/xx.ics").status_code == 404


def test_a_filtered_list_of_practices_links_to_its_feed(client, practices):
    html = client.get("/en/practices/", {"theme": "education", "country": "HU", "page": 1}).content
    html = html.decode()

    feed = "/en/practices/feed/?theme=education&amp;country=HU"
    assert f'<link rel="alternate" type="application/rss+xml" href="{feed}"' in html
    assert f'<a href="{feed}">' in html
    unfiltered = client.get("/en/practices/").content.decode()
    assert "/en/practices/feed/?" not in unfiltered
    # An unknown theme has no feed to follow.
    assert "/en/practices/feed/?" not in client.get("/en/practices/?theme=nope").content.decode()


def test_a_filtered_list_of_news_links_to_its_feed(client, articles):
    html = client.get("/fr/news/", {"tag": "roma-housing", "country": "SI"}).content.decode()

    feed = "/fr/news/feed/?theme=roma-housing&amp;country=SI"
    assert f'<link rel="alternate" type="application/rss+xml" href="{feed}"' in html
    assert f'<a href="{feed}">' in html


def test_the_events_of_a_country_link_to_its_calendar(client):
    make_event(title="Radenci seminar", country="SI", city="Radenci")

    html = client.get("/en/events/", {"country": "SI"}).content.decode()

    assert '<a href="/en/events/calendar/si.ics">' in html
    assert "/events/calendar/" not in client.get("/en/events/").content.decode()
