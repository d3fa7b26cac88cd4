"""The countries' outlines as one static file, static/map/outlines.svg, that every map refers
to with <use href="…outlines.svg#DE">.

Drawn into each page, the outlines were 83 KB of every map and country page (two thirds of
the largest), rendered, sent and compressed anew each time though they never change. As a
static file (hashed name, cached for a year by WhiteNoise) a browser reads them once for all
the maps, and a page only says how each country is shaded. `manage.py draw_map_outlines`
writes the file again after a change of members/geodata/; a test checks it is current.

Each country is a <path> whose id is its code. The file sets only what `<use>` cannot pass on
by inheritance (`vector-effect`): fill and stroke come from the classes of the <use> elements
(static/css/map.css), so one drawing serves every shading.
"""

from functools import cache
from pathlib import Path

from django.conf import settings

from .geometry import country_layer

# Under STATICFILES_DIRS[0] (static/), as the {% static %} tag names it.
OUTLINES_FILE = "map/outlines.svg"


def outlines_document():
    """The file's text: a <path id="XX"> per country of the map, in the order of their codes."""
    paths = "".join(
        f'<path id="{code}" vector-effect="non-scaling-stroke" d="{shape.path}"/>\n'
        for code, shape in sorted(country_layer().items())
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg">\n'
        "<!-- The countries of the member map, drawn by members/map (manage.py"
        " draw_map_outlines) from members/geodata/. -->\n"
        f"<defs>\n{paths}</defs>\n</svg>\n"
    )


def outlines_path():
    return Path(settings.BASE_DIR) / "static" / OUTLINES_FILE


@cache
def context_codes():
    """The countries of the map outside the Council of Europe, drawn in a neutral grey."""
    member_states = set(settings.COUNCIL_OF_EUROPE_STATES)
    return [code for code in sorted(country_layer()) if code not in member_states]
