"""The practices a contact person submitted: in their "my data" export, and their address
forgotten on them when staff erase the person's data."""

import json

import pytest

from practices import services as practice_services
from practices.models import Practice
from tests.factories import make_practice

from .conftest import SPACE

pytestmark = pytest.mark.django_db

ADMIN = "/admin/participants/contactperson/"
DRAFT = {
    "title_en": "Housing desk",
    "title_fr": "",
    "summary_en": "A desk that helps families find housing.",
    "original_language": "en",
    "start_year": "2019",
}


@pytest.fixture
def submitted(signed_in, secretariat):
    """A practice the contact person drafted, submitted and staff published."""
    signed_in.post(f"{SPACE}practices/new/", DRAFT)
    practice = Practice.objects.get()
    signed_in.post(f"{SPACE}practices/{practice.pk}/submit/")
    practice_services.publish_practice(practice, secretariat)
    practice.refresh_from_db()
    return practice


def test_my_data_lists_the_practices_one_submitted(signed_in, submitted):
    make_practice(title="Someone else's", submitter_email="someone.else@example.org")

    data = json.loads(signed_in.get(f"{SPACE}my-data/export.json").content)

    (practice,) = data[0]["practices_submitted"]
    assert practice["title"] == "Housing desk"
    assert practice["status"] == "published"
    assert practice["submitted_at"].startswith(submitted.submitted_at.isoformat()[:19])
    assert practice["published_at"] is not None and practice["created_at"] is not None


def test_erasing_a_contact_person_forgets_their_address_on_their_practices(
    staff_client, contact, submitted
):
    other = make_practice(title="Staff's", submitter_email="editor@example.org")

    staff_client.post(
        ADMIN, {"action": "erase_personal_data", "_selected_action": [contact.pk], "post": "yes"}
    )

    submitted.refresh_from_db()
    assert submitted.submitter_email == ""
    assert submitted.title == "Housing desk" and submitted.status == "published"
    assert not Practice.history.filter(submitter_email__iexact=contact.email).exists()
    page = staff_client.get(f"/admin/practices/practice/{submitted.pk}/history/").text
    assert contact.email not in page
    other.refresh_from_db()
    assert other.submitter_email == "editor@example.org"
