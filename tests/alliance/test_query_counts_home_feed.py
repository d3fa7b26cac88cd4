"""The home page and the news feed run the same number of queries on a small site and on a
larger one, with the page cache and the counters' cache off (their cost on every request
when Redis is away, as in `make bench-peer`), once the first request after a change has read
when the public data next change. The counts are exact: a new query on either page is a
decision to take, not a drift."""

import pytest

from tests.factories import (
    make_article,
    make_event,
    make_member,
    make_practice,
    make_signature,
    make_tag,
)

pytestmark = pytest.mark.django_db

HOME_QUERIES = 6
FEED_QUERIES = 2


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


@pytest.mark.parametrize("size", [1, 25])
def test_the_home_page_runs_the_same_queries_for_a_small_or_larger_site(
    client, size, django_assert_num_queries
):
    fill(size)
    client.get("/en/")  # the first request after a change also reads when the data next change

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/en/")

    assert response.status_code == 200
    assert len(response.context["latest_articles"]) == min(size, 3)


@pytest.mark.parametrize("size", [1, 25])
def test_the_feed_runs_the_same_queries_for_a_small_or_larger_site(
    client, size, django_assert_num_queries
):
    fill(size)
    client.get("/en/news/feed/")

    with django_assert_num_queries(FEED_QUERIES):
        response = client.get("/en/news/feed/")

    assert response.status_code == 200
    assert response.content.count(b"<item>") == min(size, 20)
