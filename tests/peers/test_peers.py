"""Peers like you: the members a contact person's authority could learn from, with what they
did, from approved members and published practices only, never the authority itself."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import Member
from practices.models import Practice, Theme
from tests.factories import make_contact_person, make_member, make_practice

from .conftest import PEERS, sign_in

pytestmark = pytest.mark.django_db


def names_listed(response):
    return re.findall(
        r'<h2 class="h5 mb-1" id="peer-\d+"><a href="[^"]+">([^<]+)</a>', response.text
    )


@pytest.fixture
def peers_world(kosice, sender):
    """Košice (a Slovak city of 230,000) drafts a practice on education; its contact person is
    interested in housing."""
    sender.themes.set([Theme.objects.get(slug="housing")])
    make_practice(
        title="Kosice own draft",
        themes=["education"],
        members=[kosice],
        status=Practice.Status.DRAFT,
    )
    bratislava = make_member(name="Bratislava", country="SK", population=475000)
    make_contact_person(bratislava, email="someone@bratislava.example.sk")
    make_practice(title="Bratislava housing desk", themes=["housing"], members=[bratislava])
    lyon = make_member(name="Lyon", country="FR", population=520000)
    make_practice(title="Lyon school mediators", themes=["education"], members=[lyon])
    make_practice(title="Lyon health buses", themes=["health"], members=[lyon])
    make_practice(
        title="Lyon draft plan", themes=["education"], members=[lyon], status=Practice.Status.DRAFT
    )
    brno = make_member(name="Brno", country="CZ", population=380000)
    make_practice(title="Brno health mediators", themes=["health"], members=[brno])
    make_member(name="Prešov", country="SK", population=85000)
    # Never suggested:
    region = make_member(
        name="Moravia Region", country="CZ", kind=Member.Kind.REGION, population=300000
    )
    make_practice(title="Moravian jobs", themes=["employment"], members=[region])
    gdansk = make_member(name="Gdańsk", country="PL", population=470000)
    make_practice(
        title="Gdańsk draft on schools",
        themes=["education"],
        members=[gdansk],
        status=Practice.Status.DRAFT,
    )
    make_member(name="Nitra", country="SK", status=Member.Status.PENDING)
    make_member(name="Trnava", country="SK", status=Member.Status.LEFT)
    return kosice


def test_the_page_suggests_members_alike_with_what_they_did(client, peers_world, sender):
    response = sign_in(client, sender).get(PEERS)

    assert response.status_code == 200
    # Alike in two ways first, then on the themes, then the others by name.
    assert names_listed(response) == ["Bratislava", "Lyon", "Brno", "Prešov"]
    text = response.text
    assert "Bratislava housing desk" in text and "Same themes: Housing · Same country" in text
    assert "Lyon school mediators" in text and "Lyon health buses" in text
    assert text.index("Lyon school mediators") < text.index("Lyon health buses")
    assert "Brno health mediators" in text and "Similar size" in text
    assert "No practice published yet." in text
    for absent in ("Moravia", "Gdańsk", "Nitra", "Trnava", "Kosice own draft", "Lyon draft plan"):
        assert absent not in text.split("<h1>", 1)[1]
    assert 'href="/en/practices/' in text


def test_the_page_never_suggests_the_member_itself(client, peers_world, sender):
    response = sign_in(client, sender).get(PEERS)

    assert "Košice" not in names_listed(response)


def test_write_to_them_leads_to_the_form_for_members_a_message_can_reach(
    client, peers_world, sender
):
    response = sign_in(client, sender).get(PEERS)

    bratislava = Member.objects.get(name="Bratislava")
    assert f'href="{PEERS}members/{bratislava.slug}/write/"' in response.text
    # Lyon has no contact person in the space: nothing to write to.
    assert response.text.count("Write to them") == 1
    form = client.get(f"{PEERS}members/{bratislava.slug}/write/")
    assert form.status_code == 200 and "<textarea" in form.text


def test_the_space_s_navigation_marks_the_page(client, sender):
    response = sign_in(client, sender).get(PEERS)

    assert re.search(
        r'href="/en/participants/peers/" aria-current="page">Peers like you<', response.text
    )


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client):
    response = client.get(PEERS)

    assert response.status_code == 302
    assert response["Location"] == "/en/participants/?next=%2Fen%2Fparticipants%2Fpeers%2F"


def add_peers(count, start):
    for n in range(start, start + count):
        member = make_member(name=f"Peer town {n}", country="SK", population=200000)
        make_contact_person(member, email=f"officer@peer{n}.example.sk")
        for theme in ("housing", "education"):
            make_practice(themes=[theme, "health"], members=[member])


def queries_of(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PEERS)
    assert response.status_code == 200
    return len(queries)


def test_the_page_s_queries_do_not_grow_with_the_members(client, peers_world, sender):
    sign_in(client, sender)
    add_peers(2, 0)
    few = queries_of(client)
    add_peers(25, 2)
    many = queries_of(client)

    assert few == many
    assert many <= 12
