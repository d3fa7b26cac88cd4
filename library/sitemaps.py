from django.contrib.sitemaps import Sitemap

from .models import Document


class DocumentSitemap(Sitemap):
    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Document.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, item):
        return item.updated_at
