"""The open data files, built ahead by the task worker and served from their copies."""

import gzip
import shutil
from unittest import mock

import pytest
from django.core.cache import cache
from django.db import transaction

from core import open_data
from tests.factories import make_member

pytestmark = pytest.mark.django_db

DATA_FILES = [
    "/data/members.csv",
    "/data/members.json",
    "/data/signatories.csv",
    "/data/events.csv",
    "/data/practices.csv",
    "/data/practices.json",
]
# Built ahead as well: the iCalendar feed, in each language.
CALENDARS = ["/en/events/calendar.ics", "/fr/events/calendar.ics"]


@pytest.fixture(autouse=True)
def data_files_root(settings, tmp_path):
    settings.DATA_FILES_ROOT = str(tmp_path / "data-files")
    settings.SITE_URL = "http://testserver"
    cache.clear()
    yield settings.DATA_FILES_ROOT
    shutil.rmtree(tmp_path / "data-files", ignore_errors=True)


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("path", DATA_FILES + CALENDARS)
def test_a_built_file_is_served_as_rendered_with_its_length_and_etag(
    client, path, django_assert_num_queries
):
    make_member(name="Strasbourg", country="FR")
    rendered = client.get(path)
    expected = body(rendered)

    assert open_data.build_data_files() == len(DATA_FILES + CALENDARS)
    with django_assert_num_queries(0):
        served = client.get(path)

    assert hasattr(served, "file_to_stream")
    assert body(served) == expected
    assert int(served["Content-Length"]) == len(expected)
    assert served["ETag"]
    for header in ("Content-Type", "Access-Control-Allow-Origin", "Link"):
        assert served.get(header) == rendered.get(header)
    assert served.get("Content-Disposition") == rendered.get("Content-Disposition")


def test_a_client_accepting_gzip_gets_the_compressed_copy(client):
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()

    plain = client.get("/data/members.csv")
    compressed = client.get("/data/members.csv", headers={"accept-encoding": "gzip, br"})

    assert "Content-Encoding" not in plain
    assert compressed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in compressed["Vary"]
    packed, unpacked = body(compressed), body(plain)
    assert int(compressed["Content-Length"]) == len(packed) < len(unpacked)
    assert gzip.decompress(packed) == unpacked
    assert compressed["ETag"] != plain["ETag"]


def test_a_repeat_request_with_its_etag_answers_304(client):
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    first = client.get("/data/members.csv", headers={"accept-encoding": "gzip"})

    again = client.get(
        "/data/members.csv",
        headers={"accept-encoding": "gzip", "if-none-match": first["ETag"]},
    )

    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


@pytest.mark.django_db(transaction=True)
def test_a_change_is_served_at_once_and_rebuilt_once_after_commit(client):
    make_member(name="Strasbourg", country="FR")  # committed: built at once (no delay)
    assert hasattr(client.get("/data/members.csv"), "file_to_stream")

    with (
        mock.patch.object(open_data, "build_data_files", wraps=open_data.build_data_files) as build,
        transaction.atomic(),
    ):
        make_member(name="Łódź", country="PL")
        make_member(name="Kraków", country="PL")
        # Before the worker has built them again, the files are rendered: never stale.
        assert "Łódź" in body(client.get("/data/members.csv")).decode()
        assert build.call_count == 0

    # Built after the commit (the immediate task backend of the tests runs it at once; with
    # DATA_FILES_DELAY, the changes of a few seconds make one build).
    assert build.call_count >= 1
    served = client.get("/data/members.csv")
    assert hasattr(served, "file_to_stream")
    assert "Kraków" in body(served).decode()


def test_a_build_already_running_elsewhere_is_not_run_twice():
    assert cache.add(open_data.BUILDING_KEY, 1)

    assert open_data.build_data_files() is None


def test_the_file_of_an_older_data_version_is_not_served(client):
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()

    make_member(name="Łódź", country="PL")  # a change: the built copy is of older data

    assert not hasattr(client.get("/data/members.csv"), "file_to_stream")


def test_each_language_has_its_own_built_calendar(client):
    open_data.build_data_files()

    english = body(client.get("/en/events/calendar.ics")).decode()
    french = body(client.get("/fr/events/calendar.ics")).decode()

    assert "X-WR-CALNAME:Alliance events" in english
    assert "X-WR-CALNAME:Événements de l’Alliance" in french


def test_with_the_page_cache_on_a_built_file_costs_one_read_of_the_cache(
    client, settings, monkeypatch
):
    settings.PAGE_CACHE_SECONDS = 60
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    client.get("/data/members.csv")  # the version and when it is due, written once
    reads = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))

    served = client.get("/data/members.csv")

    assert hasattr(served, "file_to_stream")
    # The page cache's read of the version (and of a page, not kept for files built ahead)
    # serves the check of the built copy too.
    assert len(reads) == 1


@pytest.mark.parametrize("cache_seconds", [0, 60])
def test_a_scheduled_change_coming_due_leaves_the_built_files_served(
    client, settings, cache_seconds
):
    """An article going live changes pages, not the data files: they stay built."""
    from datetime import timedelta

    from django.utils import timezone

    from tests.factories import make_article

    settings.PAGE_CACHE_SECONDS = cache_seconds
    make_member(name="Strasbourg", country="FR")
    make_article(title="Soon", published_at=timezone.now() + timedelta(seconds=1))
    open_data.build_data_files()
    # The article's time comes.
    with mock.patch("core.cache.time.time", return_value=timezone.now().timestamp() + 5):
        served = client.get("/data/members.csv")

    assert hasattr(served, "file_to_stream")


