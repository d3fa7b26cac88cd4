"""What a feed of a list follows: one topic (a theme, a tag), one country, both or neither,
read from its address's query (`?theme=<slug>&country=<code>`) as the list filters them."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import Http404
from django.shortcuts import get_object_or_404
from django_countries import countries


@dataclass(frozen=True)
class Interest:
    """A feed's topic (a row of `topics`, a model with a slug, or None) and country code.

    `Interest.asked(query, Theme)`: an unknown topic or country is a 404, never the whole feed.
    `also` names other parameters that may hold the topic's slug (the news list says `tag`).
    """

    topic: object = None
    country: str = ""

    @classmethod
    def asked(cls, query, topics, also=()):
        slug = next((query[name] for name in ("theme", *also) if query.get(name)), "").strip()
        code = query.get("country", "").strip().upper()
        if code and code not in countries:
            raise Http404("No such country.")
        return cls(get_object_or_404(topics, slug=slug) if slug else None, code)

    @property
    def query(self):
        asked = {"theme": self.topic.slug if self.topic else "", "country": self.country}
        query = urlencode({name: value for name, value in asked.items() if value})
        return f"?{query}" if query else ""

    def named(self, title):
        names = [str(name) for name in (self.topic, countries.name(self.country)) if name]
        return f"{title} ({', '.join(names)})" if names else title
