"""Feed readers poll the feeds: a reader that already has the current feed gets a 304 with no
body, and the new feed as soon as an article is published, edited or withdrawn; with the page
cache on or off."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from news.models import Article
from tests.factories import make_article, make_tag

from .conftest import HOUR

pytestmark = pytest.mark.django_db

FEEDS = ["/en/news/feed/", "/fr/news/feed/atom/"]


@pytest.fixture(params=["page cache off", "page cache on", "items kept"])
def page_cache(request, settings):
    """The page cache off or on; or off with the feed's items kept until the data change (as
    in production, where COUNTER_CACHE_SECONDS keeps them)."""
    settings.PAGE_CACHE_SECONDS = 60 if request.param == "page cache on" else 0
    if request.param == "items kept":
        settings.COUNTER_CACHE_SECONDS = 600
    return settings


def fetch(client, path, **headers):
    response = client.get(path, headers=headers)
    translation.activate("en")  # as it was: factories write in the active language
    return response


@pytest.mark.parametrize("path", FEEDS)
def test_a_reader_with_the_current_feed_gets_a_304(client, page_cache, path, now):
    make_article(title_en="Housing in Graz", published_at=now - HOUR)
    first = fetch(client, path)

    again = fetch(client, path, if_none_match=first["ETag"])
    since = fetch(client, path, if_modified_since=first["Last-Modified"])

    assert first.status_code == 200
    assert (again.status_code, again.content) == (304, b"")
    assert (since.status_code, since.content) == (304, b"")
    assert again["ETag"] == first["ETag"].removeprefix("W/")


def test_the_304_is_answered_without_writing_the_feed(client, now, monkeypatch):
    make_article(title_en="Housing in Graz", published_at=now - HOUR)
    etag = fetch(client, "/en/news/feed/")["ETag"]
    monkeypatch.setattr(
        "django.contrib.syndication.views.Feed.get_feed",
        lambda *args: pytest.fail("the feed was written for a 304"),
    )

    with CaptureQueriesContext(connection) as queries:
        response = fetch(client, "/en/news/feed/", if_none_match=etag)

    assert response.status_code == 304
    assert len(queries) <= 1


@pytest.mark.parametrize("path", FEEDS)
def test_a_new_article_gives_the_reader_the_new_feed(client, page_cache, path, now):
    make_article(title_en="Housing in Graz", published_at=now - 2 * HOUR)
    first = fetch(client, path)

    make_article(title_en="Schools in Linz", published_at=now - HOUR)
    again = fetch(
        client,
        path,
        if_none_match=first["ETag"],
        if_modified_since=first["Last-Modified"],
    )

    assert again.status_code == 200
    assert "Schools in Linz" in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_an_edited_or_withdrawn_article_gives_the_new_feed(client, page_cache, now):
    make_article(title_en="Housing in Graz", published_at=now - 2 * HOUR)
    edited = make_article(title_en="Schools in Linz", published_at=now - HOUR)
    etag = fetch(client, "/en/news/feed/")["ETag"]

    edited.title_en = "Schools and housing in Linz"
    edited.save()
    after_edit = fetch(client, "/en/news/feed/", if_none_match=etag)
    edited.status = Article.Status.DRAFT
    edited.save()
    after_withdrawal = fetch(client, "/en/news/feed/", if_none_match=after_edit["ETag"])

    assert after_edit.status_code == 200
    assert "Schools and housing in Linz" in after_edit.content.decode()
    assert after_withdrawal.status_code == 200
    assert "Linz" not in after_withdrawal.content.decode()


def test_a_tag_renamed_gives_the_new_feed(client, now):
    tag = make_tag("housing", "Housing")
    make_article(published_at=now - HOUR).tags.add(tag)
    etag = fetch(client, "/en/news/feed/")["ETag"]

    tag.name_en = "Housing and shelter"
    tag.save()
    response = fetch(client, "/en/news/feed/", if_none_match=etag)

    assert response.status_code == 200
    assert "<category>Housing and shelter</category>" in response.content.decode()


def test_each_language_and_kind_of_feed_has_its_own_etag(client, now):
    make_article(published_at=now - HOUR)

    etags = {
        fetch(client, path)["ETag"]
        for path in [
            "/en/news/feed/",
            "/en/news/feed/atom/",
            "/fr/news/feed/",
            "/fr/news/feed/atom/",
        ]
    }

    assert len(etags) == 4
