"""Points other apps place on the member map: upcoming events today.

members comes below the apps that have places of their own (events imports members, never
the reverse), so those apps register a layer here from their AppConfig.ready():

    from members.map import register_layer
    register_layer("events", upcoming_events_layer)

where ``upcoming_events_layer(country)`` returns a ``Layer`` of ``Place`` (or None to draw
nothing). The map page draws each layer's places as links over the members' markers, in a
shape of their own (not only a colour), and lists them after the map as its text alternative.
"""

from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .geometry import FRAME
from .projection import to_svg

_builders = {}
# A diamond a little taller than a member's disc of radius 1, which it must not hide.
DIAMOND = "M0-1.4L1.4 0 0 1.4-1.4 0z"


@dataclass(frozen=True, slots=True)
class Place:
    """One point of a layer: what it is called, where it links, where it is."""

    name: str
    url: str
    label: str  # the accessible name: "Meeting of members — Strasbourg, 28 January 2027"
    detail: str  # the list's second line: "28 January 2027 · Strasbourg, France"
    latitude: float
    longitude: float


@dataclass
class Layer:
    key: str  # names the layer's CSS class: map-layer--events
    title: str  # the heading of its list after the map: "Upcoming events"
    legend: str  # its line in the legend: "an upcoming event: select it to open its page"
    places: list = field(default_factory=list)
    positions: list = field(default_factory=list)  # (place, x, y) of those inside the frame

    def place_on(self, radius):
        """Project the places; those outside the frame stay in the list, off the map."""
        self.radius = radius
        self.positions = []
        for place in self.places:
            x, y = to_svg(place.longitude, place.latitude)
            if FRAME.contains(x, y):
                self.positions.append((place, round(x, 1), round(y, 1)))
        return self

    @property
    def markers_svg(self):
        """Each place as a link drawn as a diamond, so that it differs from a member's disc
        by its shape as well as its colour."""
        # A unit diamond moved and scaled into place: static/js/map.js rescales it on zoom
        # from data-x and data-y, as it does a member's disc.
        scale = f"{self.radius:g}"
        return mark_safe(
            "".join(
                f'<a class="map-place" href="{escape(place.url)}" aria-label="{label}">'
                f"<title>{label}</title>"
                f'<path data-x="{x:g}" data-y="{y:g}" transform="translate({x:g} {y:g}) '
                f'scale({scale})" d="{DIAMOND}"/></a>\n'
                for place, x, y in self.positions
                for label in (escape(place.label),)
            )
        )


def register_layer(key, build):
    """Add a layer to the member map: build(country code or None) → Layer or None."""
    _builders[key] = build


def map_layers(radius, country=None):
    """The registered layers with something to show, their places projected."""
    layers = []
    for build in _builders.values():
        layer = build(country)
        if layer and layer.places:
            layers.append(layer.place_on(radius))
    return layers
