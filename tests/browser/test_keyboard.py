"""A keyboard-only visitor reaches every link and field in order, and always sees the focus."""

import pytest
from playwright.sync_api import expect

# Pages whose every link and form control is walked through with Tab.
KEYBOARD_PAGES = ["home", "members:join", "members:map"]

# Everything a keyboard can reach, in document order (the site uses no positive tabindex).
FIND_FOCUSABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[tabindex]:not([tabindex="-1"])';
    window.focusables = [...document.querySelectorAll(selector)].filter(
        el => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true})
    );
    return window.focusables.map(el => el.outerHTML.slice(0, 120));
}"""
FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    return {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        outlineStyle: style.outlineStyle,
        boxShadow: style.boxShadow,
    };
}"""
ACTIVE = """() => {
    const el = document.activeElement;
    return {index: window.focusables.indexOf(el), html: el.outerHTML.slice(0, 120)};
}"""


def shows_focus(focused, unfocused):
    """A visible indicator: an outline of at least 2px or a box shadow, absent without focus."""
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    shadow = focused["boxShadow"] != "none"
    return (outline or shadow) and focused != unfocused


@pytest.mark.parametrize("name", KEYBOARD_PAGES)
def test_tab_reaches_every_control_in_order_with_a_visible_focus(page, demo, name):
    page.goto(demo.path(name))
    focusables = page.evaluate(FIND_FOCUSABLE)
    elements = page.evaluate_handle("() => window.focusables")
    unfocused = [
        elements.evaluate(f"(list, i) => ({FOCUS_STYLE})(list[i])", index)
        for index in range(len(focusables))
    ]
    assert len(focusables) > 10

    for expected, html in enumerate(focusables):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        assert active["index"] == expected, (
            f"Tab stop {expected + 1} should be {html}, but focus went to {active['html']}"
        )
        # Bootstrap scrolls smoothly: the focused element comes into view shortly after.
        expect(page.locator(":focus"), f"{html} is focused out of sight").to_be_in_viewport()
        focused = page.evaluate(f"({FOCUS_STYLE})(document.activeElement)")
        assert shows_focus(focused, unfocused[expected]), (
            f"{html} shows no focus indicator: {focused['outline']}, box-shadow {focused['boxShadow']}"
        )
