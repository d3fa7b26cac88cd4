"""A contact person's digest lists what staff published on the themes and countries they
follow, once, in their language, at their rhythm; none for what they did not choose."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from background.models import OutgoingEmail
from events.models import Event
from library.models import Document
from members.models import Member
from practices import services as practice_services
from practices.models import Practice, Theme
from subscriptions import digests
from subscriptions.models import Subscription
from tests.factories import (
    make_article,
    make_contact_person,
    make_document,
    make_event,
    make_member,
    make_practice,
    make_subscription,
)

pytestmark = pytest.mark.django_db

PARIS = zoneinfo.ZoneInfo("Europe/Paris")


def at(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def test_a_digest_names_a_new_published_practice_in_a_subscribed_theme_and_nothing_else(
    contact, run_digests
):
    make_subscription(contact, themes=["education"])
    first = make_practice(themes=["education"], title="Homework clubs in Košice")
    (digest,) = run_digests()
    assert "Homework clubs in Košice" in digest.body

    new = make_practice(themes=["education"], title="School mediators in Lyon")
    make_practice(themes=["education"], title="A draft on schools", status=Practice.Status.DRAFT)
    make_practice(themes=["housing"], title="Caravan sites in Rennes")
    (digest,) = run_digests()

    assert digest.to == [contact.email]
    assert "School mediators in Lyon" in digest.body
    assert new.get_absolute_url() in digest.body
    assert first.title not in digest.body
    assert "A draft on schools" not in digest.body
    assert "Caravan sites in Rennes" not in digest.body
    assert run_digests() == []


def test_the_digest_links_each_item_to_the_public_site(contact, run_digests, settings):
    settings.SITE_URL = "https://alliance.example.org"
    make_subscription(contact, themes=["education"])
    practice = make_practice(themes=["education"])

    (digest,) = run_digests()

    assert f"https://alliance.example.org/en/practices/{practice.slug}/" in digest.body


def test_the_digest_is_written_in_the_contact_s_language(contact, run_digests):
    contact.language = "fr"
    contact.save()
    make_subscription(contact, themes=["education"])
    practice = make_practice(themes=["education"], title_en="Homework clubs")
    practice.title_fr = "Aide aux devoirs"
    practice.save()
    english_only = make_practice(themes=["education"], title_en="Only in English")
    english_only.title_fr = ""
    english_only.save()

    (digest,) = run_digests()

    assert OutgoingEmail.objects.get().language == "fr"
    assert "Aide aux devoirs" in digest.body
    assert "Homework clubs" not in digest.body
    assert "Only in English" in digest.body
    assert f"/fr/practices/{practice.slug}/" in digest.body
    assert "/fr/participants/subscriptions/unsubscribe/" in digest.body


def test_each_kind_matches_what_it_has(contact, run_digests):
    """Practices and documents by theme or their members' country, events by theme or country,
    articles by country; participants-only and cancelled ones are left out."""
    make_subscription(contact, themes=["housing"], countries=["RO"])
    romanian = make_member(name="Cluj-Napoca", country="RO")
    make_practice(members=[romanian], title="Practice of a Romanian member")
    make_practice(themes=["housing"], title="Practice on housing")
    make_practice(title="Practice elsewhere")
    make_event(country="RO", title="Seminar in Romania")
    housing_event = make_event(country="FR", title="Seminar on housing")
    housing_event.themes.set(Theme.objects.filter(slug="housing"))
    make_event(country="RO", title="Cancelled seminar", status=Event.Status.CANCELLED)
    make_event(country="DE", title="Seminar in Germany")
    make_document(title="Report on housing").themes.set(Theme.objects.filter(slug="housing"))
    make_document(title="Report of a Romanian member").members.add(romanian)
    make_document(title="Report for participants", participants_only=True).members.add(romanian)
    make_document(title="Report elsewhere", status=Document.Status.PUBLISHED)
    make_article(countries=["RO", "HU"], title="News from Romania")
    make_article(countries=["HU"], title="News from Hungary")
    make_article(countries=["RO"], title="News for participants", participants_only=True)

    (digest,) = run_digests()

    for title in (
        "Practice of a Romanian member",
        "Practice on housing",
        "Seminar in Romania",
        "Seminar on housing",
        "Report on housing",
        "Report of a Romanian member",
        "News from Romania",
    ):
        assert title in digest.body
    for title in (
        "Practice elsewhere",
        "Cancelled seminar",
        "Seminar in Germany",
        "Report for participants",
        "Report elsewhere",
        "News from Hungary",
        "News for participants",
    ):
        assert title not in digest.body
    body = digest.body
    assert body.index("Good practices") < body.index("Events") < body.index("Documents")
    assert body.index("Documents") < body.index("News from Romania")


def test_what_was_public_before_the_subscription_was_noted_is_not_sent(contact, run_digests):
    old = make_practice(themes=["education"], title="Known for long")
    run_digests()  # the job notes it, before anyone follows education
    make_subscription(contact, themes=["education"])

    assert run_digests() == []
    make_practice(themes=["education"], title="New one")
    (digest,) = run_digests()
    assert old.title not in digest.body


def test_a_practice_published_through_the_workflow_is_in_the_next_digest(
    contact, run_digests, secretariat
):
    make_subscription(contact, themes=["health"])
    practice = make_practice(
        themes=["health"], title="Health mediators", status=Practice.Status.SUBMITTED
    )
    assert run_digests() == []

    practice_services.publish_practice(practice, secretariat)

    (digest,) = run_digests()
    assert "Health mediators" in digest.body


def test_an_item_unpublished_before_the_digest_is_not_in_it(contact, run_digests):
    make_subscription(contact, themes=["education"], rhythm=Subscription.Rhythm.WEEKLY)
    subscription = contact.subscription
    Subscription.objects.filter(pk=subscription.pk).update(covered_until=at(2026, 11, 3, 10))
    practice = make_practice(themes=["education"], title="Withdrawn soon")
    run_digests(at(2026, 11, 4, 10))  # noted as published on Wednesday
    Practice.objects.filter(pk=practice.pk).update(status=Practice.Status.ARCHIVED)

    assert run_digests(at(2026, 11, 9, 8, 5)) == []


def test_the_weekly_digest_is_sent_on_monday_once(contact, run_digests):
    subscription = make_subscription(
        contact, themes=["education"], rhythm=Subscription.Rhythm.WEEKLY
    )
    Subscription.objects.filter(pk=subscription.pk).update(covered_until=at(2026, 11, 3, 10))
    make_practice(themes=["education"], title="Tuesday's practice")

    assert run_digests(at(2026, 11, 4, 10)) == []  # Wednesday: noted, not sent
    assert run_digests(at(2026, 11, 9, 7, 55)) == []  # Monday, before 8:00
    (digest,) = run_digests(at(2026, 11, 9, 8, 5))
    assert "Tuesday's practice" in digest.body
    assert run_digests(at(2026, 11, 9, 8, 20)) == []
    make_practice(themes=["education"], title="Next week's practice")
    assert run_digests(at(2026, 11, 12, 9)) == []
    (digest,) = run_digests(at(2026, 11, 16, 9))
    assert "Next week's practice" in digest.body and "Tuesday's practice" not in digest.body


def test_the_monthly_digest_is_sent_on_the_first_once(contact, run_digests):
    subscription = make_subscription(
        contact, themes=["education"], rhythm=Subscription.Rhythm.MONTHLY
    )
    Subscription.objects.filter(pk=subscription.pk).update(covered_until=at(2026, 11, 3, 10))
    make_practice(themes=["education"], title="November's practice")

    assert run_digests(at(2026, 11, 9, 10)) == []  # a Monday: not for monthly digests
    assert run_digests(at(2026, 11, 30, 23)) == []
    (digest,) = run_digests(at(2026, 12, 1, 8, 15))
    assert "November's practice" in digest.body
    assert run_digests(at(2026, 12, 1, 9)) == []


def test_a_digest_missed_while_the_worker_was_stopped_is_sent_when_it_runs_again(
    contact, run_digests
):
    subscription = make_subscription(
        contact, themes=["education"], rhythm=Subscription.Rhythm.WEEKLY
    )
    Subscription.objects.filter(pk=subscription.pk).update(covered_until=at(2026, 11, 3, 10))
    make_practice(themes=["education"], title="Published while nobody looked")

    (digest,) = run_digests(at(2026, 11, 11, 15))  # the worker was stopped from Tuesday

    assert "Published while nobody looked" in digest.body


def test_two_runs_at_once_write_the_digest_once(
    contact, run_digests, django_capture_on_commit_callbacks
):
    make_subscription(contact, themes=["education"])
    make_practice(themes=["education"])
    now = timezone.now()
    digests.note_publications(now)
    first, second = Subscription.objects.all(), Subscription.objects.all()
    first, second = first.get(), second.get()

    with django_capture_on_commit_callbacks(execute=True):
        sent = [digests.send_digest(first, now), digests.send_digest(second, now)]

    assert sent == [True, False]
    assert len(mail.outbox) == 1


def test_no_digest_for_a_contact_who_subscribed_to_nothing(contact, other_contact, run_digests):
    make_subscription(other_contact, themes=["education"], rhythm=Subscription.Rhythm.NONE)
    removed = make_contact_person(make_member(country="SK"), email="gone@example.org")
    make_subscription(removed, themes=["education"])
    removed.active = False
    removed.save()
    left = make_contact_person(make_member(status=Member.Status.LEFT), email="left@example.org")
    make_subscription(left, themes=["education"])
    make_practice(themes=["education"], members=[contact.member])

    assert run_digests() == []
    assert not Subscription.objects.filter(contact=contact).exists()


def test_nothing_matched_sends_nothing(contact, run_digests):
    make_subscription(contact, themes=["education"], countries=["SK"])
    make_practice(themes=["housing"])
    make_article(countries=["FR"])

    assert run_digests() == []
