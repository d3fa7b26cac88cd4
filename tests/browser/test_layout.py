"""Every public page fits a phone (390 by 844 pixels) and a desktop screen; a screenshot of each
is saved.

The screenshots land in artifacts/screenshots/ (git-ignored) for people to look at.
"""

import pytest

from .test_accessibility import PAGES

# Every public page, as the accessibility run has them.
MAIN_PAGES = PAGES
SCREENS = {"phone": "phone_page", "desktop": "page"}
# French labels run longer than English ones, so phones are checked in both languages.
SCREENS_AND_LANGUAGES = [("desktop", "en"), ("phone", "en"), ("phone", "fr")]

WIDEST = """() => {
    let widest = null;
    for (const el of document.body.querySelectorAll('*')) {
        const right = el.getBoundingClientRect().right;
        if (!widest || right > widest.right) widest = {right, html: el.outerHTML.slice(0, 120)};
    }
    return widest;
}"""


@pytest.mark.parametrize("name", MAIN_PAGES)
@pytest.mark.parametrize(("screen", "language"), SCREENS_AND_LANGUAGES)
def test_page_fits_the_screen_without_sideways_scrolling(
    request, demo, screenshot, screen, language, name
):
    page = request.getfixturevalue(SCREENS[screen])
    page.goto(demo.path(name, language))

    screenshot(page, f"{name.replace(':', '-')}-{screen}-{language}")
    width = page.evaluate("window.innerWidth")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, (
        f"{page.url} is {scroll_width}px wide on a {width}px {screen} screen; "
        f"the element reaching furthest right: {page.evaluate(WIDEST)}"
    )
