from django.contrib.sitemaps import Sitemap

from .models import Event


class EventSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return Event.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
