"""An object's address by its slug, reversed once per view and language (core.links)."""

import pytest
from django.urls import NoReverseMatch, clear_script_prefix, reverse, set_script_prefix
from django.utils import translation

from core.links import slug_url


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("slug", ["lyon", "region-of-lyon-05", "a_b-9", "x"])
def test_the_address_is_the_one_reverse_gives(language, slug):
    with translation.override(language):
        assert slug_url("members:detail", slug) == reverse("members:detail", kwargs={"slug": slug})
        assert slug_url("news:detail", slug) == reverse("news:detail", kwargs={"slug": slug})


def test_each_language_and_script_prefix_has_its_own_address():
    with translation.override("en"):
        english = slug_url("events:detail", "roma-week")
    with translation.override("fr"):
        french = slug_url("events:detail", "roma-week")
    set_script_prefix("/portal/")
    try:
        with translation.override("fr"):
            mounted = slug_url("events:detail", "roma-week")
    finally:
        clear_script_prefix()

    assert english == "/en/events/roma-week/"
    assert french == "/fr/events/roma-week/"
    assert mounted == "/portal/fr/events/roma-week/"


def test_a_slug_the_address_cannot_hold_is_refused_as_reverse_refuses_it():
    with translation.override("en"), pytest.raises(NoReverseMatch):
        slug_url("members:detail", "łódź")
    with translation.override("en"), pytest.raises(NoReverseMatch):
        slug_url("members:detail", "")


def test_another_urlconf_gets_its_own_addresses(settings):
    with translation.override("en"):
        slug_url("members:detail", "lyon")  # kept for the project's URLconf
        settings.ROOT_URLCONF = "tests.core.links_urls"

        assert slug_url("members:detail", "lyon") == "/elsewhere/lyon/"


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(("slug", "file_language"), [("roma-week", "ro"), ("a_b-9", "sr-latn")])
def test_an_address_with_more_than_the_slug_is_the_one_reverse_gives(language, slug, file_language):
    with translation.override(language):
        assert slug_url("library:file", slug, language=file_language) == reverse(
            "library:file", kwargs={"slug": slug, "language": file_language}
        )


def test_a_value_beside_the_slug_that_is_not_slug_like_goes_through_reverse():
    with translation.override("en"):
        assert slug_url("library:file", "report", language="fr ca") == reverse(
            "library:file", kwargs={"slug": "report", "language": "fr ca"}
        )
