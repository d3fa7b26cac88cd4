import pytest

from events.models import Event, ParticipantMessage
from library.models import Document
from members.services import personal_data
from tests.factories import make_document, make_event, make_member, make_registration

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/events/event/",
        "/admin/events/event/add/",
        "/admin/events/registration/",
        "/admin/events/participantmessage/",
        "/admin/events/participantmessage/add/",
        "/admin/library/document/",
        "/admin/library/document/add/",
    ],
)
def test_the_admin_pages_answer(staff_client, path, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = make_event()
    make_registration(event)
    ParticipantMessage.objects.create(event=event, subject="Hello", body="Text")
    make_document(languages=["en", "ro"])

    assert staff_client.get(path).status_code == 200


def test_the_change_pages_answer(staff_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    event = make_event()
    document = make_document(languages=["en"])

    assert staff_client.get(f"/admin/events/event/{event.pk}/change/").status_code == 200
    assert staff_client.get(f"/admin/library/document/{document.pk}/change/").status_code == 200


def test_the_publish_and_cancel_actions_report(staff_client):
    draft = make_event(status=Event.Status.DRAFT)

    response = staff_client.post(
        "/admin/events/event/",
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    draft.refresh_from_db()

    assert draft.status == Event.Status.PUBLISHED
    assert "1 event published" in response.content.decode()
    assert Document.objects.count() == 0


def test_a_members_personal_data_include_its_contacts_registrations():
    member = make_member(contact_email="contact@town.example.org")
    make_registration(make_event(), email="contact@town.example.org", full_name="The contact")

    data = personal_data(member)

    assert [row["full_name"] for row in data["event_registrations"]] == ["The contact"]
