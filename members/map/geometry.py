"""The geometry: rings of (lon, lat) in, SVG path data out, clipped to the frame of the map;
the country layer built from ``members/geodata/`` is computed once per process."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .projection import to_svg

GEODATA = Path(__file__).resolve().parent.parent / "geodata" / "countries.json"


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
