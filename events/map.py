"""Upcoming events on the member map: the layer events adds to members.map."""

from django.utils import formats
from django.utils.translation import gettext as _
from django_countries import countries

from members.map import Layer, Place

from .models import Event

# An event list is short, but the map never draws more than this many.
MAP_LIMIT = 50


def upcoming_events_layer(country=None):
    """Published, upcoming events with a place, soonest first (cancelled ones are not coming)."""
    events = (
        Event.objects.published()
        .upcoming()
        .filter(status=Event.Status.PUBLISHED, latitude__isnull=False, longitude__isnull=False)
        .only("title", "slug", "starts_at", "time_zone", "city", "country", "latitude", "longitude")
    )
    if country:
        events = events.filter(country=country)
    names = dict(countries)
    places = []
    for event in events[:MAP_LIMIT]:
        day = formats.date_format(event.local_start, "DATE_FORMAT")
        where = ", ".join(part for part in (event.city, names.get(event.country.code, "")) if part)
        detail = " · ".join(part for part in (day, where) if part)
        places.append(
            Place(
                name=event.title,
                url=event.get_absolute_url(),
                label=_("%(title)s — %(detail)s") % {"title": event.title, "detail": detail},
                detail=detail,
                latitude=event.latitude,
                longitude=event.longitude,
            )
        )
    return Layer(
        key="events",
        title=_("Upcoming events"),
        legend=_("an upcoming event: select it to open its page"),
        places=places,
    )
