"""Production processes keep no state of their own once Redis is configured."""

from tests.alliance.test_settings import PRODUCTION, run_manage

SHOW = (
    "from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND'], settings.SESSION_ENGINE, "
    "settings.PAGE_CACHE_SECONDS)"
)


def test_with_redis_the_cache_sessions_and_pages_are_shared():
    result = run_manage(
        "shell", "--no-imports", "-c", SHOW, **PRODUCTION, REDIS_URL="redis://127.0.0.1:6379/0"
    )

    assert result.returncode == 0, result.stderr
    backend, sessions, page_cache = result.stdout.split()
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert sessions == "django.contrib.sessions.backends.cached_db"
    assert int(page_cache) > 0


def test_without_redis_sessions_are_in_the_database_and_pages_not_cached():
    result = run_manage("shell", "--no-imports", "-c", SHOW, **PRODUCTION, REDIS_URL="")

    assert result.returncode == 0, result.stderr
    _backend, sessions, page_cache = result.stdout.split()
    assert sessions == "django.contrib.sessions.backends.db"
    assert page_cache == "0"
