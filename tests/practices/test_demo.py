import pytest
from django.core.management import call_command
from django.utils import translation

from practices.models import Practice

pytestmark = pytest.mark.django_db


def test_the_demo_adds_sample_practices_of_real_members_once_in_one_or_two_languages():
    call_command("load_demo")
    call_command("load_demo")

    practices = Practice.objects.published()
    assert practices.count() == 15
    # Plausible titles; each text ends with a note that it is a sample.
    assert not any("sample" in practice.title_en.lower() for practice in practices)
    assert all("sample content" in practice.body_en for practice in practices)
    assert all(practice.members.exists() and practice.themes.exists() for practice in practices)
    translated = [practice for practice in practices if practice.title_fr]
    assert 0 < len(translated) < 15
    with translation.override("fr"):
        assert Practice.objects.get(slug="housing-desk-madrid").title.startswith(
            "Un guichet logement"
        )
