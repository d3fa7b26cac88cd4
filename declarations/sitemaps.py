from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Declaration


class DeclarationSitemap(Sitemap):
    """The Declaration page and its signing form, while a declaration is current."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        current = Declaration.objects.current()
        if current is None:
            return []
        return [(current, "declarations:declaration"), (current, "declarations:sign")]

    def location(self, item):
        return reverse(item[1])

    def lastmod(self, item):
        return item[0].updated_at
