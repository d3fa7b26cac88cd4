"""HEAD, which link checkers, monitors and crawlers send, answers as GET does, without a body."""

import pytest

from tests.factories import make_member

pytestmark = pytest.mark.django_db

ADDRESSES = [
    "/robots.txt",
    "/favicon.ico",
    "/health/",
    "/en/manifest.webmanifest",
    "/en/search/?q=lyon",
    "/en/countries/",
    "/en/countries/fr/",
    "/en/members/",
    "/en/news/",
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_a_head_request_answers_as_get_without_a_body(client, address):
    make_member(name="Lyon", country="FR")
    got = client.get(address)

    head = client.head(address)

    assert got.status_code == 200
    assert head.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""


@pytest.mark.parametrize("address", ["/robots.txt", "/en/search/?q=lyon", "/en/countries/fr/"])
def test_a_change_is_still_refused_with_405(client, address):
    assert client.post(address).status_code == 405
