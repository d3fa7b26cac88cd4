import pytest

from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401


@pytest.fixture
def message_data():
    return {
        "name": "Jana Novák",
        "email": "jana.novak@example.org",
        "subject": "membership",
        "message": "How does a region join the Alliance?",
        "privacy_consent": "on",
    }
