"""The home page and the news feed run the same number of queries on a small site and on a
larger one, once the first request after a change has computed what is kept until the next
(the figures, and when the public data next change). The counts are exact: a new query on
either page is a decision to take, not a drift.

As `make bench-peer` runs the site, without Redis and without the page cache: the figures are
then kept in each process (core.cache.remember, under the server's data version stamp), and
the home page and the feed read nothing until the data change. With the counters' cache off
(COUNTER_CACHE_SECONDS=0) the figures and the lists are read on every request."""

import pytest
from django.utils import translation

from news.models import Article
from tests.factories import (
    make_article,
    make_event,
    make_member,
    make_practice,
    make_signature,
    make_tag,
)

pytestmark = pytest.mark.django_db

# The figures and the three short lists are kept until the next change (core.cache.remember).
HOME_QUERIES = 0
# The figures (members by country and kind, signatures by country, the longest event) and the
# lists (the latest articles, the latest practices, the next events).
HOME_QUERIES_COUNTED_EACH_TIME = 6
# The articles, with their tag names, and when the public data next change by themselves (the
# next scheduled article, the next event's end: what is kept is kept no longer) on the first
# request after a change; the next ones read the articles from what was kept
# (core.cache.remember), as feed readers poll far more often than staff publish.
FEED_QUERIES_AFTER_A_CHANGE = 3
FEED_QUERIES = 0


def fill(size):
    """`size` of everything the home page and the feed show: members of two kinds in several
    countries, signatures, tagged articles naming members, practices and coming events."""
    tags = [make_tag(f"tag-{n}", f"Tag {n}") for n in range(min(size, 3))]
    countries = ["FR", "DE", "RO", "HU"]
    members = [
        make_member(
            country=countries[n % len(countries)],
            kind="region" if n % 4 == 3 else "city",
        )
        for n in range(size)
    ]
    for n in range(size):
        make_signature(country=countries[n % len(countries)])
        article = make_article()
        article.tags.set(tags)
        article.members.set(members[: n % 3])
        make_practice(members=members[: n % 2 + 1])
        make_event()


@pytest.fixture
def counters_kept(settings):
    """The counters' cache on, as by default, without Redis (the tests' cache is per process)."""
    settings.COUNTER_CACHE_SECONDS = 600
    return settings


@pytest.mark.parametrize("size", [1, 25])
def test_the_home_page_runs_the_same_queries_for_a_small_or_larger_site(
    client, size, counters_kept, django_assert_num_queries
):
    fill(size)
    client.get("/en/")  # the first request after a change computes what is kept

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/en/")

    assert response.status_code == 200
    assert len(response.context["latest_articles"]) == min(size, 3)
    assert response.context["member_totals"] == {"members": size, "countries": min(size, 4)}


def test_the_home_pages_kept_lists_follow_a_publication_and_the_language(client, counters_kept):
    fill(1)
    client.get("/en/")
    client.get("/fr/")

    with translation.override("en"):  # "title" is the active language's
        article = make_article(
            title="Tarnów opens a Roma mediation office",
            title_fr="Tarnów ouvre un bureau de médiation rom",
        )
        practice = make_practice(title="School mediators in Kecskemét")

    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()
    assert "Tarnów opens a Roma mediation office" in english
    assert "Tarnów ouvre un bureau de médiation rom" in french
    assert "School mediators in Kecskemét" in english
    # Withdrawn: gone from the home page at once, as from the news list.
    article.status = Article.Status.DRAFT
    article.save()
    assert "Tarnów opens" not in client.get("/en/").content.decode()
    assert practice.get_absolute_url() in client.get("/en/").content.decode()


@pytest.mark.parametrize("size", [1, 25])
def test_the_home_page_counts_its_figures_each_time_with_the_counters_cache_off(
    client, size, settings, django_assert_num_queries
):
    settings.COUNTER_CACHE_SECONDS = 0
    fill(size)
    client.get("/en/")

    with django_assert_num_queries(HOME_QUERIES_COUNTED_EACH_TIME):
        response = client.get("/en/")

    assert response.status_code == 200
    assert response.context["member_totals"] == {"members": size, "countries": min(size, 4)}


@pytest.mark.parametrize("size", [1, 25])
def test_the_feed_runs_the_same_queries_for_a_small_or_larger_site(
    client, size, counters_kept, django_assert_num_queries
):
    fill(size)
    with django_assert_num_queries(FEED_QUERIES_AFTER_A_CHANGE):
        client.get("/en/news/feed/")

    with django_assert_num_queries(FEED_QUERIES):
        response = client.get("/en/news/feed/")

    assert response.status_code == 200
    assert response.content.count(b"<item>") == min(size, 20)
    assert response.content.count(b"<category>") == min(size, 20) * min(size, 3)
