"""RSS 2.0 and Atom feeds of the published articles, in the language of the address."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Article


class LatestArticlesFeed(Feed):
    title = _("Alliance for the Inclusion of Roma and Travellers: news and statements")
    description = _("News, statements and speeches of the Alliance of European Cities and Regions.")
    author_name = _(
        "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
    )
    url_name = "news:feed"
    # The GUID is the article's absolute address, which the slug keeps stable.
    item_guid_is_permalink = True

    def link(self):
        return reverse("news:list")

    def feed_url(self):
        return reverse(self.url_name)

    def items(self):
        return Article.objects.published().prefetch_related("tags")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The lead is plain text, and readers take a description as HTML: escape it.
        return escape(item.lead)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.last_changed

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
    url_name = "news:feed-atom"
