"""The pages this process holds while Redis says the data version has not changed
(core.cache.HeldVersion, core.key_watch.KeyWatch)."""

import pytest
import redis
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import key_watch
from core.cache import VERSION_KEY
from core.key_watch import KeyWatch
from members.models import Member
from tests.alliance.conftest import REDIS_URL
from tests.factories import make_member


@pytest.fixture
def held(client, redis_page_cache):
    """A member's directory page, seen twice: rendered, then read from Redis and held."""
    member = make_member(name="Strasbourg")
    for _ in range(2):
        assert "Strasbourg" in client.get("/en/members/").content.decode()
    return member


def another_server():
    """What another server changes in the shared cache: a raw client of the same Redis."""
    return redis.Redis.from_url(REDIS_URL)


def renamed_elsewhere(member, name):
    """Renamed as another server would: its save is not this process's, nor its renewal."""
    Member.objects.filter(pk=member.pk).update(name=name)
    another_server().incr(caches["default"].make_key(VERSION_KEY))


@pytest.mark.django_db
def test_a_page_this_process_holds_is_served_without_a_round_trip_to_redis(
    client, held, redis_commands
):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/members/")

    assert "Strasbourg" in response.content.decode()
    assert redis_commands == [] and len(queries) == 0


@pytest.mark.django_db
def test_a_change_made_through_another_server_shows_on_the_next_request(client, held):
    renamed_elsewhere(held, "Strasbourg Eurométropole")

    assert "Strasbourg Eurométropole" in client.get("/en/members/").content.decode()


@pytest.mark.django_db
def test_a_page_is_not_served_from_memory_once_the_watch_is_cut(client, held):
    watch = key_watch.key_watch(VERSION_KEY)
    another_server().execute_command("CLIENT", "KILL", "ID", watch.client_id)
    # Redis's message about this change never reaches this process.
    renamed_elsewhere(held, "Strasbourg Eurométropole")

    assert "Strasbourg Eurométropole" in client.get("/en/members/").content.decode()


@pytest.mark.django_db
def test_a_flushed_cache_is_not_served_from_memory(client, held):
    caches["default"].clear()

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/en/members/")

    assert "Strasbourg" in response.content.decode()
    assert len(queries) > 0


def test_a_watch_that_cannot_reach_redis_trusts_nothing_and_waits_before_trying_again(
    monkeypatch,
):
    watch = KeyWatch("redis://127.0.0.1:1/0", ["a-key"])
    tried = []
    monkeypatch.setattr(watch, "close", lambda: tried.append(1))

    assert watch.changes_seen() is None
    assert watch.changes_seen() is None
    assert len(tried) == 1
