"""The summaries of a list of events (core.rows says why in Python)."""

from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.rows import PageMemo, join, summary_card

from .models import Event


def event_summaries(events):
    """The <li> of each event: picture, title, kind, dates in the event's own time zone, place,
    first words of its summary; a cancelled event says so."""
    memo = PageMemo()
    cancelled = format_html(' <span class="badge text-bg-danger">{}</span>', _("Cancelled"))

    def card(event):
        start_iso, start = memo.local(event.starts_at, event.time_zone)
        end = ""
        end_iso, end_shown = memo.local(event.ends_at, event.time_zone)
        if end_iso[:10] != start_iso[:10]:  # it ends on another day where it takes place
            end = format_html(' – <time datetime="{}">{}</time>', end_iso, end_shown)
        place = format_html(" · {}", event.city) if event.city else ""
        if event.country:
            place = format_html("{}, {}", place, memo.country_name(event.country.code))
        meta = format_html(
            '{} · <time datetime="{}">{}</time>{}{}',
            capfirst(memo.label(Event.Kind, event.kind)),
            start_iso,
            start,
            end,
            place,
        )
        return summary_card(
            memo,
            event,
            "event",
            meta,
            text_field="summary",
            title_after=cancelled if event.is_cancelled else "",
        )

    return join(card(event) for event in events)
