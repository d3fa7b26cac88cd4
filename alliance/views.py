import logging
from collections import Counter

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_countries import countries
from django_countries.fields import Country

from core.cache import remember
from core.text import normalise
from declarations.models import Declaration, Signature
from members.map import render_member_map
from members.models import Member, approved_counts, totals_of
from members.views import MemberListView
from news.models import Article
from practices.models import Practice

from .models import Page

logger = logging.getLogger(__name__)

# Signatories listed on a country page; the declaration's page has them all.
SIGNATURES_SHOWN = 20


def home(request):
    members = totals_of(approved_counts())
    signatures = remember("signature-totals", lambda: Signature.objects.public().totals())
    context = {
        "member_totals": members,
        "signature_totals": signatures,
        "latest_articles": Article.objects.published().summaries()[:3],
        "latest_practices": Practice.objects.published().summaries()[:3],
        "declaration": Declaration.objects.current(),
    }
    return render(request, "home.html", context)


def page(request, slug):
    return render(request, "pages/page.html", {"page": get_object_or_404(Page, slug=slug)})


@never_cache
@require_GET
def health(request):
    """200 "ok" when the database answers a query, 503 otherwise (for load balancers)."""
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        logger.error("Health check: database unavailable: %s", error)
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def server_error(request):
    """A 500 page that renders without the database or the request context."""
    return render(request, "500.html", {"LANGUAGE_CODE": settings.LANGUAGE_CODE}, status=500)


# The country pages compose the apps: members (and their map), signatories and news.


@require_GET
def country_list(request):
    counts = approved_counts()
    rows = [
        {"country": country, "members": counts.get(country.code, 0)}
        for country in sorted(countries, key=lambda country: normalise(country.name))
    ]
    return render(
        request, "countries/country_list.html", {"rows": rows, "totals": totals_of(counts)}
    )


@require_GET
def country_detail(request, code):
    code = code.upper()
    if code not in countries:
        raise Http404
    country = Country(code)
    members = list(
        Member.objects.approved()
        .filter(country=code)
        .order_by("search_name", "pk")
        .only(*MemberListView.LISTED_FIELDS, "latitude", "longitude")
    )
    kinds = Counter(member.kind for member in members)
    signatures = Signature.objects.public().filter(country=code)
    context = {
        "country": country,
        "members": members,
        "totals": {
            "members": len(members),
            "cities": kinds[Member.Kind.CITY],
            "regions": kinds[Member.Kind.REGION],
        },
        # The most recent; the declaration's page lists them all, filtered by country.
        "signatures": signatures.only("full_name", "office", "authority_name")[:SIGNATURES_SHOWN],
        "signature_count": signatures.count(),
        "articles": Article.objects.published().about_country(code).summaries()[:10],
        "practices": Practice.objects.published().in_country(code).summaries()[:10],
        # The same members feed the map and the list below it: one query for both.
        "member_map": render_member_map(members, country=code),
    }
    return render(request, "countries/country_detail.html", context)
