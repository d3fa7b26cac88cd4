import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from django.conf import settings

from members.map import (
    FALSE_EASTING,
    FALSE_NORTHING,
    FRAME,
    MARKER_LIMIT,
    MIN_ZOOM_WIDTH,
    Box,
    contains,
    country_layer,
    map_queryset,
    path_data,
    project,
    render_member_map,
    shading_class,
    to_svg,
)
from members.models import Member
from tests.factories import make_member

MAP_URL = "/en/members/map/"
SVG = "{http://www.w3.org/2000/svg}"

STRASBOURG = (7.75, 48.58)
LODZ = (19.46, 51.76)


def svg_of(response):
    """The page's map (its inline SVG), parsed as XML: parsing fails unless it is well-formed."""
    match = re.search(
        r'<svg\b[^>]*class="member-map__svg".*?</svg>', response.content.decode(), re.DOTALL
    )
    assert match, "no inline SVG on the page"
    return ET.fromstring(match.group(0))


def markers_of(svg):
    return {
        a.get("href"): a.get("aria-label")
        for a in svg.iter(f"{SVG}a")
        if a.find(f"{SVG}circle") is not None
    }


def shading_of(svg):
    return {
        path.get("data-country"): path.get("class").split("--")[-1]
        for path in svg.iter(f"{SVG}use")
        if path.get("data-country")
    }


class Links(HTMLParser):
    """Every link of the page's list of members, and every URL the page would load."""

    def __init__(self):
        super().__init__()
        self.in_list = False
        self.list_links = set()
        self.loads = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id") == "member-map-list":
            self.in_list = True
        if self.in_list and tag == "a":
            self.list_links.add(attrs["href"])
        if tag in ("script", "img", "source", "iframe", "audio", "video", "embed", "image"):
            self.loads.append(attrs.get("src") or attrs.get("href"))
        if tag == "link" and attrs.get("rel") in ("stylesheet", "preload", "icon", "modulepreload"):
            self.loads.append(attrs["href"])
        if tag == "object":
            self.loads.append(attrs.get("data"))

    def handle_endtag(self, tag):
        if tag == "section":
            self.in_list = False


def links_of(response):
    parser = Links()
    parser.feed(response.content.decode())
    return parser


def many_members(number):
    """Approved members spread over the Council of Europe's states, in one query."""
    states = settings.COUNCIL_OF_EUROPE_STATES
    Member.objects.bulk_create(
        Member(
            name=f"Member {n}",
            search_name=f"member {n}",
            slug=f"member-{n}",
            kind=Member.Kind.REGION if n % 3 else Member.Kind.CITY,
            country=states[n % len(states)],
            status=Member.Status.APPROVED,
            latitude=40 + (n % 20),
            longitude=-5 + (n % 40),
        )
        for n in range(number)
    )


# The projection


def test_the_centre_of_the_projection_is_the_origin():
    x, y = project(10, 52)
    assert x == pytest.approx(0, abs=1e-6)
    assert y == pytest.approx(0, abs=1e-6)


def test_projection_matches_the_epsg_3035_worked_example():
    # EPSG Guidance Note 7-2, ETRS89 / LAEA Europe: 50°N 5°E → E 3962799.45 m, N 2999718.85 m.
    x, y = project(5, 50)
    assert x + FALSE_EASTING == pytest.approx(3_962_799.45, abs=0.01)
    assert y + FALSE_NORTHING == pytest.approx(2_999_718.85, abs=0.01)


def test_projected_position_of_strasbourg_is_stable():
    # EPSG:3035 E 4 154 950 m, N 2 832 155 m, in the map's km with y pointing south.
    assert to_svg(*STRASBOURG) == pytest.approx((-166.05, 377.85), abs=0.01)


def test_north_is_up_and_east_is_right():
    oslo, rome = to_svg(10.75, 59.91), to_svg(12.5, 41.9)
    paris, warsaw = to_svg(2.35, 48.86), to_svg(21.01, 52.23)
    assert oslo[1] < rome[1]
    assert paris[0] < warsaw[0]


def test_strasbourg_lands_inside_france_and_not_germany():
    layer = country_layer()
    assert contains(layer["FR"].rings, *to_svg(*STRASBOURG))
    assert not contains(layer["DE"].rings, *to_svg(*STRASBOURG))


@pytest.mark.parametrize(
    ("lon", "lat", "code"),
    [
        (19.46, 51.76, "PL"),  # Łódź
        (34.10, 44.95, "UA"),  # Simferopol: Ukraine, as the Council of Europe recognises it
        (33.36, 35.19, "CY"),  # Nicosia
        (-18.6, 64.9, "IS"),  # the middle of Iceland
        (44.79, 41.72, "GE"),  # Tbilisi
        (14.51, 35.90, "MT"),  # Valletta
    ],
)
def test_capitals_and_cities_land_inside_their_state(lon, lat, code):
    assert contains(country_layer()[code].rings, *to_svg(lon, lat))


