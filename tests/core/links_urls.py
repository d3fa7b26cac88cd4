"""A URLconf whose "members:detail" is elsewhere (tests/core/test_links.py)."""

from django.http import HttpResponse
from django.urls import include, path

members = ([path("<slug:slug>/", lambda request, slug: HttpResponse(), name="detail")], "members")
urlpatterns = [path("elsewhere/", include(members))]
