import os
import uuid

import pytest
import redis

from core import key_watch

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def page_cache(settings):
    """The page cache and the counters on, as in production (per-process cache)."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_MAX_AGE = 60
    return settings


def redis_reachable():
    try:
        return redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def redis_page_cache(page_cache):
    """The page cache in a real Redis, under a prefix of this test's own."""
    if not redis_reachable():
        pytest.skip(f"Redis is not reachable at {REDIS_URL} (set TEST_REDIS_URL)")
    prefix = f"alliance-test-{uuid.uuid4().hex}"
    page_cache.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
        "template_fragments": page_cache.CACHES["template_fragments"],
    }
    yield page_cache
    # The connection watching this test's keys (core.key_watch).
    key_watch.close_all()
    # Only this test's keys: the Redis database may be shared.
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


@pytest.fixture(params=["locmem", "redis"])
def public_cache(request):
    """The page cache and counters on, in the per-process cache and in Redis."""
    settings = request.getfixturevalue(
        "redis_page_cache" if request.param == "redis" else "page_cache"
    )
    settings.COUNTER_CACHE_SECONDS = 60
    return settings


@pytest.fixture
def redis_commands(monkeypatch):
    """The commands the shared cache sends to Redis from now on."""
    sent = []
    send = redis.Redis.execute_command

    def counted(client, *args, **kwargs):
        sent.append(args[0])
        return send(client, *args, **kwargs)

    monkeypatch.setattr(redis.Redis, "execute_command", counted)
    return sent
