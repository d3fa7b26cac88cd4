"""A person is found by their whole e-mail address, whatever its case: never by a part of it.

ana@graz.example.org is a part of diana@graz.example.org: what is done for, or told to, Ana
must never reach Diana (a sign-in, a registration, an export or erasure of personal data).
"""

import json
import re

import pytest
from django.core import mail
from django.test import Client

from declarations.models import Signature
from events.models import Registration
from members.models import Member
from participants.models import ContactPerson
from practices.models import Practice
from tests.factories import (
    make_contact_person,
    make_event,
    make_member,
    make_practice,
    make_registration,
    make_signature,
)

from .public_forms import FORMS

pytestmark = pytest.mark.django_db

ANA = "ana@graz.example.org"
DIANA = "diana@graz.example.org"
MEMBERS = "/admin/members/member/?status=all"
SIGNATURES = "/admin/declarations/signature/?review=all"


def ask_for_a_link(email, capture):
    """The sign-in form, as a person sends it: the page it answers with, the e-mails sent."""
    mail.outbox.clear()
    with capture(execute=True):
        response = Client().post("/en/participants/", {"email": email}, follow=True)
    return response, list(mail.outbox)


@pytest.mark.parametrize("part", ["ana@graz.example", "na@graz.example.org", "a@graz.example.org"])
def test_a_part_of_an_address_gets_no_sign_in_link_and_the_answer_of_any_address(
    part, django_capture_on_commit_callbacks
):
    make_contact_person(name="Ana", email=ANA)

    answer, sent = ask_for_a_link(part, django_capture_on_commit_callbacks)
    unknown, _sent = ask_for_a_link("nobody@example.org", django_capture_on_commit_callbacks)
    _whole, sent_to_ana = ask_for_a_link(
        " ANA@Graz.Example.org ", django_capture_on_commit_callbacks
    )

    assert sent == []
    assert answer.status_code == unknown.status_code == 200
    assert answer.text.replace(part, "ADDRESS") == unknown.text.replace(
        "nobody@example.org", "ADDRESS"
    )
    assert [message.to for message in sent_to_ana] == [[ANA]]


def test_a_domain_alone_gets_no_sign_in_link(django_capture_on_commit_callbacks):
    make_contact_person(name="Ana", email=ANA)

    answer, sent = ask_for_a_link("graz.example.org", django_capture_on_commit_callbacks)

    assert sent == []
    assert "Enter a valid email address." in answer.text


def test_signing_in_acts_for_the_members_of_the_whole_address_only(
    django_capture_on_commit_callbacks,
):
    make_contact_person(make_member(name="Graz", country="AT"), name="Ana", email=ANA)
    make_contact_person(make_member(name="Linz", country="AT"), name="Diana", email=DIANA)
    (_answer, (message,)) = ask_for_a_link(ANA, django_capture_on_commit_callbacks)
    token = re.search(r"sesame=(\S+)", message.body).group(1)
    browser = Client()

    browser.post("/en/participants/sign-in/", {"sesame": token})

    assert "Signed in as Ana, for Graz" in browser.get("/en/participants/").text
    assert "Linz" not in browser.get("/en/participants/choose/").text
    assert ContactPerson.objects.get(email=DIANA).user is None


def test_registering_with_an_address_that_is_a_part_of_a_registered_one_registers_anew(
    client, django_capture_on_commit_callbacks
):
    event = make_event(registration_open=True)
    make_registration(event, full_name="Diana", email=DIANA)
    data = {**FORMS["event registration"].required, "full_name": "Ana", "email": ANA}

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/{event.slug}/register/", data)

    assert Registration.objects.filter(event=event, email=ANA).exists()
    assert [message.to for message in mail.outbox] == [[ANA]]


@pytest.fixture
def anas_member():
    """Graz, whose contact is Ana; and Diana's records, elsewhere: a signature, a registration,
    a practice she submitted, and her place as Linz's contact person."""
    graz = make_member(name="Graz", country="AT", contact_name="Ana", contact_email=ANA)
    linz = make_member(name="Linz", country="AT", contact_name="Diana", contact_email="l@x.org")
    make_contact_person(linz, name="Diana", email=DIANA)
    make_signature(full_name="Diana", email=DIANA)
    make_registration(make_event(), full_name="Diana", email=DIANA)
    make_practice(title="Diana's practice", submitter_email=DIANA)
    return graz


def act(client, url, action, rows, **extra):
    data = {"action": action, "_selected_action": [row.pk for row in rows], **extra}
    return client.post(url, data, follow=True)


def test_the_personal_data_of_a_members_contact_holds_nothing_of_a_longer_address(
    admin_client, anas_member
):
    response = act(admin_client, MEMBERS, "export_personal_data", [anas_member])

    (person,) = json.loads(response.content)
    assert person["member"]["contact_email"] == ANA
    assert DIANA not in response.text


def test_erasing_a_members_contact_leaves_the_records_of_a_longer_address(
    admin_client, anas_member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = act(admin_client, MEMBERS, "erase_personal_data", [anas_member], post="yes")

    assert "personal data of 1 member has been erased" in response.text
    assert Signature.objects.get(email=DIANA).status == Signature.Status.VERIFIED
    assert Registration.objects.filter(email=DIANA).exists()
    assert Practice.objects.get(title="Diana's practice").submitter_email == DIANA
    assert ContactPerson.objects.active().filter(email=DIANA).exists()


def test_the_personal_data_of_a_signatory_holds_no_join_request_of_a_longer_address(
    admin_client,
):
    signature = make_signature(full_name="Ana", email=ANA)
    make_member(name="Linz", status=Member.Status.PENDING, contact_email=DIANA)

    response = act(admin_client, SIGNATURES, "export_personal_data", [signature])

    (person,) = json.loads(response.content)
    assert person["signature"]["email"] == ANA
    assert person["join_requests"] == []
