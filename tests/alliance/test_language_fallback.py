"""Content shown in English on a French page says so, on lists as on its own page, and the
admin warns when published content lacks a language."""

import re

import pytest

from tests.factories import make_article, make_event, make_practice

pytestmark = pytest.mark.django_db

N = "\u202f"
BADGE = '<span class="badge language-badge" lang="en">English</span>'


@pytest.fixture
def english_only_and_translated():
    """In each list, one item written in English only and one in both languages."""
    make_article(title_en="Housing seminar in Radenci", title_fr="", lead_en="Mayors met.")
    make_article(
        title_en="Roma women in politics",
        title_fr="Les femmes roms en politique",
        lead_en="A statement.",
        lead_fr="Une déclaration : enfin.",
    )
    make_practice(title_en="School mediators", title_fr="", summary_en="In every district.")
    make_practice(
        title_en="Health mediators",
        title_fr="Médiateurs de santé",
        summary_en="In every clinic.",
        summary_fr="Dans chaque dispensaire.",
    )
    make_event(title_en="Study visit to Brno", title_fr="", summary_en="Three days.")
    make_event(
        title_en="Conference on housing",
        title_fr="Conférence sur le logement",
        summary_en="Two days.",
        summary_fr="Deux jours.",
    )


def list_item(html, title):
    """The <li> of the list that holds this title."""
    for item in re.findall(r"<li class=\"\w+-summary[^\"]*\">.*?</li>", html, re.S):
        if title in item:
            return item
    raise AssertionError(f"{title!r} is not listed")


LISTS = [
    ("/fr/news/", "Housing seminar in Radenci", "Les femmes roms en politique"),
    ("/fr/practices/", "School mediators", "Médiateurs de santé"),
    ("/fr/events/", "Study visit to Brno", "Conférence sur le logement"),
]


@pytest.mark.parametrize(("url", "english_only", "translated"), LISTS)
@pytest.mark.parametrize("cached", [False, True])
def test_a_french_list_marks_what_it_shows_in_english(
    client, settings, english_only_and_translated, url, english_only, translated, cached
):
    if cached:
        settings.PAGE_CACHE_SECONDS = 60
    html = client.get(url).content.decode()

    item = list_item(html, english_only)
    assert re.search(rf'<a href="[^"]+" lang="en">{english_only}</a>', item)
    assert BADGE in item
    assert "language-badge" not in list_item(html, translated)


@pytest.mark.parametrize("cached", [False, True])
def test_the_french_home_page_marks_the_news_it_shows_in_english(
    client, settings, english_only_and_translated, cached
):
    if cached:
        settings.PAGE_CACHE_SECONDS = 60
    html = client.get("/fr/").content.decode()

    tiles = re.findall(r'<li class="card-item">.*?</li>', html, re.S)
    english = next(tile for tile in tiles if "Housing seminar in Radenci" in tile)
    french = next(tile for tile in tiles if "Les femmes roms en politique" in tile)
    assert re.search(r'<a href="[^"]+" lang="en">Housing seminar in Radenci</a>', english)
    assert "lang=" not in french


@pytest.mark.parametrize(("url", "english_only", "_translated"), LISTS)
def test_an_english_list_has_no_language_badge(
    client, english_only_and_translated, url, english_only, _translated
):
    html = client.get(url.replace("/fr/", "/en/")).content.decode()

    assert "language-badge" not in html
    assert english_only in html


def test_french_content_is_spaced_the_french_way_and_english_content_is_not(
    client, english_only_and_translated
):
    make_article(slug="colon", title_en="Note: English", title_fr="", lead_en="Yes: really.")
    french = client.get("/fr/news/").content.decode()

    assert f"Une déclaration{N}: enfin." in french
    assert "Note: English" in french

    page = client.get("/fr/news/colon/").content.decode()
    assert re.search(r'<p class="lead" lang="en">Yes: really.</p>', page)


@pytest.fixture
def editor_client(admin_client):
    return admin_client


def warnings_on(response):
    return [str(message) for message in response.context["messages"]]


def test_the_admin_warns_of_published_content_lacking_a_language(editor_client):
    article = make_article(
        title_en="Housing seminar", title_fr="", lead_en="", lead_fr="", body_en="Text.", body_fr=""
    )

    response = editor_client.get(f"/admin/news/article/{article.pk}/change/")

    (warning,) = warnings_on(response)
    assert "French" in warning
    assert "title" in warning and "body" in warning


def test_the_admin_says_nothing_of_translated_content_or_drafts(editor_client):
    translated = make_article(
        title_en="Housing",
        title_fr="Logement",
        lead_en="L.",
        lead_fr="L.",
        body_en="B.",
        body_fr="B.",
    )
    draft = make_article(title_en="Draft", title_fr="", status="draft")

    for article in (translated, draft):
        response = editor_client.get(f"/admin/news/article/{article.pk}/change/")
        assert warnings_on(response) == []


def test_the_admin_warns_after_saving_a_practice_without_french(editor_client):
    practice = make_practice(title_en="School mediators", title_fr="", summary_fr="", body_fr="")

    response = editor_client.get(f"/admin/practices/practice/{practice.pk}/change/")

    assert any("French" in warning for warning in warnings_on(response))
