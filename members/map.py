"""The member map: Europe drawn by the portal itself, as inline SVG, with no tile server.

Three layers, from the most static to the most dynamic:

- the projection, ``project(lon, lat)``: ETRS89 Lambert azimuthal equal-area (EPSG:3035), the
  European Union's own projection for statistical maps: areas are true, so a shaded country
  looks as big as it is;
- the geometry, ``path_data(rings)``: rings of (lon, lat) in, SVG path data out, clipped to
  the frame of the map; the country layer built from ``members/geodata/`` is computed once per
  process (``country_layer()``);
- the drawing, ``render_member_map(members, country=None)``: the shading of each state by its
  number of members, the markers and the legend, computed per request in one pass over the
  members.

The SVG's user unit is the kilometre, x eastwards and y southwards (SVG's y axis points down).
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from django import forms
from django.conf import settings
from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django_countries import countries

from alliance.text import normalise

from .models import Member

GEODATA = Path(__file__).resolve().parent / "geodata" / "countries.json"

# GRS80, the ellipsoid of ETRS89, and the projection's centre: 10°E, 52°N.
_A = 6_378_137.0
_E2 = 0.006694380022900787
_E = math.sqrt(_E2)
CENTRE = (10.0, 52.0)
# EPSG:3035 adds a false origin so that every European coordinate is positive.
FALSE_EASTING = 4_321_000.0
FALSE_NORTHING = 3_210_000.0


def _authalic_q(phi):
    sin_phi = math.sin(phi)
    return (1 - _E2) * (
        sin_phi / (1 - _E2 * sin_phi * sin_phi)
        - math.log((1 - _E * sin_phi) / (1 + _E * sin_phi)) / (2 * _E)
    )


_QP = _authalic_q(math.pi / 2)
_RQ = _A * math.sqrt(_QP / 2)
_LON0 = math.radians(CENTRE[0])
_PHI0 = math.radians(CENTRE[1])
_BETA0 = math.asin(_authalic_q(_PHI0) / _QP)
_SIN_BETA0 = math.sin(_BETA0)
_COS_BETA0 = math.cos(_BETA0)
_D = _A * math.cos(_PHI0) / math.sqrt(1 - _E2 * math.sin(_PHI0) ** 2) / (_RQ * _COS_BETA0)


def project(lon, lat):
    """(lon, lat) in degrees → (x, y) in metres east and north of the centre (10°E, 52°N).

    The ellipsoidal formulas of Snyder, *Map Projections: A Working Manual* (1987), p. 187;
    add FALSE_EASTING and FALSE_NORTHING to get EPSG:3035 coordinates.
    """
    lam = math.radians(lon) - _LON0
    beta = math.asin(_authalic_q(math.radians(lat)) / _QP)
    sin_beta, cos_beta, cos_lam = math.sin(beta), math.cos(beta), math.cos(lam)
    b = _RQ * math.sqrt(2 / (1 + _SIN_BETA0 * sin_beta + _COS_BETA0 * cos_beta * cos_lam))
    x = b * _D * cos_beta * math.sin(lam)
    y = b / _D * (_COS_BETA0 * sin_beta - _SIN_BETA0 * cos_beta * cos_lam)
    return x, y


def to_svg(lon, lat):
    """(lon, lat) → the map's SVG user space: kilometres, y pointing down."""
    x, y = project(lon, lat)
    return x / 1000, -y / 1000


