"""The feed of what a filtered list shows: `{% feed_of_filters "practices:feed" as feed %}` on
the practices' or the news' list gives the address of its feed of the same theme (or topic) and
country, `{% feed_of_filters "events:country-calendar" %}` the calendar of the events' country;
"" when the list is not filtered by them.

Read from the list's filter form (`filters`, core.pagination.FilteredListMixin), whose active
values are the valid ones: no query, and never a link to a feed that does not exist."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_of_filters(context, url_name):
    active = getattr(context.get("filters"), "active", None) or {}
    # The news list calls its themes topics ("tag"); the feeds follow either as "theme".
    theme = active.get("theme") or active.get("tag")
    country = active.get("country")
    if url_name == "events:country-calendar":
        return reverse(url_name, args=[country.lower()]) if country else ""
    asked = {"theme": getattr(theme, "slug", theme), "country": country}
    query = urlencode({name: value for name, value in asked.items() if value})
    return f"{reverse(url_name)}?{query}" if query else ""
