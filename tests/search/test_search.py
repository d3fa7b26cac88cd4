import re

import pytest
from django.utils import timezone, translation

from alliance.content import ensure_pages
from alliance.models import Page
from core import search as site_search
from core.search import clean_query, highlight, snippet
from news.models import Article
from tests.factories import make_article, make_member

pytestmark = pytest.mark.django_db


def search(client, query, language="en", **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


@pytest.fixture
def content():
    ensure_pages(Page)
    # The factories' plain fields are written in the active language: English here.
    with translation.override("en"):
        return made_content()


def made_content():
    return {
        "lodz": make_member(name="Łódź", country="PL", display_name_fr="Lodz (FR)"),
        "seville": make_member(name="Sevilla", country="ES", display_name_fr="Séville"),
        "cahrom": make_article(
            title="Statement at CAHROM",
            title_fr="Déclaration au CAHROM",
            lead="The Alliance spoke on anti-Gypsyism.",
            lead_fr="L’Alliance s’est exprimée sur l’antitsiganisme.",
            speaker_name="John Warmisham",
        ),
        "english_only": make_article(title="Housing seminar in Madrid", lead="Housing."),
    }


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lodz", "Łódź"),
        ("ŁÓDŹ", "Łódź"),
        ("warmisham", "CAHROM"),
        ("WARMISHAM", "CAHROM"),
        ("séville", "Sevilla"),
        ("seville", "Sevilla"),
        ("terminology", "Terminolog"),
    ],
)
def test_search_finds_every_kind_with_or_without_accents(
    client, content, language, query, expected
):
    response = search(client, query, language)

    assert response.status_code == 200
    assert expected in response.content.decode()


def test_results_are_in_the_visitors_language_with_fallback(client, content):
    french = search(client, "cahrom", "fr").content.decode()
    assert "Déclaration au <mark>CAHROM</mark>" in french
    # Not translated: found in French, shown in English.
    assert (
        "Housing seminar in <mark>Madrid</mark>" in search(client, "madrid", "fr").content.decode()
    )


def test_results_are_grouped_by_kind_and_highlighted(client, content):
    content_page = search(client, "alliance").content.decode()

    assert 'id="results-news"' in content_page
    assert 'id="results-pages"' in content_page
    assert "<mark>Alliance</mark>" in content_page


def test_member_names_in_every_language_are_found(client, content):
    assert "Łódź" in search(client, "(FR)").content.decode()


def test_drafts_scheduled_and_unapproved_never_appear(client, content):
    make_article(title="Secret draft warmisham", status=Article.Status.DRAFT)
    make_article(
        title="Scheduled warmisham", published_at=timezone.now() + timezone.timedelta(days=3)
    )
    make_member(name="Pendingwarmisham", status="pending", contact_email="private@example.org")
    make_member(name="Rejectedwarmisham", status="rejected")

    page = search(client, "warmisham").content.decode()

    for hidden in ("Secret draft", "Scheduled", "Pendingwarmisham", "Rejectedwarmisham"):
        assert hidden not in page
    assert "private@example.org" not in search(client, "private").content.decode()
    assert "Contact " not in search(client, "contact").content.decode()


def test_one_kind_is_paginated(client):
    for n in range(25):
        make_article(title=f"Housing report {n}")

    first = search(client, "housing", kind="news").content.decode()
    second = search(client, "housing", kind="news", page=2).content.decode()

    assert first.count("<mark>Housing</mark> report") == 20
    assert second.count("<mark>Housing</mark> report") == 5
    assert "Page 2 of 2" in second
    overview = search(client, "housing").content.decode()
    assert overview.count("<mark>Housing</mark> report") == 5
    assert "More than 20 results in News" in overview  # counted as far as its first query reads


def test_no_result_suggests_the_directory_and_the_news(client, content):
    page = search(client, "zzzqqq").content.decode()

    assert "Nothing was found for “zzzqqq”" in page
    assert 'href="/en/members/"' in page and 'href="/en/news/"' in page


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert(1)</script>",
        "x" * 100_000,
        "lodz\x00",
        "a & b | !c <-> d:* 'e'",
        "%_\\",
        "\x00",
        "' OR 1=1 --",
        "(((",
    ],
)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_hostile_queries_answer_calmly_and_escaped(client, content, query, language):
    response = search(client, query, language)

    # A NUL is refused before any view (400, core.middleware); the rest are searched.
    assert response.status_code == (400 if "\x00" in query else 200)
    page = response.content.decode()
    assert "<script>alert" not in page
    if response.status_code == 200:
        assert re.search(r'id="search-page-q" name="q" value="[^"]{0,200}"', page)


def test_the_header_of_every_page_has_the_search_box(client, content):
    for url in ("/en/", "/fr/members/", "/en/news/"):
        page = client.get(url).content.decode()
        assert 'role="search"' in page and 'action="' + url[:4] + 'search/"' in page


def test_search_query_count_is_bounded(client, django_assert_max_num_queries):
    kinds = len(site_search.kinds())
    for n in range(3):
        make_member(name=f"Housingtown {n}")
        make_article(title=f"Housing {n}")
    with django_assert_max_num_queries(kinds):  # one a kind, its rows and its count alike
        search(client, "housing")
    for n in range(30):
        make_member(name=f"Housingville {n}")
        make_article(title=f"Housing more {n}")
    with django_assert_max_num_queries(kinds):
        response = search(client, "housing")
    assert "More than 20 results in Members" in response.content.decode()


def test_a_published_article_shows_in_the_cached_search(client, page_cache):
    article = make_article(title="Warmisham speaks", status=Article.Status.DRAFT)
    assert "speaks" not in search(client, "warmisham").content.decode()

    article.status = Article.Status.PUBLISHED
    article.save()

    assert "<mark>Warmisham</mark> speaks" in search(client, "warmisham").content.decode()


def test_clean_query_drops_control_characters_and_cuts_length():
    assert clean_query("lo\x00dz  \n x") == "lo dz x"
    assert len(clean_query("a" * 1000)) == 200
    assert clean_query(" ".join("w" * 20)) == " ".join("w" * 10)


def test_highlight_marks_accented_text_and_escapes_the_rest():
    assert highlight("<b>Łódź</b>", "lodz") == "&lt;b&gt;<mark>Łódź</mark>&lt;/b&gt;"
    assert highlight("Séville", "sev") == "<mark>Séville</mark>"  # the whole word
    assert "<mark>" not in highlight("Paris", "<mark>")


def test_snippet_shows_the_text_around_the_match():
    text = "word " * 200 + "Warmisham " + "word " * 200
    result = snippet(text, "warmisham")
    assert "<mark>Warmisham</mark>" in result
    assert result.startswith("…") and result.endswith("…")