@dataclass(frozen=True)
class Box:
    """A rectangle in the map's SVG user space (km, y down)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def right(self):
        return self.x + self.width

    @property
    def bottom(self):
        return self.y + self.height

    @property
    def view_box(self):
        return f"{self.x:g} {self.y:g} {self.width:g} {self.height:g}"

    def contains(self, x, y):
        return self.x <= x <= self.right and self.y <= y <= self.bottom

    def grown(self, margin):
        return Box(
            self.x - margin, self.y - margin, self.width + 2 * margin, self.height + 2 * margin
        )


# The Council of Europe from Iceland and Portugal to Azerbaijan, from the North Cape to Cyprus.
FRAME = Box(-1800, -2300, 5150, 4200)
# Shapes are cut a little outside the frame, so that the cut edges never show.
CLIP = FRAME.grown(40)


def clip_ring(ring, box):
    """Sutherland-Hodgman: a ring of (x, y) points cut to the box; [] when nothing is left."""
    for inside, cross in (
        (lambda p: p[0] >= box.x, lambda a, b: _cross_x(a, b, box.x)),
        (lambda p: p[0] <= box.right, lambda a, b: _cross_x(a, b, box.right)),
        (lambda p: p[1] >= box.y, lambda a, b: _cross_y(a, b, box.y)),
        (lambda p: p[1] <= box.bottom, lambda a, b: _cross_y(a, b, box.bottom)),
    ):
        output = []
        for i, current in enumerate(ring):
            previous = ring[i - 1]
            if inside(current):
                if not inside(previous):
                    output.append(cross(previous, current))
                output.append(current)
            elif inside(previous):
                output.append(cross(previous, current))
        ring = output
        if not ring:
            return []
    return ring


def _cross_x(a, b, x):
    return x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0])


def _cross_y(a, b, y):
    return a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y


def project_rings(rings, box=CLIP):
    """Rings of (lon, lat) → rings of (x, y) in the map's user space, cut to the box."""
    projected = ([to_svg(lon, lat) for lon, lat in ring] for ring in rings)
    return [clipped for ring in projected if len(clipped := clip_ring(ring, box)) >= 3]


def path_data(rings, box=CLIP):
    """Geometry in, SVG path data out: rings of (lon, lat) → "M x y l dx dy … z" per ring.

    Coordinates are whole kilometres, relative after each ring's first point (the shortest
    text); points that round onto the previous one are dropped. Fill with the even-odd rule.
    """
    return _path_data(project_rings(rings, box))


def _path_data(projected_rings):
    parts = []
    for ring in projected_rings:
        points = []
        for x, y in ring:
            point = (round(x), round(y))
            if not points or point != points[-1]:
                points.append(point)
        if len(points) > 1 and points[-1] == points[0]:
            points.pop()
        if len(points) < 3:
            continue
        (x0, y0), previous = points[0], points[0]
        steps = []
        for x, y in points[1:]:
            steps.append(f"{x - previous[0]} {y - previous[1]}")
            previous = (x, y)
        parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts).replace(" -", "-")


def contains(projected_rings, x, y):
    """Whether (x, y) lies inside the rings, by the even-odd rule (as the SVG fills them)."""
    inside = False
    for ring in projected_rings:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                inside = not inside
    return inside


@dataclass(frozen=True)
class Shape:
    """One country of the static layer: its path data and the box a zoom on it shows."""

    code: str
    path: str
    bounds: Box | None
    rings: tuple


@cache
def country_layer():
    """Every country in the frame, projected, clipped and turned into path data, once per process."""
    data = json.loads(GEODATA.read_text())
    layer = {}
    for code, rings in data["countries"].items():
        projected = project_rings(rings)
        if projected:
            layer[code] = Shape(code, _path_data(projected), _bounds(projected), tuple(projected))
    return layer


def _bounds(projected_rings, reach=400):
    """The box of a country's main ring and of the rings within `reach` km of it.

    Far islands (Jan Mayen for Norway, the Faroe Islands for Denmark) would make a zoom on
    the country useless; Corsica, Sicily or Crete are close enough to stay in view.
    """

    def box_of(ring):
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return min(xs), min(ys), max(xs), max(ys)

    def area(ring):
        return abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True)
            )
        )

    main = box_of(max(projected_rings, key=area))
    x0, y0, x1, y1 = main
    for ring in projected_rings:
        a0, b0, a1, b1 = box_of(ring)
        if (
            a0 < main[2] + reach
            and a1 > main[0] - reach
            and b0 < main[3] + reach
            and b1 > main[1] - reach
        ):
            x0, y0, x1, y1 = min(x0, a0), min(y0, b0), max(x1, a1), max(y1, b1)
    return Box(x0, y0, x1 - x0, y1 - y0)


# Above this many members a map is a summary: a dot per place rather than a link per member
# (hundreds of tab stops help nobody), countries rather than members in its text alternative.
MARKER_LIMIT = 300
# A summary's dots: smaller than markers, one per cell of a grid of 1/DOT_GRID degree (about
# 11 km by 7 km in Europe), where several members may share one.
DOT_SCALE = 0.5
DOT_GRID = 10

# The shading's classes: a state falls in the last class whose lower bound it reaches.
CLASS_BOUNDS = (1, 2, 5, 10, 20)
# A marker's radius, as a share of the width shown: about 6 px on a 900 px wide map.
MARKER_SCALE = 1 / 150
# A zoom on one country shows at least this width (km), so that Malta or Luxembourg keep
# their neighbours around them.
MIN_ZOOM_WIDTH = 700


