"""The news list: newest first, paginated, filtered by kind, topic and country."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Article, Tag
from tests.factories import make_article, make_tag

from .conftest import HOUR

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(
        r'<h3 class="h5 mb-1"><a href="[^"]+">([^<]+)</a></h3>', response.content.decode()
    )


@pytest.fixture
def varied(now):
    tag = make_tag("housing", "Housing", "Logement")
    speech = make_article(
        title="Speech in Greece", kind="speech", countries=["GR"], published_at=now - HOUR
    )
    statement = make_article(
        title="Statement in France",
        kind="statement",
        countries=["FR", "DE"],
        published_at=now - 2 * HOUR,
    )
    news = make_article(title="News about housing", kind="news", published_at=now - 3 * HOUR)
    news.tags.add(tag)
    return speech, statement, news


def test_the_list_is_newest_first(client, varied):
    assert titles(client.get("/en/news/")) == [
        "Speech in Greece",
        "Statement in France",
        "News about housing",
    ]


def test_dates_are_formatted_in_the_page_language(client, now):
    make_article(published_at=datetime.datetime(2018, 5, 24, 10, tzinfo=datetime.UTC))

    assert "24 mai 2018" in client.get("/fr/news/").content.decode()
    assert "24 May 2018" in client.get("/en/news/").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kind=speech", ["Speech in Greece"]),
        ("kind=statement", ["Statement in France"]),
        ("tag=housing", ["News about housing"]),
        ("country=FR", ["Statement in France"]),
        ("country=de", ["Statement in France"]),
        ("country=GR&kind=speech", ["Speech in Greece"]),
        ("country=GR&kind=statement", []),
    ],
)
def test_filters_narrow_the_list(client, varied, query, expected):
    assert titles(client.get(f"/en/news/?{query}")) == expected


def test_a_filter_with_no_result_says_so(client, varied):
    content = client.get("/en/news/?country=GR&kind=statement").content.decode()

    assert "No news matches these filters." in content
    assert 'href="/en/news/">Show all news</a>' in content


@pytest.mark.parametrize(
    "query",
    [
        "kind=poem",
        "tag=no-such-topic",
        "country=XX",
        "page=abc",
        "page=-1",
        "page=99999",
        "page=1.5",
        "tag=%F0%9F%92%A5&kind[]=x",
    ],
)
def test_bad_filters_or_pages_still_give_a_normal_page(client, varied, query):
    response = client.get(f"/en/news/?{query}")

    assert response.status_code == 200
    assert titles(response)


def test_a_nul_character_in_a_filter_is_refused_with_a_readable_page(client, varied):
    response = client.get("/en/news/?country=%00")

    assert response.status_code == 400


def test_an_unknown_value_is_reported_next_to_its_field(client, varied):
    content = client.get("/en/news/?kind=poem").content.decode()

    assert 'aria-describedby="id_kind-error"' in content
    assert 'id="id_kind-error"' in content


def test_the_filter_form_offers_only_topics_and_countries_with_news(client, varied, now):
    make_tag("unused", "Unused topic")
    make_article(title="Hidden", countries=["PL"], status=Article.Status.DRAFT).tags.add(
        make_tag("hidden", "Hidden topic")
    )

    content = client.get("/en/news/").content.decode()

    assert '<option value="housing">Housing</option>' in content
    assert '<option value="GR">Greece</option>' in content
    assert "Unused topic" not in content and "Hidden topic" not in content
    assert 'value="PL"' not in content


def test_the_filter_form_keeps_what_was_chosen(client, varied):
    content = client.get("/fr/news/?kind=speech&country=gr").content.decode()

    assert '<option value="speech" selected>' in content
    assert '<option value="GR" selected>Grèce</option>' in content


def test_pages_of_ten_and_the_pagination_keeps_the_filters(client, now):
    for n in range(23):
        make_article(title=f"Speech {n:02d}", kind="speech", published_at=now - (n + 1) * HOUR)
    make_article(title="Other news", kind="news", published_at=now)

    first = client.get("/en/news/?kind=speech")
    third = client.get("/en/news/?kind=speech&page=3")

    assert titles(first) == [f"Speech {n:02d}" for n in range(10)]
    assert 'href="?kind=speech&amp;page=2"' in first.content.decode()
    assert "23 articles" in first.content.decode()
    assert titles(third) == ["Speech 20", "Speech 21", "Speech 22"]
    assert 'href="?kind=speech&amp;page=2"' in third.content.decode()
    assert "Page 3 of 3" in third.content.decode()


def test_a_page_past_the_end_shows_the_last_page(client, now):
    for n in range(12):
        make_article(title=f"Item {n:02d}", published_at=now - (n + 1) * HOUR)

    assert titles(client.get("/en/news/?page=9")) == ["Item 10", "Item 11"]


def make_many(count, now):
    tags = [Tag.objects.get_or_create(slug=f"topic-{n}", name=f"Topic {n}")[0] for n in range(5)]
    for n in range(count):
        article = make_article(
            kind=Article.Kind.values[n % 5],
            countries=[["FR"], ["GR", "DE"], []][n % 3],
            published_at=now - n * HOUR - HOUR,
        )
        article.tags.add(tags[n % 5])


@pytest.mark.parametrize("count", [10, 500])
@pytest.mark.parametrize("query", ["", "?kind=speech&tag=topic-2&country=FR&page=2"])
def test_the_list_takes_a_constant_number_of_queries(
    client, now, django_assert_max_num_queries, count, query
):
    make_many(count, now)

    with django_assert_max_num_queries(4):
        response = client.get(f"/en/news/{query}")

    assert response.status_code == 200


def test_the_number_of_queries_does_not_grow_with_the_articles(client, now):
    make_many(10, now)
    with CaptureQueriesContext(connection) as few:
        client.get("/en/news/")
    make_many(490, now)
    with CaptureQueriesContext(connection) as many:
        client.get("/en/news/")

    assert len(many) == len(few) <= 4