def test_every_council_of_europe_state_has_a_shape_in_the_frame():
    layer = country_layer()
    missing = [code for code in settings.COUNCIL_OF_EUROPE_STATES if not layer.get(code)]
    assert missing == []


def test_path_data_turns_rings_into_relative_svg_commands():
    # A small square around the centre of the projection, 10°E 52°N.
    square = [(9.9, 51.9), (10.1, 51.9), (10.1, 52.1), (9.9, 52.1)]
    data = path_data([square])
    assert re.fullmatch(r"M-?\d+ -?\d+l(-?\d+ ?-?\d+ ?){3}z", data.replace("l", "l", 1))
    x, y = (int(n) for n in re.match(r"M(-?\d+) (-?\d+)", data).groups())
    assert (x, y) == (round(to_svg(9.9, 51.9)[0]), round(to_svg(9.9, 51.9)[1]))


def test_path_data_leaves_out_what_lies_outside_the_frame():
    tokyo = [(139.6, 35.6), (139.8, 35.6), (139.8, 35.8)]
    assert path_data([tokyo]) == ""


@pytest.mark.parametrize(
    ("count", "shade"), [(0, 0), (1, 1), (2, 2), (4, 2), (5, 3), (9, 3), (10, 4), (20, 5), (99, 5)]
)
def test_shading_classes_follow_the_legend(count, shade):
    assert shading_class(count) == shade


# The page


@pytest.mark.django_db
def test_every_approved_member_with_coordinates_is_a_marker_linking_to_its_page(client):
    lodz = make_member(name="Łódź", country="PL", latitude=LODZ[1], longitude=LODZ[0])
    region = make_member(name="Alsace", kind=Member.Kind.REGION, country="FR")

    markers = markers_of(svg_of(client.get(MAP_URL)))

    assert markers == {
        lodz.get_absolute_url(): "Łódź, Poland — city",
        region.get_absolute_url(): "Alsace, France — region",
    }
    assert client.get(lodz.get_absolute_url()).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "status", [Member.Status.PENDING, Member.Status.REJECTED, Member.Status.LEFT]
)
def test_members_not_approved_appear_nowhere_on_the_map(client, status):
    hidden = make_member(name="Hiddenville", status=status)

    response = client.get(MAP_URL)

    assert hidden.get_absolute_url() not in markers_of(svg_of(response))
    assert "Hiddenville" not in response.content.decode()
    assert shading_of(svg_of(response))["FR"] == "0"


@pytest.mark.django_db
def test_states_are_shaded_by_their_number_of_members(client):
    for _ in range(5):
        make_member(country="FR")
    make_member(country="PL", latitude=LODZ[1], longitude=LODZ[0])
    make_member(country="DE", status=Member.Status.PENDING)

    shading = shading_of(svg_of(client.get(MAP_URL)))

    assert shading["FR"] == "3"
    assert shading["PL"] == "1"
    assert shading["DE"] == "0"
    assert set(shading) == set(settings.COUNCIL_OF_EUROPE_STATES)


@pytest.mark.django_db
def test_a_state_tells_its_count_on_hover(client):
    make_member(country="FR")
    make_member(country="FR")

    svg = svg_of(client.get(MAP_URL))

    france = next(p for p in svg.iter(f"{SVG}use") if p.get("data-country") == "FR")
    assert france.find(f"{SVG}title").text == "France: 2 members"


@pytest.mark.django_db
def test_the_text_alternative_lists_the_same_members_by_country_with_counts(client):
    on_map = [make_member(country="FR"), make_member(country="FR")]
    lodz = make_member(name="Łódź", country="PL", latitude=LODZ[1], longitude=LODZ[0])
    nowhere = make_member(name="Unplaced", country="PL", latitude=None, longitude=None)
    make_member(name="Pendingtown", status=Member.Status.PENDING)

    response = client.get(MAP_URL)
    listed = links_of(response).list_links
    markers = markers_of(svg_of(response))
    html = response.content.decode()

    assert listed == {m.get_absolute_url() for m in [*on_map, lodz, nowhere]}
    assert set(markers) == listed - {nowhere.get_absolute_url()}
    assert re.search(r"France <span[^>]*>\(2\)</span>", html)
    assert re.search(r"Poland <span[^>]*>\(2\)</span>", html)
    assert "not on the map" in html


