"""The countries' outlines are one static file every map refers to (members/map/outlines.py),
not path data repeated in every map and country page."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from members.map import country_layer
from members.map.outlines import OUTLINES_FILE, outlines_document
from tests.factories import make_article, make_member

SVG = "{http://www.w3.org/2000/svg}"


def map_of(html):
    return ET.fromstring(re.search(r'<svg\b[^>]*class="member-map__svg".*?</svg>', html, re.S)[0])


def test_the_static_file_is_the_one_the_geodata_draws():
    # After a change of members/geodata/, `manage.py draw_map_outlines` writes it again.
    with open(finders.find(OUTLINES_FILE), encoding="utf-8") as file:
        assert file.read() == outlines_document()


def test_the_file_holds_every_country_of_the_map_by_its_code():
    outlines = ET.fromstring(outlines_document())
    paths = {path.get("id"): path for path in outlines.iter(f"{SVG}path")}

    assert set(paths) == set(country_layer())
    assert set(settings.COUNCIL_OF_EUROPE_STATES) <= set(paths)
    assert paths["FR"].get("d") == country_layer()["FR"].path
    # A stroke as thin at every zoom: `<use>` cannot pass that on, the file says it.
    assert {path.get("vector-effect") for path in paths.values()} == {"non-scaling-stroke"}


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/en/members/map/", "/fr/countries/fr/", "/en/countries/fr/"])
def test_maps_refer_to_the_file_instead_of_carrying_the_outlines(client, url):
    make_member(country="FR", latitude=48.58, longitude=7.75)
    response = client.get(url, follow=True)
    assert response.status_code == 200
    svg = map_of(response.content.decode())

    land = svg.find(f"{SVG}g[@class='map-land']")
    assert land.findall(f".//{SVG}path") == []
    uses = {use.get("href").rsplit("#", 1)[1]: use for use in land.iter(f"{SVG}use")}
    assert set(uses) == set(country_layer())
    assert {use.get("href").rsplit("#", 1)[0] for use in uses.values()} == {
        f"/static/{OUTLINES_FILE}"
    }
    assert uses["FR"].get("class") == "map-state map-state--1"
    assert uses["RU"].get("class") is None  # not a member state: in the grey context group
    # 83 KB of outlines, in the page before: now a few kilobytes of references.
    assert len(ET.tostring(land)) < 12_000


@pytest.mark.django_db
def test_a_country_page_s_cards_draw_the_country_from_the_file(client):
    for number in range(3):
        make_article(title=f"Housing in Szeged {number}", countries=["HU"], image="")

    html = client.get("/en/countries/hu/").content.decode()

    outlines = re.findall(r'<svg class="picture__outline"[^>]*>(.*?)</svg>', html)
    assert outlines == [f'<use href="/static/{OUTLINES_FILE}#HU"/>'] * 3
