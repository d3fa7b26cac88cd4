"""Personal data (GDPR): staff export what is held about a person, erase it, resend a lost e-mail."""

import datetime
import io
import json
import re

import pytest
from django.apps import apps
from django.contrib.admin.models import LogEntry
from django.core import mail
from django.core.management import call_command
from django.db import models
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from background.models import OutgoingEmail
from declarations import services as declaration_services
from declarations.models import Signature
from events.models import Registration
from members import services as member_services
from members.models import Member
from participants.models import ContactPerson
from tests.factories import make_event, make_member, make_registration, make_signature

pytestmark = pytest.mark.django_db

MEMBERS = reverse("admin:members_member_changelist") + "?status=all"
SIGNATURES = reverse("admin:declarations_signature_changelist") + "?review=all"


def act(client, url, action, rows, **extra):
    data = {"action": action, "_selected_action": [row.pk for row in rows], **extra}
    return client.post(url, data, follow=True)


@pytest.fixture
def member(officer):
    member = make_member(
        name="Graz",
        country="AT",
        status=Member.Status.PENDING,
        contact_name="Elke Kahr",
        contact_role="Mayor",
        contact_email="elke.kahr@graz.example.org",
        contact_phone="+43 316 872 2000",
        motivation="Graz hosts a large Roma community.",
    )
    member_services.approve_member(member, officer)
    return member


@pytest.fixture
def signature(member, officer):
    signature = make_signature(
        full_name="Elke Kahr",
        authority_name="Graz",
        country="AT",
        member=member,
        email="elke.kahr@graz.example.org",
        status=Signature.Status.PENDING,
        email_confirmed_at=timezone.now(),
        staff_note="Called her office on Monday.",
    )
    declaration_services.verify_signature(signature, officer)
    return signature


# Export


def test_exporting_a_member_downloads_everything_held_about_its_contact(
    admin_client, member, signature
):
    response = act(admin_client, MEMBERS, "export_personal_data", [member])

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    (person,) = json.loads(response.content)
    assert person["member"]["contact_email"] == "elke.kahr@graz.example.org"
    assert person["member"]["contact_phone"] == "+43 316 872 2000"
    assert person["member"]["motivation"] == "Graz hosts a large Roma community."
    assert [s["email"] for s in person["signatures"]] == ["elke.kahr@graz.example.org"]
    assert [r["history_change_reason"] for r in person["signatures"][0]["history"]] == [
        None,
        "verified",
    ]
    assert [(r["history_user"], r["history_change_reason"]) for r in person["history"]] == [
        (None, None),
        ("officer", "approved"),
    ]


def test_exporting_a_signature_downloads_it_with_its_history(admin_client, signature):
    response = act(admin_client, SIGNATURES, "export_personal_data", [signature])

    (person,) = json.loads(response.content)
    assert person["signature"]["full_name"] == "Elke Kahr"
    assert person["signature"]["email"] == "elke.kahr@graz.example.org"
    assert person["signature"]["staff_note"] == "Called her office on Monday."
    assert person["history"][-1]["status"] == "verified"
    assert person["join_requests"][0]["contact_name"] == "Elke Kahr"


# Erase


def test_erasing_a_member_first_asks_for_confirmation(admin_client, member):
    response = act(admin_client, MEMBERS, "erase_personal_data", [member])

    assert response.status_code == 200
    assert "This cannot be undone" in response.text
    assert "elke.kahr@graz.example.org" in response.text
    member.refresh_from_db()
    assert member.contact_email == "elke.kahr@graz.example.org"


def test_erasing_a_member_blanks_its_contact_here_and_in_its_history(admin_client, client, member):
    response = act(admin_client, MEMBERS, "erase_personal_data", [member], post="yes")

    assert "personal data of 1 member has been erased" in response.text
    member.refresh_from_db()
    contact = [getattr(member, name) for name in member_services.CONTACT_FIELDS]
    assert contact == ["", "", "", "", ""]
    assert member.status == Member.Status.APPROVED
    assert client.get(member.get_absolute_url()).status_code == 200
    for record in member.history.all():
        assert [getattr(record, name) for name in member_services.CONTACT_FIELDS] == contact
    (export,) = json.loads(act(admin_client, MEMBERS, "export_personal_data", [member]).content)
    assert "elke.kahr@" not in json.dumps([export["member"], *export["history"]])
    assert member.history.latest().history_change_reason == "personal data erased"


