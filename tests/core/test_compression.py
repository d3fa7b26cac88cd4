"""Pages go out gzipped at level 4, padded against BREACH as Django pads them."""

import gzip

import pytest

from core import compression
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def body_of(packed):
    """The deflate stream after the gzip header and its (random) file name."""
    assert packed[:2] == b"\x1f\x8b"
    if packed[3] & gzip.FNAME:
        return packed[packed.index(b"\x00", 10) + 1 :]
    return packed[10:]


def test_a_page_is_compressed_at_level_4_and_reads_back_whole(client):
    for n in range(30):
        make_member(name=f"Town {n}", country="AT")
    plain = client.get("/en/countries/at/").content

    response = client.get("/en/countries/at/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert gzip.decompress(response.content) == plain
    assert body_of(response.content) == gzip.compress(plain, compresslevel=4, mtime=0)[10:]
    assert int(response["Content-Length"]) == len(response.content)


def test_the_header_carries_a_file_name_of_random_length():
    data = b"<p>The Alliance</p>" * 100

    lengths = {len(compression.compress(data, max_random_bytes=100)) for _ in range(50)}

    assert len(lengths) > 5
    assert all(gzip.decompress(compression.compress(data, 100)) == data for _ in range(5))


def test_a_client_that_does_not_accept_gzip_gets_the_page_as_it_is(client):
    response = client.get("/en/about/")

    assert "Content-Encoding" not in response
    assert b"<html" in response.content