@pytest.mark.django_db
def test_members_outside_the_frame_are_listed_but_not_drawn(client):
    canaries = make_member(name="Las Palmas", country="ES", latitude=28.1, longitude=-15.4)

    response = client.get(MAP_URL)

    assert canaries.get_absolute_url() in links_of(response).list_links
    assert markers_of(svg_of(response)) == {}
    assert "1 member has no place on this map" in response.content.decode()


@pytest.mark.django_db
def test_the_page_makes_no_request_to_another_host(client):
    make_member()

    response = client.get(MAP_URL)
    loads = links_of(response).loads

    assert "/static/js/map.js" in loads
    assert "/static/css/map.css" in loads
    for url in loads:
        assert url and url.startswith("/") and not url.startswith("//"), url
    assert "http://" not in response.content.decode().split("<body")[1].replace(
        "http://www.w3.org/2000/svg", ""
    )


@pytest.mark.django_db
def test_the_page_has_no_inline_style_or_script(client):
    make_member()

    html = client.get(MAP_URL).content.decode()

    assert " style=" not in html
    assert "<style" not in html
    assert re.search(r"<script(?![^>]*\bsrc=)", html) is None
    assert re.search(r"\son[a-z]+=", html) is None


@pytest.mark.django_db
def test_kind_filter_keeps_only_that_kind(client):
    city = make_member(kind=Member.Kind.CITY)
    region = make_member(kind=Member.Kind.REGION)

    markers = markers_of(svg_of(client.get(MAP_URL, {"kind": "region"})))

    assert set(markers) == {region.get_absolute_url()}
    assert city.get_absolute_url() not in markers


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["PL", "pl"])
def test_country_filter_zooms_on_the_country(client, code):
    lodz = make_member(country="PL", latitude=LODZ[1], longitude=LODZ[0])
    make_member(country="FR")

    svg = svg_of(client.get(MAP_URL, {"country": code}))

    assert set(markers_of(svg)) == {lodz.get_absolute_url()}
    x, y, width, height = (float(n) for n in svg.get("viewBox").split())
    assert width < FRAME.width / 2
    assert Box(x, y, width, height).contains(*to_svg(*LODZ))
    shading = shading_of(svg)
    assert shading["PL"] == "1"
    assert shading["FR"] == "out"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"kind": "castle"},
        {"country": "ZZ"},
        {"country": "RU"},
        {"country": "<script>"},
        {"kind": ["region", "city"], "country": ["PL", "FR"]},  # the last value counts
        {"page": "x"},
    ],
)
def test_invalid_filters_are_ignored(client, query):
    member = make_member()

    response = client.get(MAP_URL, query)

    assert response.status_code == 200
    assert member.get_absolute_url() in markers_of(svg_of(response))


@pytest.mark.django_db
def test_zoom_on_a_small_country_keeps_its_neighbours_in_view():
    make_member(country="LU", latitude=49.61, longitude=6.13)

    member_map = render_member_map(
        map_queryset(Member.objects.approved().filter(country="LU")), country="LU"
    )

    x, y, width, height = (float(n) for n in member_map.view_box.split())
    assert width >= MIN_ZOOM_WIDTH
    assert width / height == pytest.approx(FRAME.width / FRAME.height, rel=0.01)
    assert Box(x, y, width, height).contains(*to_svg(6.13, 49.61))
    assert FRAME.x <= x and x + width <= FRAME.right + 1
    assert member_map.country_name == "Luxembourg"


@pytest.mark.django_db
def test_zoom_on_a_country_without_members_shows_the_country():
    member_map = render_member_map(Member.objects.none(), country="NO")

    x, y, width, height = (float(n) for n in member_map.view_box.split())
    assert Box(x, y, width, height).contains(*to_svg(10.75, 59.91))  # Oslo
    assert width < FRAME.width


@pytest.mark.django_db
def test_the_map_of_all_states_weighs_at_most_150_kb(client):
    many_members(150)

    svg = re.search(
        r'<svg\b[^>]*class="member-map__svg".*?</svg>',
        client.get(MAP_URL).content.decode(),
        re.DOTALL,
    ).group(0)

    assert len(svg.encode()) <= 150 * 1024


@pytest.mark.django_db
@pytest.mark.parametrize("number", [10, 1000])
def test_the_map_page_makes_few_queries_whatever_the_number_of_members(
    client, django_assert_max_num_queries, number
):
    many_members(number)

    # The members' counts and rows, and the upcoming events placed over them.
    with django_assert_max_num_queries(4):
        response = client.get(MAP_URL)

    # Up to MARKER_LIMIT members each is a marker; beyond, the map is a summary (below).
    expected_markers = number if number <= MARKER_LIMIT else 0
    assert len(markers_of(svg_of(response))) == expected_markers
    assert f"<strong>{number:,}</strong> cities and regions" in response.content.decode()


