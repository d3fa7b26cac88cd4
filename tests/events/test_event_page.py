import datetime
import time
import zoneinfo

import pytest

from events.models import Event
from tests.factories import make_article, make_event, make_member

pytestmark = pytest.mark.django_db


def test_the_page_shows_the_times_in_the_events_time_zone(client):
    starts = datetime.datetime(2030, 9, 12, 9, 30, tzinfo=zoneinfo.ZoneInfo("Europe/Ljubljana"))
    event = make_event(
        title="Housing conference",
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=8),
        time_zone="Europe/Ljubljana",
        city="Radenci",
        country="SI",
        programme_en="## Morning\n\n<script>alert(1)</script>Welcome",
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "12 September 2030, 09:30" in html
    assert "Europe/Ljubljana time" in html
    assert "Radenci" in html and "Slovenia" in html
    assert "<h2>Morning</h2>" in html
    assert "<script>alert(1)" not in html


def test_a_cancelled_event_stays_visible_and_says_so(client):
    event = make_event(status=Event.Status.CANCELLED)

    response = client.get(event.get_absolute_url())

    assert response.status_code == 200
    assert "This event has been cancelled." in response.content.decode()


def test_a_draft_answers_404_to_the_public_and_is_a_preview_for_staff(client, staff_client):
    event = make_event(status=Event.Status.DRAFT)

    assert client.get(event.get_absolute_url()).status_code == 404
    response = staff_client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: not published" in response.content.decode()


def test_only_public_members_and_published_news_are_linked(client):
    event = make_event()
    shown = make_member(name="Shown Town")
    hidden = make_member(name="Pending Town", status="pending")
    event.organisers.add(shown, hidden)
    event.articles.add(
        make_article(title="Live news"), make_article(title="Draft news", status="draft")
    )

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Shown Town" in html and "Pending Town" not in html
    assert "Live news" in html and "Draft news" not in html


def test_the_french_page_falls_back_to_english_and_marks_it(client):
    event = make_event(title="Only English", programme_en="Programme text")

    html = client.get(f"/fr/events/{event.slug}/").content.decode()

    assert 'lang="en">Only English</h1>' in html
    assert '<div class="prose" lang="en">' in html


def test_the_events_file_lists_published_and_cancelled_events_only(client):
    make_event(title="Public")
    make_event(title="=Cancelled", status=Event.Status.CANCELLED)
    make_event(title="Draft", status=Event.Status.DRAFT)

    content = b"".join(client.get("/data/events.csv").streaming_content).decode()

    assert "Public" in content
    assert "'=Cancelled" in content
    assert "Draft" not in content


def test_the_sitemap_lists_public_events_only(client):
    public = make_event()
    draft = make_event(status=Event.Status.DRAFT)

    xml = client.get("/sitemap.xml").content.decode()

    assert f"/en/events/{public.slug}/" in xml
    assert f"/events/{draft.slug}/" not in xml


def test_cancelling_renews_the_cached_page(client, public_cache):
    from events.services import cancel_events

    event = make_event()
    assert "has been cancelled" not in client.get(event.get_absolute_url()).content.decode()

    cancel_events(Event.objects.filter(pk=event.pk))

    assert "has been cancelled" in client.get(event.get_absolute_url()).content.decode()


@pytest.mark.parametrize("count", [2, 40])
def test_the_page_takes_a_constant_number_of_queries(client, django_assert_max_num_queries, count):
    event = make_event(registration_open=True)
    event.organisers.add(*(make_member() for _ in range(count)))
    event.partners.add(*(make_member() for _ in range(count)))
    event.articles.add(*(make_article() for _ in range(count)))

    with django_assert_max_num_queries(8):
        response = client.get(event.get_absolute_url())

    assert response.status_code == 200


def test_the_register_button_goes_when_the_event_starts_with_the_page_cache_on(
    client, public_cache
):
    event = make_event(registration_open=True, starts_in=datetime.timedelta(seconds=2))
    assert ">Register</a>" in client.get(event.get_absolute_url()).content.decode()

    time.sleep(2.1)  # nothing is saved: only the declared schedule can renew the cached page

    assert ">Register</a>" not in client.get(event.get_absolute_url()).content.decode()


def test_an_event_page_links_its_published_practices_only(client):
    from practices.models import Practice
    from tests.factories import make_practice

    event = make_event(title="Radenci housing conference")
    shown = make_practice(title="Resettlement and housing in Turin")
    draft = make_practice(title="Housing desk draft", status=Practice.Status.DRAFT)
    event.practices.set([shown, draft])

    page = client.get(event.get_absolute_url()).content.decode()

    assert "Related good practices" in page
    assert shown.get_absolute_url() in page
    assert "Housing desk draft" not in page
