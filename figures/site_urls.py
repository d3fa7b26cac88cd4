"""The figures' addresses outside the language prefixes: the open data catalogue, and the
yearly report in the admin."""

from django.contrib import admin
from django.urls import path

from . import catalogue, report

urlpatterns = [
    path("data/catalog.jsonld", catalogue.catalogue_view, name="figures-catalogue"),
    path(
        "admin/figures/report/",
        admin.site.admin_view(report.report_view),
        name="figures-report",
    ),
]
