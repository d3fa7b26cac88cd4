"""RSS 2.0 and Atom feeds of the published articles, in the language of the address; of one
topic and one country with `?theme=<tag slug>` (or `?tag=`, as the list says) and
`?country=<code>`.

Feed readers poll: a feed answers a conditional request (`If-None-Match`, `If-Modified-Since`)
with a 304 when its items have not changed, without writing the feed. Either way the items
are read in one query, as values (not model instances), once per data change."""

import hashlib
from functools import cached_property

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, quote_etag
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.http import http_date
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.cache import PageCacheMiddleware, release, remember
from core.feeds import Interest

from .models import TAG_NAMES_SEPARATOR, Article, Tag

ITEMS = 20


class Selection:
    """What one request for a feed shows: what it follows (`interest`) and its articles, read
    once for both the conditional answer and the feed (the Feed instance serves every
    request, so they are kept here, not on it)."""

    def __init__(self, interest):
        self.interest = interest

    @cached_property
    def articles(self):
        # Readers poll far more often than staff publish: the items are read once per data
        # change (and scheduled publication), language and selection, as the counters are.
        key = f"news-feed:{get_language()}:{self.interest.query}"
        return remember(key, self.read_articles)

    def read_articles(self):
        articles = Article.objects.published()
        if self.interest.topic:
            articles = articles.tagged(self.interest.topic.slug)
        if self.interest.country:
            articles = articles.about_country(self.interest.country)
        # Only what an item holds (the bodies are most of a row), as dicts, with the tag
        # names read in the same query.
        rows = list(
            articles.with_tag_names().values(
                "pk", "title", "slug", "lead", "published_at", "updated_at", "tag_names"
            )[:ITEMS]
        )
        for row in rows:
            row["last_changed"] = max(filter(None, [row["published_at"], row["updated_at"]]))
            names = row["tag_names"].split(TAG_NAMES_SEPARATOR) if row["tag_names"] else []
            row["tag_names"] = sorted(names)
        return rows

    @cached_property
    def last_modified(self):
        """The latest change of an item (a timestamp), or None for an empty feed."""
        return max((row["last_changed"].timestamp() for row in self.articles), default=None)

    def etag(self, kind):
        """Changes whenever the feed would: its kind, language, release, what it follows,
        and each item's address, last change and tags (an edit of the title or lead moves
        the last change on; a withdrawn article leaves the list)."""
        identity = repr(
            [
                kind,
                get_language(),
                release(),
                self.interest.query,
                [
                    (row["pk"], row["slug"], row["last_changed"], row["tag_names"])
                    for row in self.articles
                ],
            ]
        )
        return quote_etag(hashlib.sha256(identity.encode()).hexdigest()[:32])


class LatestArticlesFeed(Feed):
    heading = _("Alliance for the Inclusion of Roma and Travellers: news and statements")
    description = _("News, statements and speeches of the Alliance of European Cities and Regions.")
    author_name = _(
        "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
    )
    url_name = "news:feed"
    # The GUID is the article's absolute address, which the slug keeps stable.
    item_guid_is_permalink = True

    def __call__(self, request, *args, **kwargs):
        # Django's Feed.__call__, with the conditional answer of django.views.decorators.http's
        # condition() before the feed is written, and the feed written in one piece.
        selection = self.get_object(request, *args, **kwargs)
        etag = selection.etag(self.url_name)
        response = get_conditional_response(
            request, etag=etag, last_modified=selection.last_modified
        )
        if response is None:
            feed = self.get_feed(selection, request)
            response = HttpResponse(feed.writeString("utf-8"), content_type=feed.content_type)
        else:
            # As public as the feed itself, which the page cache's middleware marks public.
            PageCacheMiddleware.mark_public(response)
        response.headers["ETag"] = etag
        if selection.last_modified is not None:
            response.headers["Last-Modified"] = http_date(selection.last_modified)
        return response

    def get_object(self, request, *args, **kwargs):
        return Selection(Interest.asked(request.GET, Tag, also=("tag",)))

    def title(self, selection):
        return selection.interest.named(str(self.heading))

    def link(self, selection):
        query = selection.interest.query.replace("theme=", "tag=")  # the list calls it a topic
        return reverse("news:list") + query

    def feed_url(self, selection):
        return reverse(self.url_name) + selection.interest.query

    def items(self, selection):
        return selection.articles

    def item_title(self, item):
        return item["title"]

    def item_link(self, item):
        return reverse("news:detail", kwargs={"slug": item["slug"]})

    def item_description(self, item):
        # The lead is plain text, and readers take a description as HTML: escape it.
        return escape(item["lead"] or "")

    def item_pubdate(self, item):
        return item["published_at"]

    def item_updateddate(self, item):
        return item["last_changed"]

    def item_categories(self, item):
        return item["tag_names"]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
    url_name = "news:feed-atom"
