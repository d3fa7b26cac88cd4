import logging
import re

import pytest
from django.core import mail

from background.models import OutgoingEmail
from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db

JOIN_URL = "/en/join/"


def post(client, data, url=JOIN_URL, **extra):
    return client.post(url, data, **extra)


def test_join_form_is_there_with_a_privacy_link_and_a_hidden_honeypot(client):
    content = client.get(JOIN_URL).content.decode()

    assert 'href="/en/privacy/"' in content
    assert re.search(r'class="form-honeypot"[^>]*>\s*<div id="div_id_nickname"', content)
    assert 'name="nickname"' in content
    assert content.count('name="csrfmiddlewaretoken"') == 1


def test_valid_request_is_saved_pending_and_redirects_to_the_confirmation(
    client, join_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, join_data)

    member = Member.objects.get()
    assert response.status_code == 302
    assert response["Location"] == "/en/join/thanks/"
    assert member.status == Member.Status.PENDING
    assert member.name == "Łódź"
    assert member.contact_email == "anna.kowalska@example.org"
    assert member.language == "en"
    assert member.joined_on is None

    thanks = client.get(response["Location"]).content.decode()
    assert "The request for Łódź to join the Alliance has been received" in thanks
    assert "anna.kowalska@example.org" in thanks


def test_valid_request_gets_coordinates_from_the_place_name(client, join_data):
    post(client, join_data)

    member = Member.objects.get()
    assert member.latitude == pytest.approx(51.77, abs=0.01)
    assert member.longitude == pytest.approx(19.47, abs=0.01)


def test_request_for_an_unknown_place_is_saved_without_coordinates(client, join_data):
    post(client, {**join_data, "name": "Borsod-Abaúj-Zemplén", "country": "HU", "kind": "region"})

    member = Member.objects.get()
    assert member.latitude is None and member.longitude is None


def test_pending_request_appears_nowhere_public(client, join_data):
    post(client, join_data)
    member = Member.objects.get()

    assert "Łódź" not in client.get("/en/members/").content.decode()
    assert client.get(f"/en/members/{member.slug}/").status_code == 404


def test_valid_request_mails_the_contact_and_the_managers(
    client, join_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, join_data)

    member = Member.objects.get()
    to_contact, to_managers = sorted(mail.outbox, key=lambda m: m.to != [member.contact_email])
    assert to_contact.to == ["anna.kowalska@example.org"]
    assert to_contact.subject == "Your request to join the Alliance"
    assert "Dear Anna Kowalska," in to_contact.body
    assert "Łódź (Poland)" in to_contact.body
    assert to_managers.to == ["secretariat@example.org"]
    assert "Łódź" in to_managers.subject
    assert f"/admin/members/member/{member.pk}/change/" in to_managers.body
    assert "+48 42 638 40 00" in to_managers.body


def test_request_in_french_is_answered_in_french(
    client, join_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, join_data, url="/fr/join/")

    member = Member.objects.get()
    to_contact = next(m for m in mail.outbox if m.to == [member.contact_email])
    assert response["Location"] == "/fr/join/thanks/"
    assert member.language == "fr"
    assert "Pologne" in to_contact.body


