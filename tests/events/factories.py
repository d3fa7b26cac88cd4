"""Small factories for the events' tests."""

import datetime
import itertools

from django.utils import timezone

from events.models import Event, Registration
from practices.models import Theme

_numbers = itertools.count(1)
DAY = datetime.timedelta(days=1)


def make_event(starts_in=DAY * 10, hours=8, **fields):
    """A published event starting `starts_in` from now (negative: in the past)."""
    n = next(_numbers)
    starts_at = fields.pop("starts_at", timezone.now() + starts_in)
    values = {
        "title": f"Event {n}",
        "summary": f"Summary of event {n}.",
        "kind": Event.Kind.SEMINAR,
        "status": Event.Status.PUBLISHED,
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=hours),
        "city": "Strasbourg",
        "country": "FR",
        **fields,
    }
    return Event.objects.create(**values)


def make_theme(slug, name):
    """The theme of that slug (a migration creates the usual ones), made if missing."""
    theme, _created = Theme.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name, "name_fr": name}
    )
    return theme


def make_registration(event, **fields):
    n = next(_numbers)
    values = {
        "full_name": f"Person {n}",
        "authority": f"Town {n}",
        "email": f"person{n}@example.org",
        "consent": True,
        "status": Registration.Status.CONFIRMED,
        "confirmed_at": timezone.now(),
        **fields,
    }
    return Registration.objects.create(event=event, **values)
