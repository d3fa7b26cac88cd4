import pytest

from tests.factories import make_member

pytestmark = pytest.mark.django_db(transaction=True)

PLACES = [
    ("Łódź", "PL", 51.76, 19.46),
    ("Strasbourg", "FR", 48.58, 7.75),
    ("Lisboa", "PT", 38.72, -9.14),
    ("Reykjavík", "IS", 64.15, -21.94),
    ("Tbilisi", "GE", 41.72, 44.79),
    ("Helsinki", "FI", 60.17, 24.94),
    ("Nicosia", "CY", 35.19, 33.36),
    ("Kraków", "PL", 50.06, 19.94),
    ("Sevilla", "ES", 37.39, -5.98),
    ("Hammerfest", "NO", 70.66, 23.68),
]


@pytest.fixture
def members():
    return [
        make_member(name=name, country=country, latitude=lat, longitude=lon)
        for name, country, lat, lon in PLACES
    ]


def box_inside(inner, outer):
    return (
        inner["width"] > 0
        and inner["height"] > 0
        and outer["x"] <= inner["x"]
        and inner["x"] + inner["width"] <= outer["x"] + outer["width"]
        and outer["y"] <= inner["y"]
        and inner["y"] + inner["height"] <= outer["y"] + outer["height"]
    )


def test_markers_are_visible_inside_the_map(page, screenshot, members):
    page.goto("/en/members/map/")

    svg = page.locator("svg.member-map__svg").bounding_box()
    markers = page.locator(".map-marker circle")
    assert markers.count() == len(PLACES)
    for i in range(markers.count()):
        assert box_inside(markers.nth(i).bounding_box(), svg)
    # North up, east right: Hammerfest above Lisbon, Tbilisi right of Reykjavík.
    box = {
        m: page.get_by_role("link", name=m).bounding_box()
        for m in (
            "Hammerfest, Norway — city",
            "Lisboa, Portugal — city",
            "Tbilisi, Georgia — city",
            "Reykjavík, Iceland — city",
        )
    }
    assert box["Hammerfest, Norway — city"]["y"] < box["Lisboa, Portugal — city"]["y"]
    assert box["Tbilisi, Georgia — city"]["x"] > box["Reykjavík, Iceland — city"]["x"]
    # Not squashed: the map keeps the proportions of its frame.
    assert svg["width"] / svg["height"] == pytest.approx(5150 / 4200, rel=0.02)
    screenshot(page, "member-map")


def test_a_marker_takes_keyboard_focus_visibly_and_leads_to_the_profile(page, members):
    page.goto("/en/members/map/")

    marker = page.get_by_role("link", name="Łódź, Poland — city")
    for _ in range(80):
        page.keyboard.press("Tab")
        if marker.evaluate("el => el === document.activeElement"):
            break
    else:
        pytest.fail("the marker never took the keyboard focus")
    circle = marker.locator("circle")
    assert circle.evaluate("el => getComputedStyle(el).strokeWidth") == "3px"
    assert page.locator(".map-tooltip").inner_text() == "Łódź, Poland — city"

    page.keyboard.press("Enter")
    page.wait_for_url("**/members/lodz/")


def test_zoom_buttons_change_the_view_and_keep_markers_the_same_size(page, members):
    page.goto("/en/members/map/")
    svg = page.locator("svg.member-map__svg")
    before = svg.get_attribute("viewBox")
    size = page.locator(".map-marker circle").first.bounding_box()["width"]

    page.get_by_role("button", name="Zoom in").click()

    assert svg.get_attribute("viewBox") != before
    after = page.locator(".map-marker circle").first.bounding_box()["width"]
    assert after == pytest.approx(size, rel=0.1)
    page.get_by_role("button", name="Reset the zoom").click()
    assert svg.get_attribute("viewBox") == before


def test_country_filter_shows_the_country_zoomed(page, screenshot, members):
    page.goto("/en/members/map/?country=PL")

    svg = page.locator("svg.member-map__svg").bounding_box()
    markers = page.locator(".map-marker circle")
    assert markers.count() == 2
    for i in range(2):
        assert box_inside(markers.nth(i).bounding_box(), svg)
    screenshot(page, "member-map-poland")


def test_the_map_works_without_javascript(browser, live_server, members):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/members/map/?kind=city")

    assert page.locator(".map-marker circle").count() == len(PLACES)
    assert page.get_by_role("button", name="Zoom in").count() == 0
    page.get_by_label("Country", exact=True).select_option("PL")
    page.get_by_role("button", name="Show").click()
    assert page.locator(".map-marker circle").count() == 2
    context.close()


def test_the_map_fits_a_phone_screen(phone_page, screenshot, members):
    phone_page.goto("/en/members/map/")

    svg = phone_page.locator("svg.member-map__svg").bounding_box()
    assert svg["x"] >= 0
    assert svg["x"] + svg["width"] <= 390
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot(phone_page, "member-map-phone")


def test_the_countries_are_drawn_from_the_outlines_file_and_shaded(page, members):
    outlines = []
    page.on(
        "response",
        lambda response: "/map/outlines" in response.url and outlines.append(response.status),
    )
    page.goto("/en/countries/pl/")

    poland = page.locator("use.map-state[data-country=PL]")
    # The <use> draws nothing until the file has come: its box is then Poland's.
    page.wait_for_function(
        "() => document.querySelector('use.map-state[data-country=PL]').getBBox().width > 300"
    )
    assert outlines == [200]
    assert poland.evaluate("el => getComputedStyle(el).fill") == "rgb(158, 202, 225)"  # 2 members
    russia = page.locator(".map-context use[href$='#RU']")
    assert russia.evaluate("el => el.getBBox().width") > 1000
    assert russia.evaluate("el => getComputedStyle(el).fill") == "rgb(205, 209, 214)"

    # Over Greater Poland, away from the markers of Łódź and Kraków.
    box = poland.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.35)
    assert poland.evaluate("el => getComputedStyle(el).strokeWidth") == "1.2px"
