"""A contact person's data export holds their e-mail alerts; erasing them erases those too."""

import json

import pytest

from members import services as member_services
from participants import services as participant_services
from subscriptions.models import Subscription
from tests.factories import make_subscription

pytestmark = pytest.mark.django_db


def test_the_space_s_export_holds_the_e_mail_alerts(signed_in, contact):
    make_subscription(contact, themes=["housing"], countries=["SK"], rhythm="weekly")

    response = signed_in.get("/en/participants/my-data/export.json")

    (data,) = json.loads(response.content)
    (row,) = data["e-mail alerts"]
    assert row["rhythm"] == "weekly" and row["countries"] == "SK"
    assert len(row["themes"]) == 1


def test_the_member_s_export_holds_its_contacts_e_mail_alerts(contact):
    make_subscription(contact, themes=["housing"], rhythm="monthly")

    data = member_services.personal_data(contact.member)

    assert [row["rhythm"] for row in data["e-mail alerts"]] == ["monthly"]


def test_erasing_a_contact_person_erases_their_alerts_and_their_history(contact, secretariat):
    subscription = make_subscription(contact, themes=["housing"])

    participant_services.erase_contact(contact, secretariat)

    assert not Subscription.objects.exists()
    assert not Subscription.history.filter(id=subscription.pk).exists()


def test_erasing_a_member_s_contact_erases_their_alerts(contact, secretariat):
    contact.member.contact_email = contact.email
    contact.member.save()
    make_subscription(contact, themes=["housing"])

    erased = member_services.erase_personal_data(contact.member, secretariat)

    assert not Subscription.objects.exists()
    assert not Subscription.history.exists()
    assert erased
