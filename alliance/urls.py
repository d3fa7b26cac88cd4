from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path

from core import files
from declarations import views as declarations_views
from declarations.sitemaps import DeclarationSitemap
from events import views as events_views
from events.sitemaps import EventSitemap
from library.sitemaps import DocumentSitemap
from members import views as members_views
from members.sitemaps import CountrySitemap, MemberPagesSitemap, MemberSitemap
from news.sitemaps import ArticleSitemap
from practices import views as practices_views
from practices.sitemaps import PracticeSitemap

from . import pictures, views
from .sitemaps import StaticViewSitemap

sitemaps = {
    "pages": StaticViewSitemap,
    "member-pages": MemberPagesSitemap,
    "members": MemberSitemap,
    "countries": CountrySitemap,
    "declaration": DeclarationSitemap,
    "news": ArticleSitemap,
    "events": EventSitemap,
    "library": DocumentSitemap,
    "practices": PracticeSitemap,
}

handler500 = "alliance.views.server_error"

urlpatterns = [
    # The yearly report (/admin/figures/report/) and the open data catalogue (/data/catalog.jsonld).
    path("", include("figures.site_urls")),
    path("admin/", admin.site.urls),
    path("health/", views.health, name="health"),
    path("robots.txt", views.robots_txt, name="robots-txt"),
    path("favicon.ico", views.favicon, name="favicon"),
    path(
        "sitemap.xml",
        sitemap_views.sitemap,
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
    path("members/map.svg", members_views.map_preview, name="map-preview"),
    path("data/members.csv", members_views.members_csv, name="data-members-csv"),
    path("data/members.json", members_views.members_json, name="data-members-json"),
    path(
        "data/signatories.csv",
        declarations_views.signatories_csv,
        name="data-signatories-csv",
    ),
    path("data/events.csv", events_views.events_csv, name="data-events-csv"),
    path("data/practices.csv", practices_views.practices_csv, name="data-practices-csv"),
    path("data/practices.json", practices_views.practices_json, name="data-practices-json"),
    path("i18n/", include("django.conf.urls.i18n")),
    # Private pictures, sent to whom may read their article, practice or event (core/files.py).
    path("pictures/<path:name>", pictures.picture, name="picture"),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("manifest.webmanifest", views.web_manifest, name="web-manifest"),
    path("about/", views.page, {"slug": "about"}, name="page-about"),
    path("about/terminology/", views.page, {"slug": "terminology"}, name="page-terminology"),
    path("privacy/", views.page, {"slug": "privacy"}, name="page-privacy"),
    path("countries/", views.country_list, name="countries"),
    path("countries/<str:code>/", views.country_detail, name="country"),
    path("", include("members.urls")),
    path("declaration/", include("declarations.urls")),
    path("news/", include("news.urls")),
    path("contact/", include("contact.urls")),
    path("search/", views.search, name="search"),
    path("data/", views.open_data, name="open-data"),
    path("cooperate/", include("cooperation.urls")),
    path("events/", include("events.urls")),
    path("library/", include("library.urls")),
    path("practices/", include("practices.urls")),
    path("participants/peers/", include("peers.urls")),
    path("participants/subscriptions/", include("subscriptions.urls")),
    path("participants/", include("participants.urls")),
    path("figures/", include("figures.urls")),
)

if settings.DEBUG:
    # In production the front web server serves MEDIA_ROOT, with the same headers (docs/deployment.md).
    urlpatterns += static(
        settings.MEDIA_URL, view=files.public_media, document_root=settings.MEDIA_ROOT
    )
