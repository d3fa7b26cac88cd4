"""The feed of what a filtered list shows: `{% feed_of_filters "practices:feed" as feed %}` on
the practices' or the news' list gives the address of its feed of the same theme (or topic) and
country, `{% feed_of_filters "events:country-calendar" %}` the calendar of the events' country;
"" when the list is not filtered by them, or by one that does not exist."""

from django import template
from django.http import Http404
from django.urls import reverse
from django_countries import countries

from news.feeds import Interest as NewsInterest
from practices.feeds import Interest as PracticeInterest

register = template.Library()

INTERESTS = {"practices:feed": PracticeInterest, "news:feed": NewsInterest}


@register.simple_tag(takes_context=True)
def feed_of_filters(context, url_name):
    request = context.get("request")
    if request is None:
        return ""
    if url_name == "events:country-calendar":
        code = request.GET.get("country", "").strip().upper()
        return reverse(url_name, args=[code.lower()]) if code and code in countries else ""
    try:
        # Only the filters a feed follows: a search, a kind or a page number are the list's own.
        interest = INTERESTS[url_name].asked(request.GET)
    except Http404:
        return ""
    return reverse(url_name) + interest.query if interest.query else ""