def test_erasing_a_signature_withdraws_it_and_forgets_the_signatory(
    admin_client, client, signature
):
    # Seen on the public page, and named in the admin's own log of changes.
    assert "Elke Kahr" in client.get(reverse("declarations:declaration")).text
    admin_client.post(
        reverse("admin:declarations_signature_change", args=[signature.pk]),
        {
            "declaration": signature.declaration_id,
            "full_name": "Elke Kahr",
            "office": "mayor",
            "authority_name": "Graz",
            "country": "AT",
            "signed_on": signature.signed_on.isoformat(),
            "email": "elke.kahr@graz.example.org",
            "language": "en",
            "consent_to_publish": "on",
            "staff_note": "Called her office on Monday.",
        },
    )
    assert LogEntry.objects.filter(object_repr__contains="Elke Kahr").exists()

    response = act(admin_client, SIGNATURES, "erase_personal_data", [signature], post="yes")

    assert "personal data of 1 signatory has been erased" in response.text
    signature.refresh_from_db()
    assert (signature.full_name, signature.email, signature.staff_note, signature.status) == (
        "Erased",
        "",
        "",
        Signature.Status.WITHDRAWN,
    )
    for record in signature.history.all():
        assert (record.full_name, record.email, record.staff_note) == ("Erased", "", "")
    assert not LogEntry.objects.filter(object_repr__contains="Elke Kahr").exists()
    assert "Elke Kahr" not in client.get(reverse("declarations:declaration")).text


def rows_holding(text):
    """Every stored row, of every model (history, outbox and accounts included), whose text
    holds `text`: what an erasure has left behind."""
    found = []
    for model in apps.get_models():
        fields = [
            field.name
            for field in model._meta.concrete_fields
            if isinstance(field, (models.CharField, models.TextField, models.JSONField))
        ]
        if not fields:
            continue
        holding = Q()
        for name in fields:
            holding |= Q(**{f"{name}__icontains": text})
        found += [
            f"{model._meta.label} {pk}"
            for pk in model.objects.filter(holding).values_list("pk", flat=True)
        ]
    return found


def ask_for_a_sign_in_link(email, capture):
    """The public sign-in form, as the person uses it; the e-mails it sends."""
    mail.outbox.clear()
    with capture(execute=True):
        response = Client().post("/en/participants/", {"email": email})
    assert response.status_code == 302
    return list(mail.outbox)


def sign_in_by_link(email, capture):
    """A browser signed in to the participants' space as `email`, the way a person does."""
    (message,) = ask_for_a_sign_in_link(email, capture)
    token = re.search(r"sesame=(\S+)", message.body).group(1)
    browser = Client()
    assert browser.post("/en/participants/sign-in/", {"sesame": token}).status_code == 302
    return browser


def test_erasing_a_member_reaches_every_copy_of_its_contact_and_ends_their_access(
    admin_client, member, signature, django_capture_on_commit_callbacks
):
    address = "elke.kahr@graz.example.org"
    # The join request's contact became the member's contact person when it was approved.
    assert ContactPerson.objects.get().email == address
    browser = sign_in_by_link(address, django_capture_on_commit_callbacks)
    assert "Signed in as Elke Kahr, for Graz" in browser.get("/en/participants/").text
    event = make_event(title="Housing seminar", registration_open=True, capacity=1)
    make_registration(event, full_name="Elke Kahr", email=address)
    waiting = make_registration(event, status=Registration.Status.WAITING)
    assert rows_holding(address)

    with django_capture_on_commit_callbacks(execute=True):
        response = act(admin_client, MEMBERS, "erase_personal_data", [member], post="yes")

    # Their open session is refused, and they can no longer get a link.
    space = browser.get("/en/participants/")
    assert "Signed in as" not in space.text
    assert 'name="email"' in space.text
    assert ask_for_a_sign_in_link(address, django_capture_on_commit_callbacks) == []
    assert rows_holding(address) == []
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED  # the place they held is given on
    # Staff are told what was erased, to tell the person.
    assert "The contact person’s personal data of 1 member has been erased. Graz: " in response.text
    for copy in [
        "1 contact person, who can no longer sign in",
        "1 event registration",
        "1 signature, withdrawn",
    ]:
        assert copy in response.text


def test_erasing_a_member_without_other_copies_says_so(admin_client):
    member = make_member(name="Linz", country="AT", status=Member.Status.PENDING)

    response = act(admin_client, MEMBERS, "erase_personal_data", [member], post="yes")

    assert "Linz: nothing else was held." in response.text


def test_a_membership_officer_cannot_erase(client, officer, member):
    client.force_login(officer)

    listing = client.get(MEMBERS)
    act(client, MEMBERS, "erase_personal_data", [member], post="yes")

    assert 'value="erase_personal_data"' not in listing.text
    assert 'value="export_personal_data"' in listing.text
    member.refresh_from_db()
    assert member.contact_email == "elke.kahr@graz.example.org"