def test_mail_failure_keeps_the_request_and_its_e_mails_for_the_next_try(
    client, join_data, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.members.failing_mail.EmailBackend"}}

    with (
        caplog.at_level(logging.WARNING, logger="background.outbox"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = post(client, join_data)

    assert response.status_code == 302
    assert Member.objects.pending().filter(name="Łódź").exists()
    assert mail.outbox == []
    acknowledgement, notification = OutgoingEmail.objects.order_by("pk")
    assert acknowledgement.to == ["anna.kowalska@example.org"]
    assert notification.to == ["secretariat@example.org"]
    for email in (acknowledgement, notification):
        assert email.state == OutgoingEmail.State.RETRYING
        assert email.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
        assert email.next_attempt_at > email.last_attempt_at
    assert "not sent (Connection unexpectedly closed)" in caplog.text


# Validation, field by field


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("name", "", "This field is required."),
        ("name", "x" * 201, "Ensure this value has at most 200 characters"),
        ("kind", "village", "Select a valid choice."),
        ("country", "", "This field is required."),
        ("country", "US", "Select a valid choice. US is not one of the available choices."),
        ("website", "not a website", "Enter a valid URL."),
        ("website", "https://" + "a" * 200 + ".org", "Ensure this value has at most 200"),
        ("population", "-5", "greater than or equal to 0"),
        ("population", "many", "Enter a whole number."),
        ("population", "1000000000", "less than or equal to 100000000"),
        ("contact_name", "", "This field is required."),
        ("contact_name", "x" * 201, "Ensure this value has at most 200 characters"),
        ("contact_role", "", "This field is required."),
        ("contact_role", "x" * 201, "Ensure this value has at most 200 characters"),
        ("contact_email", "", "This field is required."),
        ("contact_email", "anna@", "Enter a valid email address."),
        ("contact_phone", "call me", "Enter a phone number"),
        ("contact_phone", "+" + "1" * 41, "Ensure this value has at most 40 characters"),
        ("motivation", "", "This field is required."),
        ("motivation", "x" * 3001, "Ensure this value has at most 3000 characters"),
        ("privacy_consent", "", "Please accept the privacy notice"),
    ],
)
def test_each_invalid_field_is_refused_with_a_message_next_to_it(
    client, join_data, field, value, message
):
    data = {**join_data, field: value}
    if value == "":
        del data[field]

    response = post(client, data)
    content = response.content.decode()

    assert response.status_code == 200
    assert not Member.objects.exists()
    assert message in content
    # The message is tied to its field for screen readers.
    error_id = f"id_{field}_error"
    assert f'id="{error_id}"' in content or field == "kind"
    if field != "kind":
        assert re.search(rf'aria-describedby="[^"]*{error_id}[^"]*"[^>]*id="id_{field}"', content)


def test_errors_are_summarised_above_the_form_with_links_to_the_fields(client, join_data):
    response = post(client, {**join_data, "contact_email": "anna@"})
    content = response.content.decode()

    assert '<a href="#id_contact_email">E-mail</a>' in content
    assert "<title>Error:" in content


def test_optional_fields_may_be_left_empty(client, join_data):
    for field in ["website", "population", "contact_phone"]:
        join_data[field] = ""

    assert post(client, join_data).status_code == 302
    assert Member.objects.get().population is None


def test_name_is_saved_without_stray_spaces(client, join_data):
    post(client, {**join_data, "name": "  Cluj-Napoca  ", "country": "RO"})

    assert Member.objects.get().name == "Cluj-Napoca"


# Duplicates


@pytest.mark.parametrize("typed", ["Łódź", "LODZ", "lodz", " Łódź "])
def test_a_second_request_for_the_same_authority_is_refused_and_says_so(client, join_data, typed):
    make_member(name="Łódź", country="PL", status=Member.Status.PENDING)

    response = post(client, {**join_data, "name": typed})

    assert response.status_code == 200
    assert Member.objects.count() == 1
    assert "A request to join for “Łódź” (Poland) has already been received" in (
        response.content.decode()
    )


def test_a_request_from_an_existing_member_is_refused_and_says_so(client, join_data):
    make_member(name="Łódź", country="PL")

    response = post(client, {**join_data, "name": "lodz"})

    assert Member.objects.count() == 1
    assert "“Łódź” (Poland) is already a member of the Alliance." in response.content.decode()


def test_a_request_saved_in_the_meantime_is_reported_as_a_duplicate(client, join_data, monkeypatch):
    # The form's check passes, then the database finds the twin saved a moment before.
    make_member(name="Łódź", country="PL", status=Member.Status.PENDING)
    real_clean = Member.clean
    calls = []

    def clean_once_quietly(member):
        calls.append(member)
        if len(calls) > 1:
            real_clean(member)

    monkeypatch.setattr(Member, "clean", clean_once_quietly)

    response = post(client, join_data)

    assert response.status_code == 200
    assert Member.objects.count() == 1
    assert "has already been received and is being reviewed" in response.content.decode()


def test_the_same_name_in_another_country_is_accepted(client, join_data):
    make_member(name="Łódź", country="PL")

    assert post(client, {**join_data, "country": "FR"}).status_code == 302
    assert Member.objects.count() == 2


@pytest.mark.parametrize("status", [Member.Status.REJECTED, Member.Status.LEFT])
def test_a_rejected_or_former_member_may_ask_again(client, join_data, status):
    make_member(name="Łódź", country="PL", status=status)

    assert post(client, join_data).status_code == 302
    assert Member.objects.pending().count() == 1


# Spam


def test_a_filled_honeypot_is_refused_without_a_row_or_a_mail(
    client, join_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, {**join_data, "nickname": "buy pills"})

    assert response.status_code == 400
    assert not Member.objects.exists()
    assert mail.outbox == []


def test_too_many_requests_from_one_address_get_the_form_back_with_a_429(
    client, join_data, settings
):
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 2
    for n in range(2):
        post(client, {**join_data, "name": f"Town {n}", "contact_email": f"officer{n}@example.org"})

    response = post(
        client, {**join_data, "name": "Town 3", "contact_email": "officer3@example.org"}
    )

    assert response.status_code == 429
    content = response.content.decode()
    assert "Not sent: this form has been sent too many times" in content
    assert 'value="Town 3"' in content
    assert Member.objects.count() == 2


def test_the_rate_limit_counts_each_address_separately(client, join_data, settings):
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 1
    post(client, {**join_data, "name": "Town 1"}, REMOTE_ADDR="192.0.2.1")

    response = post(client, {**join_data, "name": "Town 2"}, REMOTE_ADDR="192.0.2.2")

    assert response.status_code == 302
