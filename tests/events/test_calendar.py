import datetime
import zoneinfo

import pytest
from icalendar import Calendar

from events import services
from events.models import Event
from tests.factories import make_event

pytestmark = pytest.mark.django_db
PARIS = zoneinfo.ZoneInfo("Europe/Paris")
ATHENS = zoneinfo.ZoneInfo("Europe/Athens")


def vevents(response):
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {str(item["summary"]): item for item in calendar.walk("VEVENT")}, calendar


def test_the_feed_holds_every_public_event_with_its_time_zone(client):
    starts = datetime.datetime(2030, 5, 24, 10, 0, tzinfo=ATHENS)
    make_event(
        title="Meeting in Athens",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=7),
        time_zone="Europe/Athens",
        city="Athens",
        country="GR",
        venue="Town hall",
    )
    make_event(title="Still a draft", status=Event.Status.DRAFT)

    events, calendar = vevents(client.get("/en/events/calendar.ics"))

    assert list(events) == ["Meeting in Athens"]
    item = events["Meeting in Athens"]
    assert item.decoded("dtstart") == starts
    assert item["dtstart"].params["TZID"] == "Europe/Athens"
    assert item.decoded("dtend") == starts + datetime.timedelta(hours=7)
    assert str(item["location"]) == "Town hall, Athens, Greece"
    assert str(item["status"]) == "CONFIRMED"
    assert [str(zone["tzid"]) for zone in calendar.walk("VTIMEZONE")] == ["Europe/Athens"]


def test_the_uid_stays_and_the_sequence_grows_when_an_event_is_edited(client):
    event = make_event(title="Seminar")
    before, _calendar = vevents(client.get(f"/en/events/{event.slug}/calendar.ics"))

    event.title = "Seminar on housing"
    event.starts_at += datetime.timedelta(days=1)
    event.ends_at += datetime.timedelta(days=1)
    event.save()
    after, _calendar = vevents(client.get(f"/en/events/{event.slug}/calendar.ics"))

    old, new = before["Seminar"], after["Seminar on housing"]
    assert str(new["uid"]) == str(old["uid"])
    assert int(new["sequence"]) > int(old["sequence"])


def test_a_cancelled_event_is_sent_as_cancelled_with_a_higher_sequence(client):
    event = make_event(title="Called off")
    sequence = event.sequence

    services.cancel_events(Event.objects.filter(pk=event.pk))
    events, _calendar = vevents(client.get("/en/events/calendar.ics"))

    (item,) = events.values()
    assert str(item["status"]) == "CANCELLED"
    assert int(item["sequence"]) == sequence + 1


def test_a_draft_has_no_calendar_file(client):
    event = make_event(status=Event.Status.DRAFT)

    assert client.get(f"/en/events/{event.slug}/calendar.ics").status_code == 404


def test_each_event_page_links_to_its_calendar_file(client):
    event = make_event(title="Linked")

    html = client.get(event.get_absolute_url()).content.decode()

    assert f'href="/en/events/{event.slug}/calendar.ics"' in html
    assert "Add to calendar" in html


def test_an_all_day_event_is_exported_as_dates(client):
    starts = datetime.datetime(2018, 5, 24, 0, 0, tzinfo=ATHENS)
    make_event(
        title="Whole day",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=23),
        time_zone="Europe/Athens",
        all_day=True,
    )

    events, _calendar = vevents(client.get("/en/events/calendar.ics"))

    item = events["Whole day"]
    assert item.decoded("dtstart") == datetime.date(2018, 5, 24)
    assert item.decoded("dtend") == datetime.date(2018, 5, 25)
