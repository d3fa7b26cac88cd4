"""A search that matches most of a large table: counted no further than COUNT_LIMIT, browsed
as far, and on PostgreSQL answered from an index rather than by reading every article."""

import pytest
from django.db import connection
from django.utils import translation

from core import search as site_search
from news.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def articles():
    with translation.override("en"):
        return [make_article(title=f"Roma mediators, report {n}") for n in range(8)]


@pytest.fixture
def limit(monkeypatch):
    # Above the five results the overview shows of each kind, below the eight articles.
    monkeypatch.setattr(site_search, "COUNT_LIMIT", 6)
    monkeypatch.setattr(site_search, "OVERVIEW_COUNT_LIMIT", 6)
    return 6


def test_the_overview_counts_no_further_than_the_limit(client, articles, limit):
    response = client.get("/en/search/", {"q": "mediators"})

    html = response.content.decode()
    assert ">6+</span>" in html
    assert "More than 6 results in News" in html
    assert "All 8 results" not in html


def test_the_overview_counts_less_far_than_the_pages_of_one_kind(client, articles, monkeypatch):
    monkeypatch.setattr(site_search, "OVERVIEW_COUNT_LIMIT", 6)

    overview = client.get("/en/search/", {"q": "mediators"}).content.decode()
    news = client.get("/en/search/", {"q": "mediators", "kind": "news"}).content.decode()

    assert ">6+</span>" in overview
    assert ">8</span>" in news


def test_the_results_of_one_kind_page_through_the_limit_and_say_so(client, articles, limit):
    response = client.get("/en/search/", {"q": "mediators", "kind": "news"})

    html = response.content.decode()
    assert response.context["page_obj"].paginator.count == 6
    assert html.count("Roma <mark>mediators</mark>, report") == 6
    assert "Only the first 6 results are shown" in html


def test_below_the_limit_the_count_is_exact(client, articles):
    response = client.get("/en/search/", {"q": "mediators"})

    html = response.content.decode()
    assert ">8</span>" in html
    assert "All 8 results in News" in html


def test_the_count_stops_at_the_limit(articles, limit):
    assert site_search.capped_count(Article.objects.search("mediators")) == (6, True)
    assert site_search.capped_count(Article.objects.search("mediators"), limit=10) == (8, False)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the column is PostgreSQL's")
def test_the_article_search_reads_the_kept_text_and_its_index(articles):
    with connection.cursor() as cursor:
        # A table this small would be read whole, or in the order of another index.
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off")
        plan = Article.objects.search("roma").explain()
        cursor.execute("RESET enable_seqscan; RESET enable_indexscan")
    scanned = Article.objects.published().search("mediators").order_by()[:3].explain()

    assert "news_article_search" in plan
    # Read one by one, a row's text is read as kept, not rebuilt from its columns.
    assert "to_tsvector" not in scanned


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the column is PostgreSQL's")
def test_an_edited_article_is_found_by_its_new_words(articles):
    article = articles[0]
    article.body = "A seminar on school mediation in Craiova."
    article.save()

    assert list(Article.objects.search("craiova")) == [article]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the column is PostgreSQL's")
def test_the_content_pages_are_searched_in_their_kept_text(db):
    from alliance.models import Page

    page = Page.objects.get(slug="about")
    page.body_en = "The Alliance met in Craiova to compare school mediation."
    page.save()

    plan = Page.objects.search("craiova").explain()

    assert "to_tsvector" not in plan
    assert list(Page.objects.search("craiova")) == [page]
