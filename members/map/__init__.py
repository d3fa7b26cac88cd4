"""The member map: Europe drawn by the portal itself, as inline SVG, with no tile server.

Three layers, from the most static to the most dynamic:

- ``projection.py``, ``project(lon, lat)``: ETRS89 Lambert azimuthal equal-area (EPSG:3035),
  the European Union's own projection for statistical maps: areas are true, so a shaded
  country looks as big as it is;
- ``geometry.py``, ``path_data(rings)``: rings of (lon, lat) in, SVG path data out, clipped to
  the frame of the map; the country layer built from ``members/geodata/`` is computed once
  per process (``country_layer()``);
- ``drawing.py``, ``render_member_map(members, country=None)``: the shading of each state by
  its number of members, the markers and the legend, computed per request in one pass over
  the members;
- ``layers.py``, ``register_layer(key, build)``: places other apps add over the members
  (upcoming events), each a link in a shape of its own.

The SVG's user unit is the kilometre, x eastwards and y southwards (SVG's y axis points down).
"""

from .drawing import (
    MARKER_LIMIT,
    MIN_ZOOM_WIDTH,
    map_queryset,
    preview_map,
    render_member_map,
    shading_class,
)
from .geometry import FRAME, Box, clip_ring, contains, country_layer, path_data
from .layers import Layer, Place, map_layers, register_layer
from .outlines import OUTLINES_FILE
from .projection import FALSE_EASTING, FALSE_NORTHING, project, to_svg

__all__ = [
    "FALSE_EASTING",
    "FALSE_NORTHING",
    "FRAME",
    "MARKER_LIMIT",
    "MIN_ZOOM_WIDTH",
    "OUTLINES_FILE",
    "Box",
    "Layer",
    "Place",
    "clip_ring",
    "contains",
    "country_layer",
    "map_layers",
    "map_queryset",
    "path_data",
    "preview_map",
    "project",
    "register_layer",
    "render_member_map",
    "shading_class",
    "to_svg",
]
