"""No public page scrolls sideways on the narrow phones most visitors carry (360 and 390 CSS px
wide), in English or in French."""

import pytest

from .conftest import open_page
from .test_accessibility import PAGES

# The elements that reach past the screen's edge, outside any box that clips them.
OVERFLOWING = """(width) => {
    const clipped = (el) => {
        for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
            if (getComputedStyle(up).overflowX !== 'visible') return true;
        }
        return false;
    };
    return [...document.body.querySelectorAll('*')]
        .filter((el) => !el.closest('details:not([open]) > :not(summary)'))
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 && !clipped(el))
        .map((el) => `${Math.round(el.getBoundingClientRect().right)}px ${el.outerHTML.slice(0, 90)}`)
        .slice(0, 5);
}"""


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("width", [360, 390])
def test_no_public_page_scrolls_sideways_on_a_phone(browser, live_server, demo, width, language):
    page = open_page(
        browser,
        live_server,
        viewport={"width": width, "height": 800},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    too_wide = []
    try:
        for name in PAGES:
            page.goto(demo.path(name, language))
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            # Against the phone's width, not innerWidth alone: a mobile browser widens its
            # layout viewport to a page that overflows, and innerWidth grows with it.
            if scroll_width > min(width, page.evaluate("window.innerWidth")):
                overflowing = page.evaluate(OVERFLOWING, width)
                too_wide.append(f"{page.url}: {scroll_width}px, {overflowing}")
    finally:
        page.context.close()

    assert not too_wide, f"wider than a {width}px phone:\n" + "\n".join(too_wide)
