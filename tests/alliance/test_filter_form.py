"""Every public list's filters are one form (templates/includes/_filter_form.html): a value
that does not exist is said beside its field (and ignored: each list's own tests)."""

import pytest

from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("/en/events/?kind=picnic", "kind"),
        ("/en/library/?type=poem", "type"),
        ("/en/members/?kind=village", "kind"),
        ("/en/members/map/?kind=village", "kind"),
        ("/en/news/?kind=poem", "kind"),
        ("/en/practices/?year=1066", "year"),
    ],
)
def test_an_unknown_filter_value_is_said_beside_its_field(client, url, name):
    response = client.get(url)
    html = response.content.decode()

    assert response.status_code == 200
    assert f'id="id_{name}" name="{name}" aria-invalid="true"' in html
    assert f'<p class="invalid-feedback d-block" id="id_{name}-error">' in html


def test_a_filter_in_use_offers_the_way_back_to_the_whole_list(client):
    make_event(title="Roma Week", country="SI")

    filtered = client.get("/en/events/?country=si").content.decode()
    whole = client.get("/en/events/").content.decode()

    assert '<a class="btn btn-link" href="/en/events/">Show all events</a>' in filtered
    assert "Show all events" not in whole
