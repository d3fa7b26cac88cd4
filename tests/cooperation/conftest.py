import pytest

from practices.models import Theme
from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401


@pytest.fixture
def proposal_data():
    """A complete, valid proposal as the cooperation form posts it."""
    return {
        "name": "Romano Drom",
        "country": "HU",
        "website": "https://romanodrom.example.org/",
        "themes": [Theme.objects.get(slug="education").pk],
        "roma_led": "on",
        "proposal": "Homework clubs run with the city's schools.",
        "list_publicly": "on",
        "contact_name": "Kata Horváth",
        "contact_role": "Director",
        "contact_email": "kata@romanodrom.example.org",
        "contact_phone": "+36 1 234 5678",
        "privacy_consent": "on",
    }
