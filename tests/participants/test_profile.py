"""A contact person proposes changes to the public profile; staff see the difference and
approve (the public page changes, history, e-mail) or reject with a reason."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from members.models import Member
from participants import services
from participants.models import ContactPerson, ProfileChangeRequest

from .conftest import SPACE

pytestmark = pytest.mark.django_db

ADMIN = "/admin/participants/profilechangerequest/"


def png(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(buffer, format="PNG")
    return SimpleUploadedFile("logo.png", buffer.getvalue(), content_type="image/png")


def propose(client, **fields):
    """Post the form as a browser does: every field as shown (the profile now), some changed."""
    member = Member.objects.get(contact_persons__email=ContactPerson.objects.get().email)
    shown = {name: getattr(member, name) for name in ProfileChangeRequest.FIELDS}
    data = {name: "" if value is None else value for name, value in shown.items()}
    data = {name: value for name, value in data.items() if value is not False}
    return client.post(f"{SPACE}profile/edit/", {**data, **fields})


def test_a_proposed_change_waits_for_staff_and_the_public_page_is_unchanged(
    signed_in, client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = propose(signed_in, description_fr="Une ville de Slovaquie orientale.")

    change = ProfileChangeRequest.objects.get()
    assert response.status_code == 302
    assert change.status == ProfileChangeRequest.Status.PENDING
    assert change.changes == {"description_fr": "Une ville de Slovaquie orientale."}
    assert [m.to for m in mail.outbox if "Profile changes proposed" in m.subject] == [
        ["secretariat@example.org"]
    ]
    member.refresh_from_db()
    assert not member.description_fr
    page = signed_in.get(response["Location"]).content.decode()
    assert "Une ville de Slovaquie orientale." in page and "pending" in page


def test_the_form_starts_from_the_profile_and_sends_only_what_changed(signed_in, member):
    page = signed_in.get(f"{SPACE}profile/edit/").content.decode()
    assert "A city in eastern Slovakia." in page

    propose(
        signed_in,
        description_en="A city in eastern Slovakia.",
        website="kosice.sk",
        programmes="ROMACT\nROMED2",
    )

    assert ProfileChangeRequest.objects.get().changes == {
        "website": "https://kosice.sk",
        "programmes": "ROMACT\nROMED2",
    }


def test_nothing_changed_is_refused(signed_in, member):
    response = propose(signed_in, description_en=member.description)

    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
    assert not ProfileChangeRequest.objects.exists()


def test_a_refused_form_keeps_what_was_typed(signed_in):
    response = propose(
        signed_in,
        description_fr="Texte gardé",
        public_contact_email="roma@kosice.sk",
        population="-5",
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Texte gardé" in page and 'value="roma@kosice.sk"' in page
    assert "Tick this box to show the contact point" in page
    assert not ProfileChangeRequest.objects.exists()


def test_a_file_that_is_not_an_image_is_refused_whatever_its_name(signed_in):
    fake = SimpleUploadedFile("logo.png", b"MZ\x90\x00" + b"\x00" * 200, content_type="image/png")
    response = propose(signed_in, logo=fake, national_network="Kept network")

    assert response.status_code == 400
    assert "Kept network" in response.content.decode()
    assert not ProfileChangeRequest.objects.exists()


def test_a_logo_is_resized_and_published_on_approval(signed_in, member, secretariat, client):
    propose(signed_in, logo=png(1600, 800))
    change = ProfileChangeRequest.objects.get()
    with Image.open(change.logo) as image:
        assert image.size == (400, 200)

    services.approve_change_request(change, secretariat)

    member.refresh_from_db()
    assert member.logo
    assert member.logo.url in client.get(member.get_absolute_url()).content.decode()


def test_staff_see_the_difference_before_and_after(staff_client, contact, member):
    change = services.propose_changes(
        contact, {"description_fr": "Nouvelle description", "website": "https://kosice.sk"}
    )

    page = staff_client.get(f"{ADMIN}{change.pk}/change/").content.decode()

    assert "Nouvelle description" in page and "https://kosice.sk" in page
    assert "Approve and publish" in page and "Reject…" in page
    assert "now on the public page" in page


def test_approval_publishes_in_french_records_history_and_tells_the_contact(
    staff_client, client, contact, member, secretariat, django_capture_on_commit_callbacks
):
    change = services.propose_changes(contact, {"description_fr": "Ville de Slovaquie."})
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            ADMIN, {"action": "approve_selected", "_selected_action": [change.pk]}
        )
        staff_client.post(ADMIN, {"action": "approve_selected", "_selected_action": [change.pk]})

    assert response.status_code == 302
    change.refresh_from_db()
    assert change.status == ProfileChangeRequest.Status.APPROVED
    assert change.decided_by == secretariat
    member.refresh_from_db()
    assert member.description_fr == "Ville de Slovaquie."
    assert "Ville de Slovaquie." in client.get(f"/fr/members/{member.slug}/").content.decode()
    assert member.history.first().history_change_reason == "profile changes approved"
    assert member.history.first().history_user == secretariat
    assert [m.to for m in mail.outbox] == [[contact.email]]
    assert "approved and published" in mail.outbox[0].body


def test_approval_shows_at_once_with_the_page_cache_on(
    public_cache, client, contact, member, secretariat
):
    url = f"/fr/members/{member.slug}/"
    assert "Ville de Slovaquie." not in client.get(url).content.decode()
    change = services.propose_changes(contact, {"description_fr": "Ville de Slovaquie."})
    assert "Ville de Slovaquie." not in client.get(url).content.decode()

    services.approve_change_request(change, secretariat)

    assert "Ville de Slovaquie." in client.get(url).content.decode()


def test_rejection_asks_for_a_reason_and_tells_the_contact(
    staff_client, contact, member, django_capture_on_commit_callbacks
):
    change = services.propose_changes(contact, {"website": "https://spam.example"})
    mail.outbox.clear()

    asked = staff_client.post(ADMIN, {"action": "reject_selected", "_selected_action": [change.pk]})
    empty = staff_client.post(
        ADMIN,
        {"action": "reject_selected", "_selected_action": [change.pk], "post": "yes", "reason": ""},
    )
    assert asked.status_code == empty.status_code == 200
    assert "Reject and send the e-mails" in asked.content.decode()
    change.refresh_from_db()
    assert change.status == ProfileChangeRequest.Status.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(
            ADMIN,
            {
                "action": "reject_selected",
                "_selected_action": [change.pk],
                "post": "yes",
                "reason": "This is not the authority’s site.",
            },
        )

    change.refresh_from_db()
    member.refresh_from_db()
    assert change.status == ProfileChangeRequest.Status.REJECTED
    assert member.website == ""
    (message,) = mail.outbox
    assert message.to == [contact.email]
    assert "This is not the authority’s site." in message.body


def test_the_public_profile_shows_the_new_fields(client, member):
    Member.objects.filter(pk=member.pk).update(
        public_contact_role="Roma inclusion office",
        public_contact_email="roma@kosice.sk",
        public_contact_consent=True,
        action_plan_url="https://kosice.sk/plan",
        national_network="Slovak network of towns",
        programmes="ROMACT\nROMED2",
        population=228000,
    )

    page = client.get(member.get_absolute_url()).content.decode()

    for text in ("roma@kosice.sk", "https://kosice.sk/plan", "Slovak network of towns", "ROMED2"):
        assert text in page


def test_a_public_contact_point_without_consent_is_not_shown(client, member):
    Member.objects.filter(pk=member.pk).update(
        public_contact_email="roma@kosice.sk", public_contact_consent=False
    )
    assert "roma@kosice.sk" not in client.get(member.get_absolute_url()).content.decode()


def test_the_admin_home_counts_the_changes_waiting(staff_client, contact):
    services.propose_changes(contact, {"website": "https://kosice.sk"})

    page = staff_client.get("/admin/").content.decode()

    assert "Profile changes waiting for a decision" in page


def test_a_member_has_at_most_three_change_requests_waiting_and_the_form_keeps_the_fourth(
    signed_in, member, django_capture_on_commit_callbacks
):
    for n in range(services.MAX_PENDING_CHANGE_REQUESTS):
        assert propose(signed_in, description_fr=f"Version {n}").status_code == 302
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = propose(signed_in, description_fr="Une quatrième version, gardée.")

    page = response.content.decode()
    assert response.status_code == 429
    assert "3 changes of your authority’s profile are already waiting" in page
    assert "Une quatrième version, gardée." in page
    assert ProfileChangeRequest.objects.count() == 3
    assert mail.outbox == []


def test_once_staff_decide_a_change_request_another_can_be_sent(signed_in, member, secretariat):
    for n in range(services.MAX_PENDING_CHANGE_REQUESTS):
        propose(signed_in, description_fr=f"Version {n}")
    services.reject_change_request(
        ProfileChangeRequest.objects.first(), secretariat, "Please write it in full."
    )

    assert propose(signed_in, description_fr="Version complète").status_code == 302
    assert ProfileChangeRequest.objects.count() == 4
