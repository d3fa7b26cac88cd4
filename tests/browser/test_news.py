"""A visitor reads the latest news, switches to French on the article, and follows the feed."""

import re

import feedparser

CAHROM_EN = "John Warmisham at CAHROM"
CAHROM_FR = "John Warmisham au CAHROM"


def test_visitor_reads_the_latest_news_in_french_and_finds_the_feed(page, demo):
    page.goto("/en/")
    # The statement of 2018 is in the news, older than the home page's latest articles.
    latest = page.get_by_role("region", name="Latest news")
    latest.get_by_role("link", name="All news and statements").click()
    page.get_by_role("main").get_by_role("link", name=re.compile(CAHROM_EN)).click()

    assert CAHROM_EN in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()

    assert page.url.endswith("/fr/news/john-warmisham-at-cahrom/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert CAHROM_FR in page.get_by_role("heading", level=1).inner_text()
    assert "24 mai 2018" in page.get_by_role("main").inner_text()

    feed_href = page.locator('head link[rel=alternate][type="application/rss+xml"]').get_attribute(
        "href"
    )
    response = page.request.get(feed_href)
    assert response.ok
    feed = feedparser.parse(response.body())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "rss20"
    assert any(CAHROM_FR in entry.title for entry in feed.entries)
