"""The RSS 2.0 and Atom feeds, read with a real feed parser as a feed reader would."""

import calendar
import datetime

import feedparser
import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import make_article, make_tag

from .conftest import HOUR

pytestmark = pytest.mark.django_db

FEEDS = ["/en/news/feed/", "/en/news/feed/atom/", "/fr/news/feed/", "/fr/news/feed/atom/"]


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def as_datetime(struct):
    return datetime.datetime.fromtimestamp(calendar.timegm(struct), tz=datetime.UTC)


@pytest.fixture
def articles(now):
    tag = make_tag("anti-gypsyism", "Anti-Gypsyism", "Antitsiganisme")
    older = make_article(
        slug="older",
        title_en="Older statement",
        title_fr="Déclaration ancienne",
        lead_en="Older lead.",
        lead_fr="Ancien chapeau.",
        published_at=datetime.datetime(2018, 5, 24, 9, 0, tzinfo=datetime.UTC),
    )
    older.tags.add(tag)
    newer = make_article(slug="newer", title_en="Newer news", published_at=now - HOUR)
    make_article(slug="draft", title_en="Draft", status=Article.Status.DRAFT)
    make_article(slug="scheduled", title_en="Scheduled", published_at=now + HOUR)
    return newer, older


@pytest.mark.parametrize("path", FEEDS)
def test_feed_carries_exactly_the_published_articles_newest_first(client, articles, path):
    feed = parse(client, path)

    language = path[1:3]
    assert [entry.link for entry in feed.entries] == [
        f"http://testserver/{language}/news/newer/",
        f"http://testserver/{language}/news/older/",
    ]


@pytest.mark.parametrize("path", FEEDS)
def test_feed_dates_are_the_publication_dates(client, articles, path):
    newer, older = articles
    feed = parse(client, path)

    published = [as_datetime(entry.published_parsed) for entry in feed.entries]
    assert published == [newer.published_at.replace(microsecond=0), older.published_at]


@pytest.mark.parametrize("path", ["/en/news/feed/atom/", "/fr/news/feed/atom/"])
def test_atom_updated_is_never_before_publication(client, articles, path):
    feed = parse(client, path)

    for entry in feed.entries:
        assert as_datetime(entry.updated_parsed) >= as_datetime(entry.published_parsed)
    assert as_datetime(feed.feed.updated_parsed) >= as_datetime(feed.entries[0].updated_parsed)


@pytest.mark.parametrize("path", FEEDS)
def test_guids_are_the_stable_absolute_addresses(client, articles, path):
    feed = parse(client, path)

    for entry in feed.entries:
        assert entry.id == entry.link
        assert entry.link.startswith("http://testserver/")
    assert feed.feed.link == f"http://testserver{path[:3]}/news/"


def test_feeds_speak_the_language_of_their_address(client, articles):
    english = parse(client, "/en/news/feed/")
    french = parse(client, "/fr/news/feed/atom/")

    assert english.feed.language == "en"
    assert french.feed.language == "fr"
    assert english.entries[1].title == "Older statement"
    assert french.entries[1].title == "Déclaration ancienne"
    assert french.entries[1].summary == "Ancien chapeau."
    assert [tag.term for tag in french.entries[1].tags] == ["Antitsiganisme"]
    assert [tag.term for tag in english.entries[1].tags] == ["Anti-Gypsyism"]


def test_an_empty_feed_is_still_valid(client):
    for path in FEEDS:
        assert parse(client, path).entries == []


def test_the_lead_reaches_the_feed_as_text_and_the_body_not_at_all(client, now):
    make_article(
        slug="tricky",
        lead="Roma & Travellers <script>alert(1)</script>",
        body='<img src=x onerror="alert(2)"> <script>alert(3)</script>',
        published_at=now - HOUR,
    )

    for path in FEEDS:
        raw = client.get(path).content.decode()
        assert "<script" not in raw
        assert "&lt;script" not in raw
        assert "onerror" not in raw
        entry = parse(client, path).entries[0]
        assert entry.summary == "Roma &amp; Travellers &lt;script&gt;alert(1)&lt;/script&gt;"


def test_every_page_links_to_both_feeds(client):
    content = client.get("/fr/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml"' in content
    assert 'href="/fr/news/feed/"' in content
    assert 'href="/fr/news/feed/atom/"' in content


def test_a_scheduled_article_joins_the_feed_with_its_scheduled_date(client, monkeypatch, now):
    make_article(slug="scheduled", published_at=now + HOUR)
    later = now + 2 * HOUR
    monkeypatch.setattr(timezone, "now", lambda: later)

    entry = parse(client, "/en/news/feed/atom/").entries[0]

    assert as_datetime(entry.published_parsed) == (now + HOUR).replace(microsecond=0)
    assert as_datetime(entry.updated_parsed) == as_datetime(entry.published_parsed)


@pytest.mark.parametrize("count", [3, 30])
def test_the_feed_runs_the_same_queries_for_few_or_many_tagged_articles(
    client, count, django_assert_max_num_queries
):
    tags = [make_tag("housing", "Housing"), make_tag("education", "Education")]
    for n in range(count):
        make_article(title=f"Item {n}").tags.set(tags)

    with django_assert_max_num_queries(2):
        feed = parse(client, "/en/news/feed/")

    assert len(feed.entries) == min(count, 20)
    assert {tag.term for tag in feed.entries[0].tags} == {"Housing", "Education"}
