import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import Article
from tests.factories import make_article

from .conftest import HOUR

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def sitemap_urls(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.findtext("s:loc", namespaces=NS): url for url in root.findall("s:url", namespaces=NS)
    }


def test_published_articles_are_in_the_sitemap_in_both_languages(client, now):
    article = make_article(slug="live", published_at=now - HOUR)
    make_article(slug="draft", status=Article.Status.DRAFT)
    make_article(slug="scheduled", published_at=now + HOUR)

    urls = sitemap_urls(client)
    news = sorted(loc for loc in urls if "/news/" in loc)

    assert news == ["http://testserver/en/news/live/", "http://testserver/fr/news/live/"]
    entry = urls["http://testserver/fr/news/live/"]
    assert (
        entry.findtext("s:lastmod", namespaces=NS)
        == timezone.localdate(article.updated_at).isoformat()
    )
    alternates = {
        link.get("hreflang"): link.get("href") for link in entry.findall("x:link", namespaces=NS)
    }
    assert alternates == {
        "en": "http://testserver/en/news/live/",
        "fr": "http://testserver/fr/news/live/",
    }


def test_a_scheduled_article_that_went_live_has_its_publication_date_as_lastmod(client, now):
    # Written ten days ago, scheduled for two days ago: it changed for readers two days ago.
    article = make_article(slug="went-live", published_at=now - datetime.timedelta(days=2))
    Article.objects.filter(pk=article.pk).update(updated_at=now - datetime.timedelta(days=10))

    entry = sitemap_urls(client)["http://testserver/en/news/went-live/"]

    lastmod = entry.findtext("s:lastmod", namespaces=NS)
    assert lastmod == timezone.localdate(article.published_at).isoformat()
