"""A member's page: its population grouped as the language writes numbers, and the events it
hosts or joins."""

import pytest

from events.models import Event
from members.models import Member
from tests.factories import make_event, make_member, make_practice, make_signature

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "population"), [("en", "108,000"), ("fr", "108\u202f000")])
def test_a_member_s_population_is_grouped(client, language, population):
    member = make_member(name="Szeged", country="HU", population=108000)

    html = client.get(f"/{language}/members/{member.slug}/").content.decode()

    assert f'<dd class="col-sm-9">{population}</dd>' in html


@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "page-cache"])
def test_a_member_s_page_lists_the_events_it_hosts_or_joins(client, settings, cached):
    if cached:
        settings.PAGE_CACHE_SECONDS = 60
        settings.PAGE_MAX_AGE = 60
    member = make_member(name="Hódmezővásárhely", country="HU")
    hosted = make_event(title_en="Housing forum in Szeged")
    hosted.organisers.add(member)
    joined = make_event(title_en="Mediators' seminar in Pécs")
    joined.partners.add(member)
    draft = make_event(title_en="A meeting not yet announced", status=Event.Status.DRAFT)
    draft.organisers.add(member)
    make_event(title_en="Someone else's conference")

    html = client.get(f"/en/members/{member.slug}/").content.decode()

    assert "Housing forum in Szeged" in html
    assert "Mediators&#x27; seminar in Pécs" in html
    assert "A meeting not yet announced" not in html
    assert "Someone else&#x27;s conference" not in html


def test_a_member_s_page_reads_nothing_again_until_the_data_change(
    client, settings, django_assert_num_queries
):
    settings.COUNTER_CACHE_SECONDS = 600  # kept until the data change, as by default
    member = make_member(name="Hódmezővásárhely", country="HU")
    url = f"/en/members/{member.slug}/"
    client.get(url)

    with django_assert_num_queries(0):
        client.get(url)

    make_signature(full_name="Éva Lakatos", country="HU", member=member)
    make_practice(title_en="Roma mediators in the town hall", members=[member])
    hosted = make_event(title_en="Housing forum in Szeged")
    hosted.organisers.add(member)
    html = client.get(url).content.decode()
    assert "Éva Lakatos" in html
    assert "Roma mediators in the town hall" in html
    assert "Housing forum in Szeged" in html

    member.status = Member.Status.LEFT
    member.save()
    assert client.get(url).status_code == 404
