"""On /fr/ pages the interface speaks French and dates are written the French way."""

import pytest

PAGES_WITH_THE_CAHROM_DATE = ["home", "news:list", "article"]


@pytest.mark.parametrize("name", PAGES_WITH_THE_CAHROM_DATE)
def test_french_pages_write_dates_the_french_way(page, demo, name):
    page.goto(demo.path(name, "fr"))

    text = page.get_by_role("main").inner_text()
    assert "24 mai 2018" in text
    assert "May" not in text


def test_french_home_page_declares_french_and_names_its_links_in_french(page, demo):
    page.goto(demo.path("home", "fr"))

    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("link", name="Aller au contenu principal").count() == 1
    navigation = page.get_by_role("navigation", name="Principale")
    assert navigation.get_by_role("link", name="Membres").is_visible()