def shading_class(count):
    """0 for no member, then 1 to len(CLASS_BOUNDS) for the legend's classes."""
    return sum(1 for bound in CLASS_BOUNDS if count >= bound)


def legend():
    """The legend's classes in order: (class number, label)."""
    entries = [(0, _("no member yet"))]
    for number, bound in enumerate(CLASS_BOUNDS, start=1):
        if number == len(CLASS_BOUNDS):
            label = _("%(count)s or more") % {"count": bound}
        elif CLASS_BOUNDS[number] - 1 == bound:
            label = str(bound)
        else:
            label = f"{bound}–{CLASS_BOUNDS[number] - 1}"
        entries.append((number, label))
    return entries


@dataclass(frozen=True)
class State:
    code: str
    name: str
    path: str
    count: int
    shade: int | None  # None: outside the selection (another country than the one zoomed on)

    @property
    def title(self):
        """What hovering the state tells: "France: 2 members", or its name outside the zoom."""
        if self.shade is None:
            return self.name
        return ngettext(
            "%(country)s: %(counter)s member", "%(country)s: %(counter)s members", self.count
        ) % {"country": self.name, "counter": self.count}


@dataclass(frozen=True, slots=True)
class Entry:
    """One member as the map shows it: a marker when it has a position, a line in the list."""

    name: str
    url: str
    kind: str  # translated: "city", "region"
    label: str  # the marker's accessible name: "Łódź, Poland — city"
    position: tuple | None  # (x, y) in the map's user space; None when not on the map

    @property
    def on_map(self):
        return self.position is not None

    @property
    def x(self):
        return self.position[0]

    @property
    def y(self):
        return self.position[1]


@dataclass(frozen=True)
class CountryGroup:
    code: str
    name: str
    members: list  # empty on a summary map
    count: int = 0
    url: str = ""  # the country's page, which lists its members


@dataclass
class MemberMap:
    """What templates/includes/_member_map.html draws, and the text alternative's data."""

    view_box: str
    marker_radius: float
    context_path: str
    states: list
    markers: list
    groups: list
    legend: list
    country: str | None
    country_name: str
    off_map: int  # members without coordinates or outside the frame
    frame: str = FRAME.view_box
    # More members than MARKER_LIMIT: one dot per place instead of a link per member, and
    # `groups` hold no members, only their number (`count`) and the country page's address.
    summary: bool = False
    dots: str = ""  # the dots' path data, for a path drawn with round caps

    @property
    def markers_svg(self):
        """The markers as SVG: built here, as a template loop over 1,000 of them costs ~25 ms.

        Each is a link to the member's page, named for assistive technology by its aria-label
        and for mouse users by its <title>: "Łódź, Poland — city".
        """
        radius = f"{self.marker_radius:g}"
        return mark_safe(
            "".join(
                f'<a class="map-marker" href="{escape(marker.url)}" aria-label="{label}">'
                f'<title>{label}</title><circle cx="{marker.x:g}" cy="{marker.y:g}" r="{radius}"/></a>\n'
                for marker in self.markers
                for label in (escape(marker.label),)
            )
        )

    @property
    def totals(self):
        """{"members": N, "countries": M}, as templates/includes/_member_totals.html expects."""
        return {
            "members": sum(group.count for group in self.groups),
            "countries": len(self.groups),
        }

    @property
    def dot_width(self):
        """A dot's diameter, as the stroke width of its round-capped path."""
        return f"{2 * self.marker_radius:g}"


