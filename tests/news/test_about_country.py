"""The articles about a country: the whole code, wherever it stands among the codes."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from news.models import Article
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_country_finds_its_code_alone_first_between_and_last():
    make_article(title="Alone", countries=["SM"])
    make_article(title="First", countries=["SM", "IT"])
    make_article(title="Between", countries=["FR", "SM", "IT"])
    make_article(title="Last", countries=["IT", "SM"])
    make_article(title="Elsewhere", countries=["IT", "FR"])
    make_article(title="Nowhere")

    found = set(Article.objects.about_country("sm").values_list("title", flat=True))

    assert found == {"Alone", "First", "Between", "Last"}
    assert set(Article.objects.about_country("FR").values_list("title", flat=True)) == {
        "Between",
        "Elsewhere",
    }


def test_the_country_page_lists_the_articles_about_it(client):
    make_article(title="Roma mediators in San Marino", countries=["IT", "SM"])
    make_article(title="A week in Florence", countries=["IT"])

    html = client.get("/en/countries/sm/").content.decode()

    assert "Roma mediators in San Marino" in html
    assert "A week in Florence" not in html


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans")
def test_a_country_few_articles_concern_is_looked_up_in_the_index():
    Article.objects.bulk_create(
        Article(
            title=f"Article {n}",
            slug=f"article-{n}",
            status=Article.Status.PUBLISHED,
            published_at=timezone.now() - datetime.timedelta(hours=n),
            countries=["FR", "DE"] if n % 2 else ["IT"],
        )
        for n in range(3000)
    )
    make_article(
        title="Roma mediators in San Marino",
        countries=["IT", "SM"],
        published_at=timezone.now() - datetime.timedelta(days=365),
    )
    with connection.cursor() as cursor:
        # The rows just written wait in the index's pending list, which the planner prices
        # as a scan of them all; VACUUM would move them, as it does on a live site.
        cursor.execute("SELECT gin_clean_pending_list('news_countries_trgm')")
        cursor.execute("ANALYZE news_article")
        # Whatever the planner thinks of a table this small: which index does it take?
        cursor.execute("SET LOCAL enable_seqscan = off")

    plan = Article.objects.published().about_country("SM").summaries()[:10].explain()

    # Not the articles read by date until ten match: all of them, for a rare country.
    assert "news_countries_trgm" in plan, plan
