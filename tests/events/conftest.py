import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation

from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def staff_client(db):
    """A superuser's own browser, beside the anonymous `client`."""
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "pw")
    client = Client()
    client.force_login(user)
    return client
