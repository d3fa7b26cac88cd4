"""Build members/geodata/countries.json from Natural Earth's countries, as world-atlas ships them.

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python members/geodata/build.py /tmp/package/countries-10m.json

The TopoJSON's arcs are simplified once each (Douglas-Peucker in the map's projected
kilometres), so two neighbours keep exactly the same border; the pieces of one state are merged
(shared arcs cancel out); everything far outside the map's frame is cropped. The output holds,
for each country by ISO 3166-1 alpha-2 code, its rings as [lon, lat] pairs (to be filled with the
even-odd rule: a ring inside another is a hole).
"""

import json
import math
import sys
from collections import Counter, defaultdict
from pathlib import Path

import django
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
settings.configure(
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "members"],
    COUNCIL_OF_EUROPE_STATES=[],
)
django.setup()

from django_countries import countries  # noqa: E402

from members.map import Box, clip_ring, to_svg  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "countries.json"
# Maximum distance, in km, between a simplified border and Natural Earth's.
TOLERANCE_KM = 2.0
# Islands smaller than this (km²) are dropped, unless they are all there is of their state.
MIN_ISLAND_KM2 = 60.0
# Everything is cropped to this box of lon, lat (from 45°W 24°N to 80°E 84°N): it covers the
# map's frame with room to spare, and the page clips again to the frame itself.
CROP = Box(-45.0, 24.0, 125.0, 60.0)
DECIMALS = 3

# Natural Earth draws some territories apart; on this map they belong to their state.
# Kosovo has no ISO code: it gets the user-assigned XK, and is drawn as neutral context.
BY_NAME = {
    "N. Cyprus": "CY",
    "Cyprus U.N. Buffer Zone": "CY",
    "Akrotiri": "CY",
    "Dhekelia": "CY",
    "Kosovo": "XK",
    "Baikonur": "KZ",
}
PART_OF = {"AX": "FI", "FO": "DK", "JE": "GB", "GG": "GB", "IM": "GB", "GI": "GB"}
# Natural Earth 4.1 draws Crimea in Russia; the Council of Europe recognises Ukraine's borders.
# A polygon of this state whose points all lie in this box (lon, lat) belongs to that one.
MOVED = {("RU", "UA"): (32.0, 44.0, 36.8, 46.3)}


def decode_arcs(topology):
    """The delta-encoded, quantized arcs → lists of absolute (qx, qy) integer points."""
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        arcs.append(points)
    return arcs


def country_code(geometry):
    name = geometry["properties"]["name"]
    if name in BY_NAME:
        return BY_NAME[name]
    if not geometry.get("id"):
        return None
    code = countries.alpha2(geometry["id"])
    return PART_OF.get(code, code) if code else None


def rings_of(geometry):
    if geometry["type"] == "Polygon":
        return list(geometry["arcs"])
    if geometry["type"] == "MultiPolygon":
        return [ring for polygon in geometry["arcs"] for ring in polygon]
    return []


def perpendicular_distance(point, start, end):
    (x, y), (x1, y1), (x2, y2) = point, start, end
    dx, dy = x2 - x1, y2 - y1
    if dx == dy == 0:
        return math.hypot(x - x1, y - y1)
    return abs(dy * x - dx * y + x2 * y1 - y2 * x1) / math.hypot(dx, dy)


