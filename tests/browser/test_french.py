"""On /fr/ pages the interface speaks French and dates are written the French way."""

import re

import pytest

PAGES_WITH_THE_CAHROM_DATE = ["news:list", "article"]
FRENCH_DATE = re.compile(
    r"\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre"
    r"|décembre) \d{4}\b"
)


@pytest.mark.parametrize("name", PAGES_WITH_THE_CAHROM_DATE)
def test_french_pages_write_dates_the_french_way(page, demo, name):
    page.goto(demo.path(name, "fr"))

    text = page.get_by_role("main").inner_text()
    assert "24 mai 2018" in text
    assert "May" not in text


def test_the_french_home_page_writes_the_latest_news_dates_the_french_way(page, demo):
    page.goto(demo.path("home", "fr"))

    text = page.get_by_role("region", name="Dernières actualités").inner_text()
    assert FRENCH_DATE.search(text)
    assert not re.search(
        r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b",
        text,
    )


def test_french_home_page_declares_french_and_names_its_links_in_french(page, demo):
    page.goto(demo.path("home", "fr"))

    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Aller au contenu principal").count() == 1
    navigation = page.get_by_role("navigation", name="Principale")
    assert navigation.get_by_role("link", name="Membres").is_visible()
