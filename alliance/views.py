import logging
from collections import Counter
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.staticfiles import finders
from django.db import DatabaseError, connection
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django_countries import countries
from django_countries.fields import Country

from cooperation.models import Proposal
from core import search as site_search
from core.cache import remember
from core.pagination import CountedPaginator, filters_digest, keep_rows
from core.text import normalise
from declarations.models import Signature
from events.models import Event
from members.map import render_member_map
from members.models import Member, approved_counts, approved_counts_by_kind, totals_of
from news.models import Article
from practices.models import Practice

from .models import Page
from .open_data import file_facts

logger = logging.getLogger(__name__)

# Signatories listed on a country page; the declaration's page has them all.
SIGNATURES_SHOWN = 20
# Members listed on each page of a country page; the map shows them all.
MEMBERS_PER_COUNTRY_PAGE = 50  # as the directory


def home(request):
    # The figures and the three short lists are kept until the public data change (or an
    # article goes live, or an event ends: core.cache.remember), with or without Redis:
    # visitors open the home page far more often than staff publish.
    context = {
        "member_totals": totals_of(approved_counts()),
        "signature_totals": remember(
            "signature-totals", lambda: Signature.objects.public().totals()
        ),
        # Per language: modeltranslation reads only the language's own columns.
        **remember(f"home-lists:{translation.get_language()}", home_lists),
    }
    return render(request, "home.html", context)


def home_lists():
    """The home page's latest articles and practices and next events, of only the columns
    their cards show."""
    articles = Article.objects.published().only(
        "title", "slug", "kind", "lead", "place", "published_at"
    )
    practices = Practice.objects.published().only("title", "slug", "start_year", "end_year")
    return {
        "latest_articles": list(articles[:3]),
        "latest_practices": list(practices[:3]),
        "next_events": list(Event.objects.published().upcoming().summaries()[:3]),
    }


# The results page: a few of each kind, or one kind page by page.
RESULTS_PER_KIND = 5
RESULTS_PER_PAGE = 20


@require_safe
def search(request):
    """The site's search: a few results of each kind, or one kind page by page. What a query
    finds is read once per data change and language (core.cache.remember): the same words
    are searched again and again (the home page's suggestions, links shared)."""
    query = site_search.clean_query(request.GET.get("q", ""))
    kinds = site_search.kinds()
    selected = next((kind for kind in kinds if kind.key == request.GET.get("kind")), None)
    groups, page_obj = [], None
    if site_search.words(query):
        asked = filters_digest({"q": query})
        if selected:
            found = selected.search(query)
            # Counted as far as COUNT_LIMIT, and paged as far.
            count, more = remember(
                f"search-count:{selected.key}:{asked}", lambda: site_search.capped_count(found)
            )
            paginator = CountedPaginator(found, RESULTS_PER_PAGE, count=count)
            page_obj = keep_rows(
                paginator.get_page(request.GET.get("page")), f"search-{selected.key}:{asked}"
            )
            rows = site_search.results(selected, page_obj.object_list, query)
            groups = [site_search.Group(selected, count, rows, more)]
        else:
            by_key = {kind.key: kind for kind in kinds}
            overview = remember(
                f"search-overview:{translation.get_language()}:{asked}",
                lambda: search_overview(kinds, query),
            )
            groups = [
                site_search.Group(by_key[key], count, rows, more)
                for key, count, rows, more in overview
            ]
    context = {
        "query": query,
        "searched": bool(site_search.words(query)),
        "groups": [group for group in groups if group.count],
        "selected": selected,
        "page_obj": page_obj,
        "query_string": urlencode({"q": query, "kind": selected.key}) if selected else "",
        "more_per_kind": RESULTS_PER_KIND,
    }
    return render(request, "search/results.html", context)


def search_overview(kinds, query):
    """[(kind's key, count, results, more)] of the kinds `query` finds: the first results of
    each, counted as far as OVERVIEW_COUNT_LIMIT from the one query that reads them."""
    overview = []
    for kind in kinds:
        limit = site_search.OVERVIEW_COUNT_LIMIT
        rows = list(kind.search(query)[: limit + 1])
        if rows:
            found = site_search.results(kind, rows[:RESULTS_PER_KIND], query)
            overview.append((kind.key, min(len(rows), limit), found, len(rows) > limit))
    return overview


def open_data(request):
    context = {
        "files": file_facts(request),
        "license_name": settings.DATA_LICENSE_NAME,
        "license_url": settings.DATA_LICENSE_URL,
    }
    return render(request, "pages/open_data.html", context)


