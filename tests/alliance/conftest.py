import os
import uuid

import pytest
from django.core.cache import caches

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
def page_cache(settings):
    """The page cache and the counters on, as in production (per-process cache)."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_MAX_AGE = 60
    return settings


def redis_reachable():
    import redis

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
            "BACKEND": "core.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        },
        "template_fragments": page_cache.CACHES["template_fragments"],
    }
    yield page_cache
    # The connection watching this test's keys (core.cache_backends.KeyWatch).
    for watch in caches["default"]._watches.values():
        watch.close()
    # Only this test's keys: the Redis database may be shared.
    client = caches["default"]._cache.get_client(write=True)
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
    client = caches["default"]._cache.get_client(write=True)
    send = client.execute_command

    def counted(*args, **kwargs):
        sent.append(args[0])
        return send(*args, **kwargs)

    monkeypatch.setattr(client, "execute_command", counted)
    return sent