def scattered_members(number):
    """Approved members each at its own place, on a grid over central Europe, in one query."""
    Member.objects.bulk_create(
        Member(
            name=f"Place {n}",
            search_name=f"place {n}",
            slug=f"place-{n}",
            country="DE" if n % 4 else "PL",
            status=Member.Status.APPROVED,
            latitude=46 + (n // 100) * 0.15,
            longitude=5 + (n % 100) * 0.2,
        )
        for n in range(number)
    )


def dots_of(svg):
    paths = [p for p in svg.iter(f"{SVG}path") if p.get("class") == "map-dots"]
    return paths[0].get("d").count("h0") if paths else 0


@pytest.mark.django_db
def test_a_map_of_more_members_than_the_limit_draws_a_dot_per_place_and_no_link(client):
    scattered_members(MARKER_LIMIT + 1)

    svg = svg_of(client.get(MAP_URL))

    assert markers_of(svg) == {}
    assert dots_of(svg) == MARKER_LIMIT + 1
    markers = next(g for g in svg.iter(f"{SVG}g") if g.get("class") == "map-markers")
    assert markers.get("aria-hidden") == "true"


@pytest.mark.django_db
def test_members_close_together_share_a_dot(client):
    scattered_members(MARKER_LIMIT + 1)
    Member.objects.filter(pk__in=Member.objects.order_by("pk")[:10]).update(
        latitude=48.58, longitude=7.75
    )

    assert dots_of(svg_of(client.get(MAP_URL))) == MARKER_LIMIT + 1 - 9


@pytest.mark.django_db
def test_a_large_selection_lists_its_countries_with_counts_linking_to_their_pages(client):
    scattered_members(MARKER_LIMIT + 100)

    response = client.get(MAP_URL)
    html = response.content.decode()

    assert links_of(response).list_links == {"/en/countries/de/", "/en/countries/pl/"}
    assert re.search(r">Germany</a> <span[^>]*>\(300\)</span>", html)
    assert re.search(r">Poland</a> <span[^>]*>\(100\)</span>", html)
    assert "Place 1<" not in html
    assert client.get("/en/countries/pl/").status_code == 200


@pytest.mark.django_db
def test_a_filter_that_narrows_a_large_map_under_the_limit_shows_each_member_again(client):
    scattered_members(MARKER_LIMIT * 2)

    response = client.get(MAP_URL, {"country": "PL"})

    assert len(markers_of(svg_of(response))) == MARKER_LIMIT // 2
    assert len(links_of(response).list_links) == MARKER_LIMIT // 2


@pytest.mark.django_db
def test_the_map_of_ten_thousand_members_stays_light(client):
    scattered_members(10_000)

    response = client.get(MAP_URL)
    svg = re.search(
        r'<svg\b[^>]*class="member-map__svg".*?</svg>', response.content.decode(), re.DOTALL
    ).group(0)

    assert len(response.content) < 250 * 1024
    assert len(svg.encode()) < 200 * 1024


@pytest.mark.django_db
def test_the_map_page_exists_in_french(client):
    make_member(country="PL", latitude=LODZ[1], longitude=LODZ[0])

    response = client.get("/fr/members/map/")

    assert response.status_code == 200
    assert len(markers_of(svg_of(response))) == 1


# The drawing is kept until the data change (core.cache.remember), as in production


def position_queries(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, [query["sql"] for query in queries if "latitude" in query["sql"]]


@pytest.mark.django_db
@pytest.mark.parametrize("path", [MAP_URL, "/en/countries/fr/", f"{MAP_URL}?country=FR"])
def test_the_drawing_is_kept_until_the_data_change(client, settings, path):
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Colmar", country="FR")
    client.get(path)

    _response, read = position_queries(client, path)
    assert read == []

    newcomer = make_member(name="Mulhouse", country="FR")
    response, read = position_queries(client, path)
    assert read
    assert newcomer.get_absolute_url() in response.content.decode()


@pytest.mark.django_db
def test_each_language_and_filter_has_its_own_drawing(client, settings):
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Colmar", country="FR")
    make_member(name="Graz", country="AT")

    client.get(MAP_URL)
    french = client.get("/fr/members/map/").content.decode()
    austria = client.get(f"{MAP_URL}?country=AT").content.decode()

    assert "Carte des membres" in french
    assert "/fr/members/" in french.split("<svg", 1)[1]
    assert "Graz" in austria
    assert "Colmar" not in austria
