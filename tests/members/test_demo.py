import re

import pytest
from django.core.management import call_command

from members.models import Member

pytestmark = pytest.mark.django_db


def visible(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_demo_home_reads_130_cities_and_regions_from_29_countries(client):
    call_command("load_demo")

    assert "130 cities and regions from 29 countries" in visible(client.get("/en/"))
    assert "130 cities and regions from 29 countries" in visible(client.get("/en/members/"))


def test_demo_members_are_real_places_with_coordinates_and_invented_profiles():
    call_command("load_demo")
    approved = Member.objects.approved()

    assert not approved.filter(latitude__isnull=True).exists()
    assert approved.filter(kind=Member.Kind.REGION).count() >= 5
    lodz = approved.get(slug="lodz")
    assert lodz.latitude == pytest.approx(51.77, abs=0.01)
    assert lodz.description_en.startswith("Łódź, a city in Poland, takes part in the Alliance")
    assert lodz.description_fr.startswith("Łódź (ville, Pologne) participe à l’Alliance")
    assert not approved.exclude(contact_email__endswith="@example.org").exists()


def test_demo_adds_a_few_pending_requests_that_stay_off_the_public_pages(client):
    call_command("load_demo")

    pending = Member.objects.pending()
    assert 1 <= pending.count() <= 10
    for member in pending:
        assert client.get(f"/en/members/{member.slug}/").status_code == 404


def test_loading_the_demo_twice_keeps_the_same_members():
    call_command("load_demo")
    first = list(Member.objects.order_by("slug").values_list("slug", "status", "joined_on"))

    call_command("load_demo")

    assert list(Member.objects.order_by("slug").values_list("slug", "status", "joined_on")) == first
