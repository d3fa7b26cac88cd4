from django.contrib.sitemaps import Sitemap

from .models import Practice


class PracticeSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Practice.objects.published().only("slug", "updated_at")

    def lastmod(self, item):
        return item.updated_at
