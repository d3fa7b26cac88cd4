"""Pages go out gzipped to the clients that accept it, padded against BREACH (Django's
GZipMiddleware)."""

import gzip

import pytest

from tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_a_page_is_compressed_and_reads_back_whole(client):
    for n in range(30):
        make_member(name=f"Town {n}", country="AT")
    plain = client.get("/en/countries/at/").content

    response = client.get("/en/countries/at/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain
    assert int(response["Content-Length"]) == len(response.content)


def test_a_client_that_does_not_accept_gzip_gets_the_page_as_it_is(client):
    response = client.get("/en/about/")

    assert "Content-Encoding" not in response
    assert b"<html" in response.content
