import re
from pathlib import Path

import pytest
from django.conf import settings

PAGES = ["", "about/", "about/terminology/", "privacy/"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("path", PAGES)
def test_content_pages_answer_in_both_languages(client, language, path):
    response = client.get(f"/{language}/{path}")

    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/about/", "/privacy/", "/about/terminology/"])
def test_bare_paths_redirect_to_the_visitors_language(client, path):
    response = client.get(path, headers={"accept-language": "fr-FR,fr;q=0.9"})

    assert response.status_code == 302
    assert response["Location"] == f"/fr{path}"


@pytest.mark.django_db
def test_bare_path_falls_back_to_english(client):
    response = client.get("/about/", headers={"accept-language": "de"})

    assert response["Location"] == "/en/about/"


@pytest.mark.django_db
def test_home_shows_the_mission_and_a_join_call(client):
    content = client.get("/en/").content.decode()

    assert "fights discrimination against Roma at the local and regional levels" in content
    assert 'href="/en/join/"' in content


@pytest.mark.django_db
def test_home_is_french_under_fr(client):
    content = client.get("/fr/").content.decode()

    assert "Rejoindre l’Alliance" in content
    assert "Roms" in content


@pytest.mark.django_db
def test_terminology_page_carries_the_full_note(client):
    content = client.get("/en/about/terminology/").content.decode()

    assert "Sinti/Manush, Calé, Kaale, Romanichals, Boyash/Rudari" in content
    assert "persons who identify themselves as Gypsies" in content


@pytest.mark.django_db
def test_language_switcher_keeps_the_visitor_on_the_same_page(client):
    content = client.get("/en/about/terminology/?x=1").content.decode()

    assert 'href="/fr/about/terminology/?x=1" hreflang="fr"' in content


@pytest.mark.django_db
def test_french_page_marks_english_fallback(client):
    from alliance.models import Page

    Page.objects.filter(slug="about").update(body_fr="")

    content = client.get("/fr/about/").content.decode()

    assert "pas encore été traduit" in content
    assert 'class="prose" lang="en"' in content


@pytest.mark.django_db
def test_unknown_page_answers_the_custom_404(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert "Disallow: /admin/" in response.content.decode()


@pytest.mark.django_db
def test_sitemap_lists_pages_in_both_languages(client):
    content = client.get("/sitemap.xml").content.decode()

    assert "http://testserver/en/about/" in content
    assert "http://testserver/fr/about/" in content


def test_no_template_holds_a_hard_coded_count():
    """Counts come from the database: no "130 cities", "29 countries", "100 elected"."""
    pattern = re.compile(
        r"\b\d+\s+(cities|regions|countries|elected|members|signator|villes|pays|élus)", re.I
    )
    offenders = [
        f"{path}: {match.group(0)}"
        for path in Path(settings.BASE_DIR, "templates").rglob("*.html")
        for match in pattern.finditer(path.read_text())
    ]

    assert offenders == []


def test_the_no_hard_coded_count_rule_would_catch_one(tmp_path):
    # Guards the guard: the pattern above finds the seed's sentence.
    pattern = re.compile(r"\b\d+\s+(cities|regions|countries)", re.I)

    assert pattern.search("130 cities and regions from 29 countries")
