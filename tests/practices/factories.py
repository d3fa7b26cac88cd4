"""make_practice(): a published practice, unless told otherwise."""

import datetime
import itertools

from django.utils import timezone

from practices.models import Practice, Theme

_numbers = itertools.count(1)


def make_practice(themes=(), members=(), **fields):
    n = next(_numbers)
    values = {
        "title": f"Practice {n}",
        "summary": f"Summary of practice {n}.",
        "body": f"Body of practice {n}.",
        "start_year": 2015,
        "status": Practice.Status.PUBLISHED,
        **fields,
    }
    if values["status"] == Practice.Status.PUBLISHED:
        values.setdefault("published_at", timezone.now() - datetime.timedelta(days=n))
    practice = Practice.objects.create(**values)
    if themes:
        practice.themes.set([Theme.objects.get(slug=slug) for slug in themes])
    if members:
        practice.members.set(members)
    return practice
