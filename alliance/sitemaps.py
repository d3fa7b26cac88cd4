from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page


class StaticViewSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return [
            "home",
            "page-about",
            "page-terminology",
            "page-privacy",
            "contact:contact",
            "cooperation:cooperate",
            "open-data",
            "figures:figures",
        ]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if not item.startswith("page-"):
            return None
        page = Page.objects.filter(slug=item.removeprefix("page-")).first()
        return page.updated_at if page else None
