"""The events as iCalendar (RFC 5545), for calendar applications: one file for all, one each.

Each event keeps its UID for ever (its `uid`), carries its SEQUENCE (raised on every change) so
that calendars replace their copy, its times in its own time zone (with the VTIMEZONE they need)
and STATUS:CANCELLED once cancelled.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

PRODUCT_ID = "-//Alliance of European Cities and Regions for the Inclusion of Roma and Travellers//Events//EN"


def calendar_of(events, name):
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    now = timezone.now()
    for event in events:
        calendar.add_component(calendar_event(event, now))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_event(event, now):
    item = CalendarEvent()
    item.add("uid", f"{event.uid}@{settings.SITE_URL.split('://')[-1].split('/')[0]}")
    item.add("sequence", event.sequence)
    item.add("dtstamp", now)
    item.add("last-modified", event.updated_at)
    item.add("created", event.created_at)
    if event.all_day:
        # A whole-day event ends (exclusively) the day after its last day.
        item.add("dtstart", event.local_start.date())
        item.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
    else:
        item.add("dtstart", event.local_start)
        item.add("dtend", event.local_end)
    title = event.title
    if event.is_cancelled:
        title = _("Cancelled: %(title)s") % {"title": title}
    item.add("summary", title)
    if event.summary:
        item.add("description", event.summary)
    place = ", ".join(
        part
        for part in (event.venue, event.city, str(event.country.name) if event.country else "")
        if part
    )
    if place:
        item.add("location", place)
    item.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    item.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    item.add("categories", [event.get_kind_display()])
    return item
