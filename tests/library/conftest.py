import pytest
from django.utils import translation

from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401


@pytest.fixture(autouse=True)
def _english_and_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    translation.activate("en")
    yield
    translation.activate("en")
