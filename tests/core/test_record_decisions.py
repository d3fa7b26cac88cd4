"""Each workflow's decisions are buttons on the record's own page, running the list's action
(the same service), then back to the queue or on to the next record waiting."""

import pytest

from contact.models import ContactMessage
from cooperation.models import Proposal
from events.models import Event
from practices.models import Practice
from tests.cooperation.test_cooperate import make_proposal
from tests.factories import make_event, make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def boss(admin_client):
    return admin_client


def decide(client, changelist, obj, action, then="queue", **extra):
    return client.post(
        changelist, {"action": action, "_selected_action": [obj.pk], "then": then, **extra}
    )


def test_a_submitted_practice_is_published_from_its_page_then_the_next_opens(boss):
    first, second = (make_practice(status=Practice.Status.SUBMITTED) for _ in range(2))
    url = "/admin/practices/practice/"
    page = boss.get(f"{url}{first.pk}/change/").content.decode()
    assert 'value="publish_selected"' in page and "Publish, then the next" in page
    assert 'value="return_selected"' in page

    response = decide(boss, url, first, "publish_selected", then="next")

    first.refresh_from_db()
    assert first.status == Practice.Status.PUBLISHED
    assert response.url == f"{url}{second.pk}/change/"


def test_a_published_practice_offers_only_to_archive(boss):
    practice = make_practice()

    page = boss.get(f"/admin/practices/practice/{practice.pk}/change/").content.decode()

    assert 'value="archive_selected"' in page
    assert 'value="publish_selected"' not in page


def test_a_practice_returned_from_its_page_asks_for_the_comment_then_goes_back_to_the_queue(
    boss, mailoutbox
):
    practice = make_practice(status=Practice.Status.SUBMITTED, submitter_email="a@example.org")
    url = "/admin/practices/practice/"

    confirmation = decide(boss, url, practice, "return_selected")
    assert 'name="then" value="queue"' in confirmation.content.decode()
    response = decide(boss, url, practice, "return_selected", post="yes", comment="Add figures.")

    practice.refresh_from_db()
    assert practice.status == Practice.Status.RETURNED
    assert response.url == url


def test_a_proposal_is_accepted_from_its_page(boss):
    proposal = make_proposal()
    url = "/admin/cooperation/proposal/"
    page = boss.get(f"{url}{proposal.pk}/change/").content.decode()
    assert 'value="accept_selected"' in page and 'value="decline_selected"' in page

    response = decide(boss, url, proposal, "accept_selected")

    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert response.url == url
    assert 'value="accept_selected"' not in boss.get(f"{url}{proposal.pk}/change/").content.decode()


def test_an_event_is_published_then_cancelled_from_its_page(boss):
    event = make_event(status=Event.Status.DRAFT)
    url = "/admin/events/event/"
    assert 'value="publish"' in boss.get(f"{url}{event.pk}/change/").content.decode()

    decide(boss, url, event, "publish")
    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED
    assert 'value="cancel"' in boss.get(f"{url}{event.pk}/change/").content.decode()

    decide(boss, url, event, "cancel")
    event.refresh_from_db()
    assert event.status == Event.Status.CANCELLED


def test_a_contact_message_is_marked_handled_from_its_page_then_the_next_opens(boss):
    first, second = (
        ContactMessage.objects.create(name=name, email="x@example.org", message="Hello")
        for name in ("Jana", "Petra")
    )
    url = "/admin/contact/contactmessage/"
    assert "Mark as handled, then the next" in boss.get(f"{url}{first.pk}/change/").content.decode()

    response = decide(boss, url, first, "mark_handled", then="next")

    first.refresh_from_db()
    assert first.is_handled
    assert response.url == f"{url}{second.pk}/change/"