def render_member_map(members, country=None, counts=None):
    """Everything the map include needs, for these (approved) members, in one pass over them.

    members: a queryset of approved members, already filtered as the page wants
    (``Member.objects.approved()`` and its filters), or a list of such members already loaded
    (``map_queryset()`` loads only what the map needs). Each state is shaded by how many of
    them it holds, each member with coordinates is a marker, and ``groups`` lists them all by
    country for the text alternative. Above MARKER_LIMIT members the map is a summary
    (``summary_map()``): a dot per place and, in ``groups``, each country's number of members.
    counts: {country code: number of these members} when the caller knows them (saves a query).

    country: an ISO alpha-2 code to zoom on that country; the other states are then drawn as
    neutral context. On a country page, in the view:

        members = Member.objects.approved().filter(country=code)
        context["member_map"] = render_member_map(map_queryset(members), country=code)

    and in the template (with static/css/map.css linked, and static/js/map.js if wanted):

        {% include "includes/_member_map.html" with member_map=member_map %}
    """
    if isinstance(members, QuerySet):
        if counts is None:
            counts = members.order_by().values_list("country").annotate(Count("pk"))
        counts = Counter(dict(counts))
        if counts.total() > MARKER_LIMIT:
            return summary_map(counts, _places(members), country)
        members = map_queryset(members)
    members = list(members)
    if len(members) > MARKER_LIMIT:
        counts = Counter(member.country.code for member in members)
        places = ((m.latitude, m.longitude) for m in members if m.has_coordinates)
        return summary_map(counts, places, country)
    layer = country_layer()
    names = dict(countries)
    kinds = {value: str(label) for value, label in Member.Kind.choices}
    label_format = _("%(name)s, %(country)s — %(kind)s")
    url_of = _profile_urls()

    counts, entries, by_country = Counter(), [], []
    for member in members:
        code, name = member.country.code, member.public_name
        position = None
        if member.latitude is not None and member.longitude is not None:
            x, y = to_svg(member.longitude, member.latitude)
            if FRAME.contains(x, y):
                position = (round(x, 1), round(y, 1))
        kind = kinds.get(member.kind, member.kind)
        label = label_format % {"name": name, "country": names.get(code, code), "kind": kind}
        entries.append(Entry(name, url_of(member), kind, label, position))
        by_country.append(code)
        counts[code] += 1
    # Southern markers drawn last, on top: they overlap the northern ones as they would in 3D.
    markers = sorted((entry for entry in entries if entry.on_map), key=lambda entry: entry.y)
    positions = [
        entry.position
        for entry, code in zip(entries, by_country, strict=True)
        if entry.on_map and code == country
    ]
    view = _zoom(layer, country, positions) if country else FRAME

    listed = {}
    for _key, code, entry in sorted(
        zip((normalise(entry.name) for entry in entries), by_country, entries, strict=True),
        key=lambda item: item[0],
    ):
        listed.setdefault(code, []).append(entry)
    country_url = _country_urls()
    groups = [
        CountryGroup(code, names.get(code, code), group, len(group), country_url(code))
        for code, group in listed.items()
    ]
    return MemberMap(
        view_box=view.view_box,
        marker_radius=round(view.width * MARKER_SCALE, 1),
        context_path=_context_path(),
        states=_states(counts, country),
        markers=markers,
        groups=sorted(groups, key=lambda group: normalise(group.name)),
        legend=legend(),
        country=country,
        country_name=names.get(country, "") if country else "",
        off_map=len(entries) - len(markers),
    )


def summary_map(counts, places, country=None):
    """The map of more members than MARKER_LIMIT, light whatever their number.

    counts: {country code: number of members}; places: (latitude, longitude) of the members
    that have them. A dot marks each place (members a few kilometres apart share one), in a
    single path; the text alternative lists the countries with their number of members, each
    linking to its country page, where the members are listed.
    """
    names = dict(countries)
    positions, placed = set(), 0
    cells = Counter((round(lat * DOT_GRID), round(lon * DOT_GRID)) for lat, lon in places)
    for cell, number in cells.items():
        if position := _cell_position(cell):
            positions.add(position)
            placed += number
    view = _zoom(country_layer(), country, positions) if country else FRAME
    country_url = _country_urls()
    groups = sorted(
        (
            CountryGroup(code, names.get(code, code), [], count, country_url(code))
            for code, count in counts.items()
            if count
        ),
        key=lambda group: normalise(group.name),
    )
    return MemberMap(
        view_box=view.view_box,
        marker_radius=round(view.width * MARKER_SCALE * DOT_SCALE, 1),
        context_path=_context_path(),
        states=_states(counts, country),
        markers=[],
        groups=groups,
        legend=legend(),
        country=country,
        country_name=names.get(country, "") if country else "",
        off_map=counts.total() - placed,
        summary=True,
        dots=_dot_path(positions),
    )


def _places(members):
    """(latitude, longitude) of these members that have them, as plain tuples.

    Read through Django's own QuerySet: modeltranslation's row iterator costs about 10 µs a
    row, more than the query itself for thousands of members.
    """
    placed = members.exclude(latitude=None).exclude(longitude=None).order_by()
    return QuerySet(model=placed.model, query=placed.query.chain()).values_list(
        "latitude", "longitude"
    )


