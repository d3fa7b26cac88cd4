"""French spacing where the site writes text around what it shows (error summaries, search
results), and search highlights that never split a word."""

import re

import pytest

from alliance.templatetags.alliance import elide
from core.search import highlight
from tests.factories import make_article, make_event

NNBSP = "\u202f"


def test_a_highlight_marks_the_whole_word_it_falls_in():
    assert highlight("Emilia-Romagna", "roma") == "Emilia-<mark>Romagna</mark>"
    assert highlight("Roma and Travellers", "roma") == "<mark>Roma</mark> and Travellers"
    assert highlight("Łódź, Kraków", "odz krak") == "<mark>Łódź</mark>, <mark>Kraków</mark>"


@pytest.mark.django_db
def test_french_search_results_are_spaced_and_highlight_whole_words(client):
    make_article(
        title="Emilia-Romagna : un plan régional",
        title_fr="Émilie-Romagne : un plan régional",
        lead_fr="Le plan de l'Émilie-Romagne ? Le voici !",
    )

    html = client.get("/fr/search/", {"q": "romagne"}).content.decode()

    assert f"Émilie-<mark>Romagne</mark>{NNBSP}: un plan régional" in html
    assert f"<mark>Romagne</mark>{NNBSP}? Le voici{NNBSP}!" in html


@pytest.mark.django_db
def test_a_french_error_summary_is_spaced(client):
    html = client.post("/fr/cooperate/", {}).content.decode()

    summary = re.search(r'<div class="alert alert-danger"[^>]*>(.*?)</div>', html, re.S).group(1)
    items = re.findall(r"</a>(.)\s*:", summary)
    assert items and set(items) == {NNBSP}
    assert f"{NNBSP}:</h2>" in summary


def test_french_elides_de_and_que_before_a_vowel():
    assert elide("Connecté·e en tant que Élise") == "Connecté·e en tant qu\u2019Élise"
    assert elide("Les pratiques de Anvers") == "Les pratiques d\u2019Anvers"
    assert elide("Les pratiques de Strasbourg") == "Les pratiques de Strasbourg"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "zone"), [("fr", "(heure d\u2019Europe/Paris)"), ("en", "(Europe/Paris time)")]
)
def test_an_event_s_time_zone_reads_as_the_language_writes_it(client, language, zone):
    make_event(slug="seminar", time_zone="Europe/Paris")

    assert zone in client.get(f"/{language}/events/seminar/").content.decode()
