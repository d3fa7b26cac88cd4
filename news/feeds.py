"""RSS 2.0 and Atom feeds of the published articles, in the language of the address; of one
topic and one country with `?theme=<tag slug>` (or `?tag=`, as the list says) and
`?country=<code>`."""

from collections import defaultdict

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.feeds import Interest

from .models import Article, Tag


class LatestArticlesFeed(Feed):
    heading = _("Alliance for the Inclusion of Roma and Travellers: news and statements")
    description = _("News, statements and speeches of the Alliance of European Cities and Regions.")
    author_name = _(
        "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
    )
    url_name = "news:feed"
    # The GUID is the article's absolute address, which the slug keeps stable.
    item_guid_is_permalink = True

    def get_object(self, request, *args, **kwargs):
        return Interest.asked(request.GET, Tag, also=("tag",))

    def title(self, interest):
        return interest.named(str(self.heading))

    def link(self, interest):
        query = interest.query.replace("theme=", "tag=")  # the list calls it a topic
        return reverse("news:list") + query

    def feed_url(self, interest):
        return reverse(self.url_name) + interest.query

    def items(self, interest):
        articles = Article.objects.published()
        if interest.topic:
            articles = articles.tagged(interest.topic.slug)
        if interest.country:
            articles = articles.about_country(interest.country)
        # Only what an item holds (the bodies are most of a row), and every item's tag names
        # in one query: a prefetch builds a queryset per item, the feed's main cost.
        articles = list(
            articles.only("title", "slug", "lead", "status", "published_at", "updated_at")[:20]
        )
        names = defaultdict(list)
        tagged = Tag.objects.filter(articles__in=articles).order_by("name")
        for article_id, name in tagged.values_list("articles", "name"):
            names[article_id].append(name)
        for article in articles:
            article.tag_names = names[article.pk]
        return articles

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
        return item.tag_names


class LatestArticlesAtomFeed(LatestArticlesFeed):
    feed_type = Atom1Feed
    subtitle = LatestArticlesFeed.description
    url_name = "news:feed-atom"