def _states(counts, country):
    """The member states, each shaded by its number of members (None: outside the zoom)."""
    layer, names = country_layer(), dict(countries)
    states = []
    for code in settings.COUNCIL_OF_EUROPE_STATES:
        if code not in layer:
            continue
        count = counts.get(code, 0)
        shade = shading_class(count) if country in (None, code) else None
        states.append(State(code, names.get(code, code), layer[code].path, count, shade))
    return states


@lru_cache(maxsize=65_536)
def _cell_position(cell):
    """A grid cell's centre in the map's user space (whole km), or None outside the frame.

    Kept per process: the projection costs a few microseconds a point, and the same places
    come back on every request.
    """
    x, y = to_svg(cell[1] / DOT_GRID, cell[0] / DOT_GRID)
    return (round(x), round(y)) if FRAME.contains(x, y) else None


def _dot_path(positions):
    """Path data drawing a dot at each position: "M x y h0" steps, relative after the first.

    Drawn with round caps and a stroke as wide as a dot, each zero-length step is a disc.
    Sorted from north to south, so that each step is short to write.
    """
    parts, previous = [], None
    for x, y in sorted(positions, key=lambda p: (p[1], p[0])):
        if previous is None:
            parts.append(f"M{x} {y}h0")
        else:
            parts.append(f"m{x - previous[0]} {y - previous[1]}h0")
        previous = (x, y)
    return "".join(parts).replace(" -", "-")


def map_queryset(queryset):
    """Only the columns the map and its text alternative use."""
    return queryset.only(
        "name", "display_name", "slug", "kind", "country", "latitude", "longitude"
    ).order_by()


@cache
def _context_path():
    """The countries outside the Council of Europe, as one neutral path."""
    member_states = set(settings.COUNCIL_OF_EUROPE_STATES)
    return "".join(
        shape.path for code, shape in country_layer().items() if code not in member_states
    )


def _country_urls():
    """code → its country page's URL, with one reverse() for all."""
    pattern = reverse("members:country", kwargs={"code": "zz"})
    prefix, suffix = pattern.split("zz")
    return lambda code: f"{prefix}{code.lower()}{suffix}"


def _profile_urls():
    """member → its profile's URL, with one reverse() for all (1,000 reverses cost ~10 ms)."""
    placeholder = "slug-placeholder"
    pattern = reverse("members:detail", kwargs={"slug": placeholder})
    prefix, suffix = pattern.split(placeholder)
    return lambda member: f"{prefix}{member.slug}{suffix}"


def _zoom(layer, country, positions):
    """The box showing the country and these positions (its members'), in the frame's proportions."""
    shape = layer.get(country)
    xs, ys = [], []
    if shape and shape.bounds:
        xs += [shape.bounds.x, shape.bounds.right]
        ys += [shape.bounds.y, shape.bounds.bottom]
    for x, y in positions:
        xs.append(x)
        ys.append(y)
    if not xs:
        return FRAME
    ratio = FRAME.width / FRAME.height
    width = max(max(xs) - min(xs), (max(ys) - min(ys)) * ratio, MIN_ZOOM_WIDTH) * 1.3
    height = width / ratio
    x = (min(xs) + max(xs) - width) / 2
    y = (min(ys) + max(ys) - height) / 2
    # Stay inside the frame: beyond it there is nothing drawn.
    x = min(max(x, FRAME.x), FRAME.right - width) if width < FRAME.width else FRAME.x
    y = min(max(y, FRAME.y), FRAME.bottom - height) if height < FRAME.height else FRAME.y
    return Box(round(x), round(y), round(min(width, FRAME.width)), round(min(height, FRAME.height)))


class MapFilterForm(forms.Form):
    """The map's filters, as plain GET parameters; a value that does not validate is ignored."""

    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    country = forms.ChoiceField(label=gettext_lazy("Country"), required=False)

    def __init__(self, data=None):
        if data and "country" in data:
            data = data.copy()
            data["country"] = data["country"].upper()
        super().__init__(data)
        self.fields["kind"].choices = [("", _("Cities and regions")), *Member.Kind.choices]
        by_name = sorted(countries, key=lambda country: normalise(country.name))
        self.fields["country"].choices = [
            ("", _("All countries")),
            *((country.code, country.name) for country in by_name),
        ]

    @property
    def selection(self):
        """The valid filters: {"kind": …, "country": …}, without the empty or invalid ones."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, queryset):
        return queryset.filter(**self.selection)
