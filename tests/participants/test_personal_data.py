"""What is held about a contact person: their export, their request to be removed, and staff's
invitation, export and erasure in the admin."""

import json

import pytest
from django.core import mail

from members import services as member_services
from participants.models import ContactPerson

from .conftest import SPACE

pytestmark = pytest.mark.django_db

ADMIN = "/admin/participants/contactperson/"


def test_a_contact_person_downloads_what_is_held_about_them(signed_in, contact):
    response = signed_in.get(f"{SPACE}my-data/export.json")

    data = json.loads(response.content)
    assert response["Content-Disposition"].startswith("attachment;")
    assert data[0]["contact_person"]["email"] == contact.email
    assert data[0]["account"]["email"] == contact.email


def test_asking_to_be_removed_tells_the_secretariat(
    signed_in, contact, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        signed_in.post(f"{SPACE}my-data/")
        signed_in.post(f"{SPACE}my-data/")

    contact.refresh_from_db()
    assert contact.removal_requested_at is not None
    (message,) = mail.outbox
    assert message.to == ["secretariat@example.org"]
    assert f"/admin/participants/contactperson/{contact.pk}/change/" in message.body


def test_staff_erase_a_contact_person_and_their_account(staff_client, signed_in, contact):
    user = ContactPerson.objects.get().user
    staff_client.post(
        ADMIN, {"action": "erase_personal_data", "_selected_action": [contact.pk], "post": "yes"}
    )

    assert not ContactPerson.objects.exists()
    assert not ContactPerson.history.filter(id=contact.pk).exists()
    assert not type(user).objects.filter(pk=user.pk).exists()
    assert signed_in.get(f"{SPACE}profile/").status_code == 302


def test_the_members_export_holds_its_contact_persons(contact):
    data = member_services.personal_data(contact.member)
    assert [row["email"] for row in data["contact persons"]] == [contact.email]


def test_staff_send_an_invitation_from_the_list_or_the_page(
    staff_client, contact, django_capture_on_commit_callbacks
):
    page = staff_client.get(f"{ADMIN}{contact.pk}/change/").content.decode()
    assert "Send an invitation" in page

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(ADMIN, {"action": "send_invitation", "_selected_action": [contact.pk]})

    (message,) = mail.outbox
    assert message.to == [contact.email]
    assert "/en/participants/" in message.body
    contact.refresh_from_db()
    assert contact.invited_at is not None
    assert contact.history.first().history_change_reason == "invited"


def test_no_invitation_for_a_removed_contact(
    staff_client, contact, django_capture_on_commit_callbacks
):
    ContactPerson.objects.filter(pk=contact.pk).update(active=False)
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(ADMIN, {"action": "send_invitation", "_selected_action": [contact.pk]})
    assert mail.outbox == []


def test_the_members_page_lists_its_contact_persons(staff_client, contact):
    page = staff_client.get(f"/admin/members/member/{contact.member.pk}/change/").content.decode()
    assert contact.email in page