# Resending a confirmation lost while the mail server was down


@pytest.fixture
def mail_server_down(settings):
    settings.MAILERS = {"default": {"BACKEND": "tests.members.failing_mail.EmailBackend"}}
    return settings


def test_staff_resend_a_join_acknowledgement_and_it_waits_out_the_mail_server_being_down(
    admin_client, mail_server_down, mailoutbox, django_capture_on_commit_callbacks
):
    pending = make_member(status=Member.Status.PENDING, contact_email="mayor@example.org")
    approved = make_member(status=Member.Status.APPROVED)

    with django_capture_on_commit_callbacks(execute=True):
        down = act(admin_client, MEMBERS, "resend_acknowledgement", [pending, approved])
    assert "1 e-mail queued, 1 was skipped" in down.text
    assert mailoutbox == []
    (waiting,) = OutgoingEmail.objects.filter(to=["mayor@example.org"])
    assert waiting.state == OutgoingEmail.State.RETRYING
    assert "Connection unexpectedly closed" in waiting.last_error

    mail_server_down.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        back = act(admin_client, MEMBERS, "resend_acknowledgement", [pending, approved])

    assert "1 e-mail queued, 1 was skipped" in back.text
    assert [message.to for message in mailoutbox] == [["mayor@example.org"]]
    assert mailoutbox[0].subject == "Your request to join the Alliance"


def test_staff_resend_a_confirmation_link_and_it_waits_out_the_mail_server_being_down(
    admin_client, mail_server_down, mailoutbox, django_capture_on_commit_callbacks
):
    pending = make_signature(status=Signature.Status.PENDING, email="mayor@example.org")
    verified = make_signature(status=Signature.Status.VERIFIED)

    with django_capture_on_commit_callbacks(execute=True):
        down = act(admin_client, SIGNATURES, "resend_confirmation", [pending, verified])
    assert "1 confirmation link queued, 1 was skipped" in down.text
    assert mailoutbox == []
    assert OutgoingEmail.objects.get(to=["mayor@example.org"]).state == "retrying"

    mail_server_down.MAILERS = {
        "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
    }
    with django_capture_on_commit_callbacks(execute=True):
        back = act(admin_client, SIGNATURES, "resend_confirmation", [pending, verified])

    assert "1 confirmation link queued, 1 was skipped" in back.text
    (message,) = mailoutbox
    assert message.to == ["mayor@example.org"]
    # The token carries the second it was made: follow the link rather than rebuild it.
    link = re.search(r"/en/declaration/confirm/[^/\s]+/", message.body)[0]
    admin_client.post(link)
    pending.refresh_from_db()
    assert pending.email_confirmed_at is not None


# Retention


def test_the_retention_purge_deletes_the_history_too(officer):
    rejected = make_member(status=Member.Status.PENDING, contact_email="old@example.org")
    member_services.reject_member(rejected, officer, "Not a local authority.")
    Member.objects.filter(pk=rejected.pk).update(
        decided_at=timezone.now() - datetime.timedelta(days=400)
    )
    unconfirmed = make_signature(status=Signature.Status.PENDING, email="old-signatory@example.org")
    Signature.objects.filter(pk=unconfirmed.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=400)
    )

    call_command("purge_personal_data", stdout=io.StringIO())

    assert not Member.history.filter(contact_email="old@example.org").exists()
    assert not Signature.history.filter(email="old-signatory@example.org").exists()


def test_erasing_a_member_forgets_the_staff_notification_that_quoted_its_contact(
    admin_client, client
):
    joined = client.post(
        "/en/join/",
        {
            "name": "Łódź",
            "kind": "city",
            "country": "PL",
            "contact_name": "Anna Kowalska",
            "contact_role": "Roma inclusion officer",
            "contact_email": "anna.kowalska@example.org",
            "motivation": "Łódź works with its Roma community on schooling and housing.",
            "privacy_consent": "on",
        },
    )
    assert joined.status_code == 302
    quoting = Q(body__icontains="anna.kowalska@example.org")
    assert OutgoingEmail.objects.filter(quoting, to=["secretariat@example.org"]).exists()

    member = Member.objects.get(name="Łódź")
    act(admin_client, MEMBERS, "erase_personal_data", [member], post="yes")

    assert not OutgoingEmail.objects.filter(quoting).exists()
    assert not any("anna.kowalska" in str(row) for row in OutgoingEmail.objects.values_list())
