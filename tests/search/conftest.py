from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401
