import pytest

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_page_renders_in_chromium_with_its_styles(page, screenshot):
    page.goto("/en/")

    heading = page.get_by_role("heading", level=1)
    assert "Alliance of European Cities and Regions" in heading.inner_text()
    # The site's styles loaded: the page font is Open Sans, self-hosted, not the UA default.
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Open Sans"')
    screenshot(page, "home-desktop")


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(page):
    page.goto("/en/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("el => el === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
