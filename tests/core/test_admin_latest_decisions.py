"""The admin's home names each of the latest decisions by its kind, with its record and the
person who took it by name; what is not a staff decision (a contact person sending changes, a
signatory confirming an address) is not listed."""

import pytest
from django.utils import timezone

from contact.models import ContactMessage
from contact.services import mark_handled
from cooperation.services import accept_proposal
from declarations.models import Signature
from declarations.services import verify_signature
from members.models import Member
from members.services import approve_member
from participants.services import account_for, approve_change_request, propose_changes
from practices.models import Practice
from practices.services import publish_practice
from tests.factories import (
    make_contact_person,
    make_member,
    make_practice,
    make_proposal,
    make_signature,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer(django_user_model, client):
    user = django_user_model.objects.create_superuser(
        "anovak", "ana@example.org", "x", first_name="Ana", last_name="Novak"
    )
    client.force_login(user)
    return user


def latest_decisions(client):
    html = client.get("/admin/").content.decode()
    return html.split('id="latest-decisions"', 1)[1].split("</ul>", 1)[0]


def test_each_decision_is_named_by_its_kind_record_and_who_took_it(client, officer):
    approve_member(make_member(name="Radenci", status=Member.Status.PENDING), officer)
    verify_signature(
        make_signature(
            full_name="Ivana Horvat",
            authority_name="Zagreb",
            status=Signature.Status.PENDING,
            email_confirmed_at=timezone.now(),
        ),
        officer,
    )
    publish_practice(
        make_practice(title="Homework clubs", status=Practice.Status.SUBMITTED), officer
    )
    accept_proposal(make_proposal(name="Romano Drom"), officer)
    contact = make_contact_person(make_member(name="Graz"))
    approve_change_request(
        propose_changes(contact, {"website": "https://graz.example.org"}), officer
    )
    mark_handled(
        ContactMessage.objects.create(name="Jana", email="j@example.org", message="Hi"), officer
    )

    decisions = latest_decisions(client)

    for kind, record in [
        ("Join request approved", "Radenci"),
        ("Signature verified", "Ivana Horvat (Zagreb)"),
        ("Practice published", "Homework clubs"),
        ("Proposal accepted", "Romano Drom"),
        ("Change approved", "Changes to Graz"),
        ("Message handled", "Jana"),
    ]:
        assert f"<strong>{kind}</strong>: " in decisions
        assert f">{record}" in decisions
    assert decisions.count("by Ana Novak") == 6
    assert "anovak" not in decisions
    assert "Profile change request" not in decisions


def test_what_a_contact_person_sends_is_not_a_decision(client, officer):
    contact = make_contact_person(make_member(name="Graz"), email="person@graz.example.org")
    account_for(contact.email)  # the participant's own account, "participant-…"
    propose_changes(contact, {"website": "https://graz.example.org"})

    decisions = latest_decisions(client)

    assert "participant-" not in decisions
    assert "Graz" not in decisions