def douglas_peucker(points, tolerance):
    """The indices of the points to keep (always the first and the last)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, distance = None, tolerance
        for i in range(first + 1, last):
            d = perpendicular_distance(points[i], points[first], points[last])
            if d > distance:
                farthest, distance = i, d
        if farthest is not None:
            keep.add(farthest)
            stack += [(first, farthest), (farthest, last)]
    return sorted(keep)


def simplify_arc(points, tolerance):
    projected = [to_svg(*p) for p in points]
    if len(points) > 3 and points[0] == points[-1]:
        # A closed arc (an island, an enclave): split it at its farthest point, and keep the
        # farthest point of each half so that even a tiny island stays a polygon.
        split = max(range(len(points)), key=lambda i: math.dist(projected[0], projected[i]))
        kept = set()
        for first, last in ((0, split), (split, len(points) - 1)):
            half = projected[first : last + 1]
            kept |= {first + i for i in douglas_peucker(half, tolerance)}
            if len(half) > 2:
                kept.add(
                    first
                    + max(
                        range(1, len(half) - 1),
                        key=lambda i, h=half: perpendicular_distance(h[i], h[0], h[-1]),
                    )
                )
        return [points[i] for i in sorted(kept)]
    return [points[i] for i in douglas_peucker(projected, tolerance)]


def oriented(arcs, reference):
    return arcs[reference] if reference >= 0 else arcs[~reference][::-1]


def stitch(references, arcs):
    """Arc references (shared ones already cancelled) → closed rings: (points, arc indices)."""
    starting_at = defaultdict(list)
    for reference in references:
        starting_at[oriented(arcs, reference)[0]].append(reference)
    rings = []
    for reference in references:
        points = oriented(arcs, reference)
        if reference not in starting_at[points[0]]:
            continue
        starting_at[points[0]].remove(reference)
        ring, used = list(points), [reference]
        while ring[-1] != ring[0] and starting_at[ring[-1]]:
            used.append(starting_at[ring[-1]].pop())
            ring += oriented(arcs, used[-1])[1:]
        if ring[-1] == ring[0] and len(ring) >= 4:
            rings.append((ring[:-1], [r if r >= 0 else ~r for r in used]))
    return rings


def shoelace_area(ring):
    projected = [to_svg(*p) for p in ring]
    return (
        abs(
            sum(
                x1 * y2 - x2 * y1
                for (x1, y1), (x2, y2) in zip(projected, projected[1:] + projected[:1], strict=True)
            )
        )
        / 2
    )


def build(source):
    topology = json.loads(Path(source).read_text())
    scale_x, scale_y = topology["transform"]["scale"]
    translate_x, translate_y = topology["transform"]["translate"]
    quantized = decode_arcs(topology)

    def to_lon_lat(point):
        return (point[0] * scale_x + translate_x, point[1] * scale_y + translate_y)

    def inside(ring, box):
        west, south, east, north = box
        return all(
            west <= lon <= east and south <= lat <= north
            for r in ring
            for lon, lat in map(to_lon_lat, quantized[r if r >= 0 else ~r])
        )

    references = defaultdict(list)
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = country_code(geometry)
        if code:
            for ring in rings_of(geometry):
                owner = code
                for (source, target), box in MOVED.items():
                    if code == source and inside(ring, box):
                        owner = target
                references[owner] += ring

    arcs = {}
    borders = Counter()  # how many states use each arc: 1 for a coast, 2 for a border
    for code, refs in references.items():
        used = Counter(r if r >= 0 else ~r for r in refs)
        # The border between two pieces of one state runs both ways: it cancels out.
        references[code] = [r for r in refs if used[r if r >= 0 else ~r] == 1]
        for r in references[code]:
            borders[r if r >= 0 else ~r] += 1
    for index in borders:
        arcs[index] = simplify_arc([to_lon_lat(p) for p in quantized[index]], TOLERANCE_KM)

    output = {}
    for code, refs in sorted(references.items()):
        rings = stitch(refs, arcs)
        if not rings:
            continue
        largest = max((ring for ring, _ in rings), key=shoelace_area)
        kept = []
        for ring, used in rings:
            island = all(borders[index] == 1 for index in used)
            if ring is not largest and island and shoelace_area(ring) < MIN_ISLAND_KM2:
                continue
            clipped = clip_ring(ring, CROP)
            if len(clipped) >= 3:
                kept.append([[round(lon, DECIMALS), round(lat, DECIMALS)] for lon, lat in clipped])
        if kept:
            output[code] = kept
    return output


def main():
    if len(sys.argv) != 2:
        sys.exit(f"usage: python {Path(__file__).name} path/to/world-atlas/countries-10m.json")
    data = {
        "source": "Natural Earth 1:10m Admin 0 countries 4.1.0, via world-atlas 2.0.2",
        "tolerance_km": TOLERANCE_KM,
        "countries": build(sys.argv[1]),
    }
    text = json.dumps(data, separators=(",", ":"))
    OUTPUT.write_text(text + "\n")
    print(f"{OUTPUT}: {len(data['countries'])} countries, {len(text) // 1024} KB")


if __name__ == "__main__":
    main()
