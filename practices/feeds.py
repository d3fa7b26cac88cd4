"""RSS 2.0 and Atom feeds of the published practices, in the language of the address."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Practice


class LatestPracticesFeed(Feed):
    title = _("Alliance for the Inclusion of Roma and Travellers: good practices")
    description = _(
        "Projects and policies of the Alliance's cities and regions for the inclusion of Roma "
        "and Travellers."
    )
    author_name = _(
        "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
    )
    url_name = "practices:feed"
    item_guid_is_permalink = True

    def link(self):
        return reverse("practices:list")

    def feed_url(self):
        return reverse(self.url_name)

    def items(self):
        return Practice.objects.published().summaries().prefetch_related("themes")[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The summary is plain text, and readers take a description as HTML: escape it.
        return escape(item.summary)

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class LatestPracticesAtomFeed(LatestPracticesFeed):
    feed_type = Atom1Feed
    subtitle = LatestPracticesFeed.description
    url_name = "practices:feed-atom"
