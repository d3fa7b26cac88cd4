"""RSS 2.0 and Atom feeds of the published practices, in the language of the address; of one
theme and one country with `?theme=<slug>` and `?country=<code>`, as the list filters them."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from core.feeds import Interest

from .models import Practice, Theme


class LatestPracticesFeed(Feed):
    heading = _("Alliance for the Inclusion of Roma and Travellers: good practices")
    description = _(
        "Projects and policies of the Alliance’s cities and regions for the inclusion of Roma "
        "and Travellers."
    )
    author_name = _(
        "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
    )
    url_name = "practices:feed"
    item_guid_is_permalink = True

    def get_object(self, request, *args, **kwargs):
        return Interest.asked(request.GET, Theme)

    def title(self, interest):
        return interest.named(str(self.heading))

    def link(self, interest):
        return reverse("practices:list") + interest.query

    def feed_url(self, interest):
        return reverse(self.url_name) + interest.query

    def items(self, interest):
        practices = Practice.objects.published()
        if interest.topic:
            practices = practices.with_theme(interest.topic.slug)
        if interest.country:
            practices = practices.in_country(interest.country)
        return practices.summaries().prefetch_related("themes")[:20]

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
