"""Error pages render whatever the request: an unknown Host header, an address of another site."""

import pytest
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from django.shortcuts import render
from django.test import Client
from django.views import defaults

from alliance.views import server_error

pytestmark = pytest.mark.django_db

BAD_HOST = "evil.example"


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    # A 500 is answered, not raised into the test, as a server would answer it.
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("language", "title"), [("en", "Request not accepted"), ("fr", "Demande non acceptée")]
)
def test_an_unknown_host_is_answered_400_in_the_visitors_language(production, language, title):
    response = production.get(f"/{language}/", HTTP_HOST=BAD_HOST)

    assert response.status_code == 400
    assert f'<html lang="{language}">' in response.text
    assert title in response.text
    assert BAD_HOST not in response.text


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_form_posted_to_an_unknown_host_is_answered_400(production, language):
    response = production.post(f"/{language}/join/", {"name": "Town"}, HTTP_HOST=BAD_HOST)

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("page", "status", "text"),
    [
        (lambda request: defaults.bad_request(request, SuspiciousOperation()), 400, "Request"),
        (lambda request: defaults.page_not_found(request, Http404()), 404, "Page not found"),
        (lambda request: render(request, "429.html", status=429), 429, "Too many attempts"),
        (server_error, 500, "Server error"),
    ],
    ids=["400", "404", "429", "500"],
)
def test_error_pages_render_without_an_allowed_host(rf, page, status, text):
    request = rf.get("/en/", HTTP_HOST=BAD_HOST)

    response = page(request)

    assert response.status_code == status
    assert text in response.content.decode()


def test_an_error_page_has_no_canonical_link_nor_alternates(client):
    content = client.get("/en/no-such-page/").content.decode()

    assert 'rel="canonical"' not in content
    assert '<link rel="alternate" hreflang=' not in content
