"""A text written in one language only reads properly in the other: on the other language's
pages it is shown as it is, marked with its lang, under a visible note saying in which
language it exists ("Available in French only"); the cards of the lists keep their lang.
Practices, articles, events and documents follow the same rule (the `language_note` tag)."""

import re

import pytest

from tests.factories import make_article, make_document, make_event, make_practice

pytestmark = pytest.mark.django_db

NOTE = 'class="translation-note"'


def written_in_french_only(obj, **texts):
    """`obj` with these texts in French and nothing in English, saved (its HTML rendered)."""
    for field, text in texts.items():
        setattr(obj, f"{field}_en", "")
        setattr(obj, f"{field}_fr", text)
    obj.save()
    return obj


def note(page):
    found = re.search(r'<p class="translation-note">([^<]*)</p>', page)
    return found.group(1) if found else None


@pytest.fixture
def french_practice():
    return written_in_french_only(
        make_practice(slug="mediateurs"),
        title="Médiateurs scolaires",
        summary="Des médiateurs accompagnent les familles.",
        body="Les **médiateurs** viennent du quartier.",
        results="La fréquentation a augmenté.",
    )


def test_a_practice_in_french_only_is_shown_in_french_on_english_pages(client, french_practice):
    page = client.get("/en/practices/mediateurs/").text

    assert note(page) == "Available in French only"
    assert '<h1 id="practice-title" lang="fr">Médiateurs scolaires</h1>' in page
    assert '<p class="lead" lang="fr">Des médiateurs accompagnent les familles.</p>' in page
    assert '<div class="prose" lang="fr"><p>Les <strong>médiateurs</strong>' in page
    assert '<div lang="fr"><p>La fréquentation a augmenté.</p></div>' in page
    # Never the old row that named a language without giving its text.
    assert "First written in" not in page
    assert "Original language" not in page


def test_the_note_is_on_the_page_the_cache_keeps(client, page_cache, french_practice):
    client.get("/en/practices/mediateurs/")
    cached = client.get("/en/practices/mediateurs/")

    assert note(cached.text) == "Available in French only"
    assert '<h1 id="practice-title" lang="fr">' in cached.text
    # The French page, cached beside it, has nothing to say.
    client.get("/fr/practices/mediateurs/")
    assert note(client.get("/fr/practices/mediateurs/").text) is None


def test_a_practice_in_english_only_has_the_note_on_french_pages(client):
    make_practice(slug="mediators", title="School mediators", body="Mediators help families.")

    page = client.get("/fr/practices/mediators/").text

    assert NOTE in page  # "Disponible en anglais uniquement" once the catalogue has it
    assert '<h1 id="practice-title" lang="en">School mediators</h1>' in page


def test_a_bilingual_practice_has_no_note_and_says_its_original_language(client):
    practice = make_practice(slug="mediators", title="School mediators", body="In English.")
    practice.title_fr, practice.body_fr, practice.summary_fr = "Médiateurs", "En français.", "R."
    practice.original_language = "fr"
    practice.save()

    english = client.get("/en/practices/mediators/").text
    french = client.get("/fr/practices/mediators/").text

    assert NOTE not in english and NOTE not in french
    assert '<h1 id="practice-title">School mediators</h1>' in english
    assert '<h1 id="practice-title">Médiateurs</h1>' in french
    # Read in a translation, the reader learns which language it was written in; read in
    # that language, nothing needs saying.
    assert re.search(r'Original language</dt>\s*<dd class="col-sm-9" lang="fr">Français', english)
    assert 'lang="fr">Français</dd>' not in french


def test_the_cards_of_a_list_keep_the_language_of_their_text(client, french_practice):
    page = client.get("/en/practices/").text

    assert '<a href="/en/practices/mediateurs/" lang="fr">Médiateurs scolaires</a>' in page
    assert '<p class="mb-0" lang="fr">Des médiateurs accompagnent les familles.</p>' in page


def test_an_article_in_french_only_is_shown_in_french_on_english_pages(client, page_cache):
    article = written_in_french_only(
        make_article(slug="en-francais"),
        title="Réunion à Strasbourg",
        lead="Les membres se sont réunis.",
        body="Un texte en français.",
    )

    for _ in range(2):  # as built, then as the page cache keeps it
        page = client.get(article.get_absolute_url()).text
        assert note(page) == "Available in French only"
        assert '<h1 id="article-title" lang="fr">Réunion à Strasbourg</h1>' in page
        assert '<div class="prose" lang="fr"><p>Un texte en français.</p></div>' in page
    listed = client.get("/en/news/").text
    assert 'lang="fr">Réunion à Strasbourg</a>' in listed


def test_an_event_in_french_only_is_shown_in_french_on_english_pages(client, page_cache):
    event = written_in_french_only(
        make_event(slug="seminaire"),
        title="Séminaire sur le logement",
        summary="Deux jours d’échanges.",
        programme="Accueil à 9 h.",
    )

    for _ in range(2):
        page = client.get(event.get_absolute_url()).text
        assert note(page) == "Available in French only"
        assert '<h1 id="event-title" lang="fr">Séminaire sur le logement</h1>' in page
        assert '<p class="lead" lang="fr">Deux jours d’échanges.</p>' in page
        assert '<div class="prose" lang="fr"><p>Accueil à 9 h.</p></div>' in page
    assert 'lang="fr">Séminaire sur le logement</a>' in client.get("/en/events/").text


def test_a_document_in_french_only_is_shown_in_french_on_english_pages(client, page_cache):
    document = written_in_french_only(
        make_document(languages=("fr",), slug="rapport"),
        title="Rapport annuel",
        summary="Ce que l’Alliance a fait.",
    )

    for _ in range(2):
        page = client.get(document.get_absolute_url()).text
        assert note(page) == "Available in French only"
        assert '<h1 id="document-title" lang="fr">Rapport annuel</h1>' in page
        assert '<p class="lead" lang="fr">Ce que l’Alliance a fait.</p>' in page
    assert 'lang="fr">Rapport annuel</a>' in client.get("/en/library/").text


BILINGUAL = [
    (make_practice, {"summary_fr": "Résumé.", "body_fr": "Texte."}),
    (make_article, {"lead_fr": "Chapeau.", "body_fr": "Texte."}),
    (make_event, {"summary_fr": "Résumé.", "programme": "Welcome.", "programme_fr": "Accueil."}),
    (make_document, {"summary_fr": "Résumé."}),
]


@pytest.mark.parametrize(("make", "french"), BILINGUAL)
def test_a_text_in_both_languages_has_no_note(client, make, french):
    obj = make(title="In English", title_fr="En français", **french)

    for language in ("en", "fr"):
        page = client.get(obj.get_absolute_url().replace("/en/", f"/{language}/")).text
        assert "In English" in page if language == "en" else "En français" in page
        assert NOTE not in page
