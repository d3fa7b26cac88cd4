"""The small map of where a member is, drawn from the member map's geometry."""

import re

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from members.map.geometry import FRAME
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def location(member, language="en"):
    with translation.override(language):
        return render_to_string("members/_member_location.html", {"member": member})


def test_the_map_zooms_on_the_member_s_country_with_a_marker_at_its_place():
    member = make_member(name="Mannheim", country="DE", latitude=49.49, longitude=8.47)

    html = location(member)

    assert '<figure class="member-location">' in html
    assert re.search(r'<use class="map-state map-state--3" href="[^"]+#DE"/>', html)
    assert re.search(r'<use class="map-state map-state--out" href="[^"]+#FR"/>', html)
    assert len(re.findall(r"<circle ", html)) == 1
    assert "Where Mannheim is, in Germany" in html
    # The country's zoom, not the whole of Europe.
    assert re.search(r'viewBox="([^"]+)"', html).group(1) != FRAME.view_box


def test_the_french_page_names_the_country_in_french():
    member = make_member(name="Mannheim", country="DE", latitude=49.49, longitude=8.47)

    assert "Allemagne" in location(member, "fr")


def test_a_member_without_a_place_has_no_map():
    member = make_member(latitude=None, longitude=None)

    assert location(member).strip() == ""


def test_the_small_map_is_valid_html(tmp_path):
    from tests.alliance.test_html_validity import JAVA, NU_JAR, nu_errors

    if not JAVA or not NU_JAR.exists():
        pytest.skip("the Nu HTML checker is not installed")
    member = make_member(name="Mannheim", country="DE", latitude=49.49, longitude=8.47)
    page = tmp_path / "location.html"
    page.write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Map</title></head>'
        f"<body><main>{location(member)}</main></body></html>"
    )

    assert nu_errors([page]) == []


def test_a_member_s_page_shows_where_it_is(client):
    member = make_member(name="Mannheim", country="DE", latitude=49.49, longitude=8.47)

    html = client.get(member.get_absolute_url()).content.decode()

    assert '<figure class="member-location">' in html
    assert "Where Mannheim is, in Germany" in html


def test_the_french_map_writes_its_numbers_as_svg_reads_them():
    member = make_member(name="Mannheim", country="DE", latitude=49.49, longitude=8.47)

    html = location(member, "fr")

    circle = re.search(r"<circle [^>]+>", html).group()
    assert "," not in circle  # "-347.7", never "-347,7", which a browser refuses
