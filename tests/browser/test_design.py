"""The design as a visitor meets it: the menu on a phone without JavaScript, targets big enough
to touch, the typeface and its weight, the map's markers."""

import pytest

from tests.factories import make_member

from .test_map import PLACES

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}


@pytest.fixture
def phone_without_javascript(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url, locale="en-GB", java_script_enabled=False, **PHONE
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_phone_menu_opens_without_javascript_and_fits_one_row_closed(
    phone_without_javascript, language
):
    page = phone_without_javascript
    page.goto(f"/{language}/")
    menu = page.locator("summary")
    nav = page.get_by_role("navigation", name="Main" if language == "en" else "Principale")
    members = nav.get_by_role("link", name="Members" if language == "en" else "Membres")

    assert menu.is_visible()
    assert not members.is_visible()
    # Closed, the header is one row: the name, the other language and the menu side by side.
    brand = page.locator(".brand").bounding_box()
    switcher = page.locator(".language-switcher a").bounding_box()
    button = menu.bounding_box()
    for box in (switcher, button):
        assert box["y"] < brand["y"] + brand["height"] and brand["y"] < box["y"] + box["height"]
    assert button["x"] + button["width"] <= 390

    menu.click()

    assert members.is_visible()
    assert page.get_by_role("searchbox").is_visible()
    members.click()
    assert page.url.endswith(f"/{language}/members/")


@pytest.mark.django_db(transaction=True)
def test_desktop_shows_every_section_and_the_search_without_a_menu_button(page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto("/en/")

    assert not page.locator("summary").is_visible()
    nav = page.get_by_role("navigation", name="Main")
    names = [link.inner_text() for link in nav.get_by_role("link").all()]
    assert names == [
        "Members",
        "Map",
        "Countries",
        "Good practices",
        "Events",
        "Library",
        "Declaration",
        "News",
        "About",
    ]
    assert all(link.is_visible() for link in nav.get_by_role("link").all())
    assert page.get_by_role("searchbox", name="Search the site").is_visible()


# Controls whose target must be at least 24 by 24 CSS px (WCAG 2.2, 2.5.8). Links inside a
# sentence are exempt ("inline"): those whose parent holds more text than the link itself.
SMALL_TARGETS = """() => {
  const small = [];
  const controls = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary');
  for (const el of controls) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .form-honeypot, svg')) continue;
    if (el.matches('.skip-link, .visually-hidden-focusable')) continue;
    if (style.display === 'inline') {
      const parent = el.parentElement.textContent.replace(/\\s+/g, ' ').trim();
      const own = el.textContent.replace(/\\s+/g, ' ').trim();
      if (parent.length > own.length + 2) continue;
    }
    if (box.width < 24 || box.height < 24) {
      small.push(`${el.outerHTML.slice(0, 100)} ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
    }
  }
  return small;
}"""

TARGET_PAGES = [
    "home",
    "members:directory",
    "member",
    "members:map",
    "declarations:declaration",
    "declarations:sign",
    "news:list",
    "article",
    "practices:list",
    "practice",
    "events:list",
    "event",
    "library:list",
]


@pytest.mark.parametrize("screen", ["phone_page", "page"])
@pytest.mark.parametrize("name", TARGET_PAGES)
def test_every_control_is_at_least_24_by_24_css_pixels(request, demo, screen, name):
    page = request.getfixturevalue(screen)
    page.goto(demo.path(name))
    page.wait_for_load_state("load")

    assert page.evaluate(SMALL_TARGETS) == []


HIT_AREA = """(circle) => {
  // A 24 px target: 11 px from the dot's centre, each way, still lands on its link.
  // The window scrolls the dot to its middle (scrollIntoView would scroll the map's own box).
  const before = circle.getBoundingClientRect();
  // At once: the site scrolls smoothly, and the box is read right after.
  window.scrollTo({top: window.scrollY + before.top - window.innerHeight / 2, behavior: 'instant'});
  const box = circle.getBoundingClientRect();
  const x = box.left + box.width / 2, y = box.top + box.height / 2;
  const link = circle.closest('a');
  const misses = [[11, 0], [-11, 0], [0, 11], [0, -11]].filter(([dx, dy]) => {
    const hit = document.elementFromPoint(x + dx, y + dy);
    return hit === null || hit.closest('a') !== link;
  }).map(([dx, dy]) => {
    const hit = document.elementFromPoint(x + dx, y + dy);
    return `${dx},${dy}: ${hit ? hit.outerHTML.slice(0, 80) : 'nothing'}`;
  });
  return misses;
}"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("screen", ["phone_page", "page"])
def test_map_markers_are_targets_of_at_least_24_css_pixels(request, screen):
    for name, country, latitude, longitude in PLACES:
        make_member(name=name, country=country, latitude=latitude, longitude=longitude)
    page = request.getfixturevalue(screen)
    page.goto("/en/members/map/")
    # Once the fonts are in, nothing moves any more under the points tested.
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")

    dots = page.locator(".map-marker circle")
    assert dots.count() == len(PLACES)
    labels = [dot.evaluate("c => c.closest('a').getAttribute('aria-label')") for dot in dots.all()]
    for dot, label in zip(dots.all(), labels, strict=True):
        # Łódź and Kraków are close: their targets overlap on a small map, as their dots do.
        if label.startswith(("Łódź", "Kraków")):
            continue
        assert dot.evaluate(HIT_AREA) == [], f"{label}: less than a 24 px target"


FONT_BYTES = """() => performance.getEntriesByType('resource')
  .filter(entry => entry.name.endsWith('.woff2'))
  .reduce((total, entry) => total + (entry.encodedBodySize || entry.transferSize), 0)"""


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("name", ["home", "members:directory", "members:map", "article"])
def test_pages_use_open_sans_within_150_kb_of_fonts(page, demo, name, language):
    page.goto(demo.path(name, language))
    page.wait_for_load_state("load")
    page.evaluate("document.fonts.ready.then(() => true)")

    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Open Sans"')
    assert page.evaluate("document.fonts.check('16px \"Open Sans\"')")
    assert 0 < page.evaluate(FONT_BYTES) <= 150_000


@pytest.mark.django_db(transaction=True)
def test_favicon_and_icons_answer_without_an_error_in_the_console(page, page_events):
    page.goto("/en/")
    for path in ("/favicon.ico", "/en/manifest.webmanifest", "/members/map.svg"):
        assert page.request.get(path).ok, path

    assert page_events.problems() == []
