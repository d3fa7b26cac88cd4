"""The projection: ETRS89 Lambert azimuthal equal-area (EPSG:3035), the European Union's own
projection for statistical maps: areas are true, so a shaded country looks as big as it is.

The SVG's user unit is the kilometre, x eastwards and y southwards (SVG's y axis points down).
"""

import math

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
