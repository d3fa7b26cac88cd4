"""A keyboard-only visitor reaches every link and field in order, and always sees the focus."""

import pytest
from playwright.sync_api import expect

# Pages whose every link and form control is walked through with Tab.
KEYBOARD_PAGES = ["home", "members:join", "declarations:sign", "members:map"]

# Everything a keyboard can reach, in document order (the site uses no positive tabindex).
FIND_FOCUSABLE = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
        + '[tabindex]:not([tabindex="-1"])';
    const radioGroups = new Set();
    window.focusables = [...document.querySelectorAll(selector)].filter(
        el => !el.disabled && el.tabIndex >= 0 && el.checkVisibility({visibilityProperty: true})
    ).filter(el => {
        // A group of radio buttons is one tab stop (the arrow keys move inside it).
        if (el.type !== "radio") return true;
        if (radioGroups.has(el.name)) return false;
        radioGroups.add(el.name);
        return true;
    });
    return window.focusables.map(el => el.outerHTML.slice(0, 120));
}"""
FOCUS_STYLE = """el => {
    const style = getComputedStyle(el);
    return {
        outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
        outlineWidth: parseFloat(style.outlineWidth) || 0,
        outlineStyle: style.outlineStyle,
        boxShadow: style.boxShadow,
        // An SVG link (a map marker) shows focus on the shape it wraps.
        shape: (shape => shape && {
            stroke: getComputedStyle(shape).stroke,
            strokeWidth: parseFloat(getComputedStyle(shape).strokeWidth) || 0,
        })(el instanceof SVGElement ? el.querySelector("circle, rect, path") : null),
    };
}"""
ACTIVE = """() => {
    const el = document.activeElement;
    return {index: window.focusables.indexOf(el), html: el.outerHTML.slice(0, 120)};
}"""


def shows_focus(focused, unfocused):
    """A visible indicator: an outline of at least 2px, a box shadow, or for an SVG link a
    stroke of at least 2px on its shape; absent without focus."""
    outline = focused["outlineStyle"] != "none" and focused["outlineWidth"] >= 2
    shadow = focused["boxShadow"] != "none"
    shape = focused["shape"] is not None and focused["shape"]["strokeWidth"] >= 2
    return (outline or shadow or shape) and focused != unfocused


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
