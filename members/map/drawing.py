"""The drawing: the shading of each state by its number of members, the markers and the
legend, computed per request in one pass over the members."""

from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from django.conf import settings
from django.db.models import Count, QuerySet
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_countries import countries

from core.collation import sort_key
from core.text import normalise

from ..models import Member
from .geometry import FRAME, Box, country_layer
from .outlines import OUTLINES_FILE, context_codes
from .projection import to_svg

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
    def outlines(self):
        """The static file holding every country's outline, which the drawing refers to with
        <use> (members/map/outlines.py): `{{ member_map.outlines }}#DE`."""
        return static(OUTLINES_FILE)

    @property
    def context_codes(self):
        """The countries drawn in neutral grey around the member states."""
        return context_codes()

    @property
    def markers_svg(self):
        """The markers as SVG: built here, as a template loop over 1,000 of them costs ~25 ms.

        Each is a link to the member's page, named for assistive technology by its aria-label
        and for mouse users by its <title>: "Łódź, Poland — city". Its target is the dot and
        a transparent stroke of 24 screen pixels around it (static/css/map.css), whatever the
        map's size, as WCAG 2.5.8 asks.
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
    def place_radius(self):
        """The size of another layer's marks (upcoming events): a member marker's, even on a
        summary map, whose dots are smaller."""
        return round(self.marker_radius / DOT_SCALE, 1) if self.summary else self.marker_radius

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
        zip((sort_key(entry.name) for entry in entries), by_country, entries, strict=True),
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


def preview_map(members):
    """The map of these (approved) members as a summary, whatever their number: dots, no links."""
    counts = Counter(dict(members.order_by().values_list("country").annotate(Count("pk"))))
    return summary_map(counts, _places(members))


def _places(members):
    """(latitude, longitude) of these members that have them, as plain tuples.

    Read without modeltranslation's rewriting (`rewrite(False)`, its public switch): its row
    iterator costs about 10 µs a row, more than the query itself for thousands of members, and
    coordinates have no translation.
    """
    placed = members.exclude(latitude=None).exclude(longitude=None).order_by()
    return placed.rewrite(False).values_list("latitude", "longitude")


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
    pattern = reverse("country", kwargs={"code": "zz"})
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
