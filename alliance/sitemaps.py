from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Page


class StaticViewSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return ["home", "page-about", "page-terminology", "page-privacy"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        slug = item.removeprefix("page-")
        page = Page.objects.filter(slug=slug).first()
        return page.updated_at if page else None
