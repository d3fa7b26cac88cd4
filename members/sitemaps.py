from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from django.urls import reverse

from .models import Member


class MemberSitemap(Sitemap):
    """The public profile of every approved member."""

    i18n = True
    alternates = True
    changefreq = "monthly"

    def items(self):
        return Member.objects.approved().order_by("slug").only("slug", "updated_at")

    def lastmod(self, member):
        return member.updated_at


class CountrySitemap(Sitemap):
    """The page of every country that has members, dated by its latest member change."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return list(
            Member.objects.approved()
            .order_by("country")
            .values("country")
            .annotate(lastmod=Max("updated_at"))
        )

    def location(self, item):
        return reverse("country", args=[item["country"].lower()])

    def lastmod(self, item):
        return item["lastmod"]


class MemberPagesSitemap(Sitemap):
    """The directory, the list of countries and the join form."""

    i18n = True
    alternates = True
    changefreq = "weekly"

    def items(self):
        return ["members:directory", "countries", "members:join"]

    def location(self, item):
        return reverse(item)

    def lastmod(self, item):
        if item == "members:join":
            return None
        return Member.objects.approved().aggregate(lastmod=Max("updated_at"))["lastmod"]
