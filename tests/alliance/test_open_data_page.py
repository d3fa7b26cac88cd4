import csv
import io
import json
import re

import pytest
from django.test import Client
from django.utils.functional import Promise

from alliance.open_data import DATA_FILES
from tests.factories import make_event, make_member, make_practice, make_signature

pytestmark = pytest.mark.django_db

FILES = ["/data/members.csv", "/data/members.json", "/data/signatories.csv"]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_data_page_lists_every_file_with_its_fields_rows_and_licence(client, language):
    make_member(name="Łódź", country="PL")
    make_member(name="Graz", country="AT")
    make_signature()

    page = client.get(f"/{language}/data/").content.decode()

    for url in FILES:
        assert f'href="{url}"' in page
    assert "<code>kind_label</code>" in page and "<code>office_label</code>" in page
    assert ("2 rows" if language == "en" else "2 lignes") in page
    assert ("1 row," if language == "en" else "1 ligne,") in page
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in page


def test_the_bare_data_path_redirects_to_the_language_and_files_stay_unprefixed(client):
    response = client.get("/data/")
    assert response.status_code == 302
    assert response["Location"] == "/en/data/"
    assert client.get("/data/members.csv").status_code == 200
    assert client.get("/en/data/members.csv").status_code == 404


def test_the_footer_links_to_the_data_page(client):
    assert 'href="/fr/data/"' in client.get("/fr/").content.decode()


@pytest.mark.parametrize("url", FILES)
def test_head_answers_like_get_without_a_body(client, url):
    make_member()
    got = client.get(url)
    head = client.head(url)

    assert head.status_code == 200
    assert head["Content-Type"] == got["Content-Type"]
    assert (
        b"".join(head.streaming_content if head.streaming else [head.content]) == b""
        if not head.streaming
        else b"".join(head.streaming_content) == b""
    )


@pytest.mark.parametrize("url", FILES)
def test_every_file_states_its_licence(client, url, settings):
    settings.DATA_LICENSE_URL = "https://opendatacommons.org/licenses/odbl/1-0/"
    response = client.get(url)
    assert response["Link"] == '<https://opendatacommons.org/licenses/odbl/1-0/>; rel="license"'
    assert response["Access-Control-Allow-Origin"] == "*"


def test_kinds_carry_their_label_next_to_the_code(client):
    make_member(kind="region")
    member = client.get("/data/members.json").json()["members"][0]
    assert (member["kind"], member["kind_label"]) == ("region", "region")


def test_the_data_page_shows_no_private_data(client):
    make_member(name="Pendingtown", status="pending", contact_email="secret@example.org")
    make_signature(consent_to_publish=False, full_name="Hidden Signatory")

    page = client.get("/en/data/").content.decode()

    assert "0 rows" in page
    assert "secret@example.org" not in page and "Hidden Signatory" not in page


def test_data_page_queries_are_bounded(client, django_assert_max_num_queries):
    for _n in range(3):
        make_member()
    with django_assert_max_num_queries(12):
        client.get("/en/data/")
    for _n in range(30):
        make_member()
    with django_assert_max_num_queries(12):
        client.get("/en/data/")


@pytest.mark.django_db
def test_the_data_page_lists_the_events_file_and_it_carries_its_licence(client):
    page = client.get("/en/data/").content.decode()
    head = client.head("/data/events.csv")

    assert "/data/events.csv" in page
    assert head.status_code == 200
    assert b"".join(head.streaming_content if head.streaming else [head.content]) == b""
    assert 'rel="license"' in head["Link"]
    assert head["Access-Control-Allow-Origin"] == "*"


ALL_FILES = {
    "/data/members.csv": None,
    "/data/members.json": "members",
    "/data/signatories.csv": None,
    "/data/events.csv": None,
    "/data/practices.csv": None,
    "/data/practices.json": "practices",
}


def columns_listed(page):
    """{file's address: the columns its section of /data/ lists}."""
    listed = {}
    for section in re.findall(r"<section\b.*?</section>", page, re.S):
        url = re.search(r'<h2[^>]*><a href="([^"]+)"', section).group(1)
        listed[url] = re.findall(r'<th scope="row"><code>([^<]*)</code></th>', section)
    return listed


def header_of(url, key):
    """The columns of the file at `url` as a visitor downloads it: its CSV header, or the keys
    of the first row of its JSON list `key`."""
    response = Client().get(url)
    assert response.status_code == 200
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if key is None:
        return next(csv.reader(io.StringIO(body.decode("utf-8"))))
    return list(json.loads(body)[key][0])


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_file_holds_the_columns_its_page_lists(client, language):
    member = make_member(name="Graz", country="AT")
    make_signature()
    make_event()
    make_practice(members=[member])

    listed = columns_listed(client.get(f"/{language}/data/").content.decode())

    assert set(listed) == set(ALL_FILES)
    for url, key in ALL_FILES.items():
        assert listed[url] == header_of(url, key), url


def test_what_the_page_says_of_each_column_is_translatable():
    for data_file in DATA_FILES:
        for column in data_file.columns:
            assert isinstance(column.description, Promise), (data_file.url_name, column.name)
