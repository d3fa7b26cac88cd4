"""The filter forms of the lists keep what the visitor chose (includes/_filter_form.html)."""

import pytest

from tests.factories import make_event, make_member, make_practice

pytestmark = pytest.mark.django_db


def test_the_events_filters_keep_the_chosen_kind_and_country(client):
    make_event(country="SI")

    html = client.get("/en/events/?kind=seminar&country=si").content.decode()

    assert '<option value="seminar" selected>Seminar</option>' in html
    assert '<option value="SI" selected>Slovenia</option>' in html
    assert html.count(" selected>") == 2


def test_an_unfiltered_list_marks_no_option_but_its_default_order(client):
    make_member(name="Graz", country="AT")

    events = client.get("/en/events/").content.decode()
    members = client.get("/fr/members/").content.decode()

    assert " selected>" not in events
    assert '<option value="" selected>' in members  # "all countries", "all kinds"
    assert '<option value="name" selected>Nom</option>' in members


def test_the_practices_filters_keep_the_chosen_country(client):
    make_practice(members=[make_member(name="Graz", country="AT")])

    html = client.get("/en/practices/?country=AT").content.decode()

    assert '<option value="AT" selected>' in html
