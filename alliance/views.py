import logging

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from declarations.models import Declaration, Signature
from members.models import approved_counts, totals_of
from news.models import Article

from .cache import remember
from .models import Page

logger = logging.getLogger(__name__)


def home(request):
    members = totals_of(approved_counts())
    signatures = remember("signature-totals", lambda: Signature.objects.public().totals())
    context = {
        "member_totals": members,
        "signature_totals": signatures,
        "latest_articles": Article.objects.published().summaries()[:3],
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
