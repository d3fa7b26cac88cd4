"""RSS 2.0 feed of the library's newest public documents, in the language of the address."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .models import Document


class LatestDocumentsFeed(Feed):
    title = _("Alliance for the Inclusion of Roma and Travellers: library")
    description = _("Adopted texts, reports and guides added to the Alliance’s library.")
    item_guid_is_permalink = True

    def link(self):
        return reverse("library:list")

    def feed_url(self):
        return reverse("library:feed")

    def items(self):
        return Document.objects.published().summaries().order_by("-published_on", "-pk")[:20]

    def item_title(self, item):
        return str(item)

    def item_description(self, item):
        return escape(item.summary)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.published_on, datetime.time()))
