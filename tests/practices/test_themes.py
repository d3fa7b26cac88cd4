import pytest
from django.utils import translation

from practices.models import Theme

pytestmark = pytest.mark.django_db


def test_the_list_starts_with_the_themes_of_the_alliance_s_meetings_in_both_languages():
    themes = list(Theme.objects.all())

    assert [theme.slug for theme in themes][:4] == ["education", "housing", "employment", "health"]
    assert len(themes) == 9
    with translation.override("fr"):
        assert Theme.objects.get(slug="housing").name == "Logement"
