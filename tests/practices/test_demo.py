import pytest
from django.core.management import call_command
from django.utils import translation

from practices.models import Practice

pytestmark = pytest.mark.django_db


def test_the_demo_adds_practices_of_real_members_once_in_one_or_two_languages():
    call_command("load_demo")
    call_command("load_demo")

    practices = Practice.objects.published()
    assert practices.count() == 16
    # Plausible titles and texts (the about page says once that the content is invented).
    assert not any("sample" in practice.title_en.lower() for practice in practices)
    assert not any("sample" in practice.body_en.lower() for practice in practices)
    assert all(practice.members.exists() and practice.themes.exists() for practice in practices)
    translated = [practice for practice in practices if practice.title_fr]
    assert 0 < len(translated) < 16
    with translation.override("fr"):
        assert Practice.objects.get(slug="housing-desk-madrid").title.startswith(
            "Un guichet logement"
        )