@pytest.mark.parametrize("cache_seconds", [0, 60])
def test_with_redis_a_built_file_is_served_without_a_round_trip_or_a_read_of_its_manifest(
    client, redis_page_cache, cache_seconds, monkeypatch, request
):
    """As a page this process holds (core.cache.HeldVersion): the data version is known here
    while Redis says nothing changed, and the manifest of the built copy was read once."""
    redis_page_cache.PAGE_CACHE_SECONDS = cache_seconds
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    for _ in range(2):  # the first request writes the versions, the second reads and holds them
        assert "Strasbourg" in body(client.get("/data/members.csv")).decode()
    manifests = []
    read = open_data._read_manifest
    monkeypatch.setattr(
        open_data, "_read_manifest", lambda path: manifests.append(path) or read(path)
    )
    sent = request.getfixturevalue("redis_commands")

    served = client.get("/data/members.csv", headers={"Accept-Encoding": "gzip"})

    assert hasattr(served, "file_to_stream")
    assert "Strasbourg" in gzip.decompress(body(served)).decode()
    assert sent == [] and manifests == []


@pytest.mark.parametrize("cache_seconds", [0, 60])
def test_with_redis_a_change_through_another_server_stops_the_built_copy_at_once(
    client, redis_page_cache, cache_seconds
):
    import redis
    from django.core.cache import caches

    from core.cache import VERSION_KEY
    from members.models import Member
    from tests.alliance.conftest import REDIS_URL

    redis_page_cache.PAGE_CACHE_SECONDS = cache_seconds
    member = make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    for _ in range(2):
        assert "Strasbourg" in body(client.get("/data/members.csv")).decode()

    # Renamed on another server: its save and its renewal are not this process's.
    Member.objects.filter(pk=member.pk).update(name="Strasbourg Eurométropole")
    another_server = redis.Redis.from_url(REDIS_URL)
    another_server.incr(caches["default"].make_key(VERSION_KEY))

    answer = client.get("/data/members.csv")
    assert not hasattr(answer, "file_to_stream")  # rendered: the copy is of older data
    assert "Strasbourg Eurométropole" in body(answer).decode()


@pytest.fixture
def middleware_answers(monkeypatch):
    """Paths the middleware under the page cache answered from now on (the CSP middleware's
    response hook, which every answer below the page cache goes through)."""
    from django.middleware.csp import ContentSecurityPolicyMiddleware

    answered = []
    process = ContentSecurityPolicyMiddleware.process_response

    def recorded(self, request, response):
        answered.append(request.path)
        return process(self, request, response)

    monkeypatch.setattr(ContentSecurityPolicyMiddleware, "process_response", recorded)
    return answered


@pytest.mark.parametrize("encoding", ["gzip", "identity"])
@pytest.mark.parametrize(
    ("path", "content"),
    [("/data/members.csv", b"Strasbourg"), ("/en/events/calendar.ics", b"BEGIN:VCALENDAR")],
)
def test_with_redis_a_file_served_again_has_the_same_bytes_and_headers(
    client, redis_page_cache, path, content, encoding
):
    redis_page_cache.PAGE_CACHE_SECONDS = 60
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    headers = {"Accept-Encoding": encoding}
    whole_way = client.get(path, headers=headers)  # the build read the versions, now held

    again = client.get(path, headers=headers)

    assert hasattr(again, "file_to_stream")  # sent from disk, with sendfile() under gunicorn
    sent = body(again)
    assert sent == body(whole_way) and content in (
        gzip.decompress(sent) if encoding == "gzip" else sent
    )
    # The same headers, but for the id each request is given (core.logs).
    assert again["X-Request-ID"] != whole_way["X-Request-ID"]
    assert {**again.headers, "X-Request-ID": ""} == {**whole_way.headers, "X-Request-ID": ""}
    assert again["Content-Security-Policy"] and again["X-Content-Type-Options"] == "nosniff"
    assert int(again["Content-Length"]) == len(sent)


def test_with_redis_a_file_served_again_still_answers_its_etag_with_304(client, redis_page_cache):
    redis_page_cache.PAGE_CACHE_SECONDS = 60
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    for _ in range(3):
        served = client.get("/data/members.csv")

    repeat = client.get("/data/members.csv", headers={"If-None-Match": served["ETag"]})

    assert repeat.status_code == 304
    assert repeat["ETag"] == served["ETag"]


def test_with_redis_a_file_whose_copy_is_gone_is_rendered_rather_than_lost(
    client, redis_page_cache, data_files_root
):
    redis_page_cache.PAGE_CACHE_SECONDS = 60
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    for _ in range(2):
        client.get("/data/members.csv")
    copy = open_data.built_copy("/data/members.csv", compressed=False)
    copy.unlink()

    answer = client.get("/data/members.csv")

    assert answer.status_code == 200
    assert "Strasbourg" in body(answer).decode()


def test_with_redis_a_signed_in_visitor_gets_a_file_the_whole_way(
    client, redis_page_cache, middleware_answers, django_user_model
):
    redis_page_cache.PAGE_CACHE_SECONDS = 60
    make_member(name="Strasbourg", country="FR")
    open_data.build_data_files()
    for _ in range(2):
        client.get("/data/members.csv")
    client.force_login(django_user_model.objects.create_user("staff", is_staff=True))
    middleware_answers.clear()

    answer = client.get("/data/members.csv")

    assert "Strasbourg" in body(answer).decode()
    assert middleware_answers == ["/data/members.csv"]
