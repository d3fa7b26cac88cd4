"""A draft or a scheduled article never reaches a public page, feed or sitemap before its time."""

import feedparser
import pytest
from django.utils import timezone

from tests.factories import make_article

from .conftest import HOUR

pytestmark = pytest.mark.django_db

PUBLIC_LISTS = ["/en/", "/en/news/", "/fr/news/", "/en/news/feed/", "/fr/news/feed/atom/"]


@pytest.mark.parametrize("path", PUBLIC_LISTS)
def test_only_live_articles_are_listed(client, live, draft, scheduled, path):
    content = client.get(path).content.decode()

    assert live.title in content
    assert draft.title not in content
    assert scheduled.title not in content


def test_sitemap_leaves_out_drafts_and_scheduled_articles(client, live, draft, scheduled):
    content = client.get("/sitemap.xml").content.decode()

    assert "/en/news/live/" in content
    assert "/fr/news/live/" in content
    assert "/news/draft/" not in content
    assert "/news/scheduled/" not in content


@pytest.mark.parametrize("slug", ["draft", "scheduled"])
def test_an_unpublished_article_answers_404_to_the_public(client, draft, scheduled, slug):
    assert client.get(f"/en/news/{slug}/").status_code == 404
    assert client.get(f"/fr/news/{slug}/").status_code == 404


def test_a_scheduled_article_appears_everywhere_when_its_time_comes(client, monkeypatch, scheduled):
    assert client.get("/en/news/scheduled/").status_code == 404

    later = timezone.now() + 2 * HOUR
    monkeypatch.setattr(timezone, "now", lambda: later)

    assert client.get("/en/news/scheduled/").status_code == 200
    assert scheduled.title in client.get("/en/news/").content.decode()
    assert scheduled.title in client.get("/en/").content.decode()
    assert "/en/news/scheduled/" in client.get("/sitemap.xml").content.decode()
    feed = feedparser.parse(client.get("/en/news/feed/").content)
    assert [entry.title for entry in feed.entries] == [scheduled.title]


def test_a_draft_with_a_past_date_stays_hidden(client, now):
    make_article(title="Old draft", slug="old-draft", status="draft", published_at=now - HOUR)

    assert client.get("/en/news/old-draft/").status_code == 404
    assert "Old draft" not in client.get("/en/news/").content.decode()