def page(request, slug):
    context = {"page": get_object_or_404(Page, slug=slug)}
    if slug == Page.Slug.ABOUT:
        context["partner_ngos"] = Proposal.objects.listed().only("name", "country", "website")
    return render(request, "pages/page.html", context)


@never_cache
@require_safe
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


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@require_safe
def favicon(request):
    """/favicon.ico, which browsers ask for on every site whatever the page links to."""
    response = HttpResponse(_favicon_bytes(), content_type="image/x-icon")
    response["Cache-Control"] = "public, max-age=604800"
    return response


@cache
def _favicon_bytes():
    # Read through the static files' finders: the same file in development and after
    # collectstatic, without knowing the hashed name production gives it.
    return Path(finders.find("img/favicon.ico")).read_bytes()


@require_safe
def web_manifest(request):
    """The web app manifest: the name and icons a phone uses for a shortcut to the site."""
    manifest = {
        "name": gettext(
            "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
        ),
        "short_name": gettext("Alliance"),
        "lang": translation.get_language(),
        "start_url": reverse("home"),
        "scope": "/",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": "#0b3d6e",
        "icons": [
            {"src": static("img/mark.svg"), "sizes": "any", "type": "image/svg+xml"},
            {"src": static("img/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {
                "src": static("img/icon-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "any maskable",
            },
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


def server_error(request):
    """A 500 page that renders without the database or the request context."""
    return render(request, "500.html", {"LANGUAGE_CODE": settings.LANGUAGE_CODE}, status=500)


# The country pages compose the apps: members (and their map), signatories and news.


@require_safe
def country_list(request):
    # The countries with members first, with their counts (approved members: the public
    # rule); the others apart, by name alone.
    counts = approved_counts()
    by_name = sorted(countries, key=lambda country: normalise(country.name))
    with_members = [
        {"country": country, "members": counts[country.code]}
        for country in by_name
        if counts.get(country.code)
    ]
    others = [country for country in by_name if not counts.get(country.code)]
    return render(
        request,
        "countries/country_list.html",
        {"with_members": with_members, "others": others, "totals": totals_of(counts)},
    )


def country_lists(code, page):
    """What a country's page lists: a page of its members, its latest signatories, news and
    practices."""
    signatures = Signature.objects.public().filter(country=code)
    return {
        "members": list(page.object_list),
        # The most recent; the declaration's page lists them all, filtered by country.
        "signatures": list(signatures.listed()[:SIGNATURES_SHOWN]),
        "signature_count": signatures.count(),
        "articles": list(Article.objects.published().about_country(code).summaries()[:10]),
        "practices": list(
            Practice.objects.published()
            .in_country(code)
            .only("title", "slug", "start_year", "end_year")[:10]
        ),
    }


@require_safe
def country_detail(request, code):
    code = code.upper()
    if code not in countries:
        raise Http404
    country = Country(code)
    # The counts by kind come from the aggregate the directory and the map share: no scan of
    # the country's members. The list below goes page by page (a country may hold thousands).
    counts = Counter()
    for row_code, kind, number in approved_counts_by_kind():
        if row_code == code:
            counts[kind] += number
    total = sum(counts.values())
    members = Member.objects.approved().filter(country=code)
    paginator = CountedPaginator(
        members.by_public_name().listed(), MEMBERS_PER_COUNTRY_PAGE, count=total
    )
    page = paginator.get_page(request.GET.get("page"))
    # The page's lists are read once per data change (core.cache.remember), per language (the
    # members are sorted as it sorts names) and page: a country's page is read far more often
    # than its members, signatories, news or practices change.
    lists = remember(
        f"country-lists:{translation.get_language()}:{code}:{page.number}",
        lambda: country_lists(code, page),
    )
    context = {
        "country": country,
        "page_obj": page,
        "totals": {
            "members": total,
            "cities": counts[Member.Kind.CITY],
            "regions": counts[Member.Kind.REGION],
        },
        **lists,
        # Every member of the country on the map (a dot per place above MARKER_LIMIT), from
        # the counts already known: one query for the positions. Drawn once until the data
        # change (core.cache.remember), like the map page.
        "member_map": remember(
            f"country-map:{translation.get_language()}:{code}",
            lambda: render_to_string(
                "includes/_member_map.html",
                {"member_map": render_member_map(members, country=code, counts={code: total})},
            ),
        )
        if total
        else None,
    }
    return render(request, "countries/country_detail.html", context)
