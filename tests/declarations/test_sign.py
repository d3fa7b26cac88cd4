import logging
import re

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.html import strip_tags

from background.models import OutgoingEmail
from declarations.models import Declaration, Signature
from tests.factories import make_member, make_signature

from .conftest import sign_data

pytestmark = pytest.mark.django_db

URL = "/en/declaration/sign/"


def post(client, data, capture):
    with capture(execute=True):
        return client.post(URL, data)


def test_form_states_the_commitment_right_above_the_submit_button(client, declaration):
    # The page's own form: the header holds the site's search form.
    content = client.get(URL).content.decode().partition("<main")[2]

    commitment = content.index("By signing, I commit myself to strive for the fair representation")
    checkbox = content.index('name="commitment"')
    button = content.index('<button type="submit"')
    assert commitment < checkbox < button
    assert content.count('type="submit"') == 1


def test_form_hides_the_honeypot_in_its_wrapper(client, declaration):
    content = client.get(URL).content.decode()

    wrapper = re.search(r'class="form-honeypot"[^>]*>\s*<div id="div_id_nickname"', content)
    assert wrapper is not None


def test_valid_post_stores_a_pending_signature_and_thanks(
    client, declaration, django_capture_on_commit_callbacks
):
    response = post(client, sign_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/en/declaration/sign/thanks/"
    signature = Signature.objects.get()
    assert signature.status == Signature.Status.PENDING
    assert signature.declaration == declaration
    assert signature.full_name == "Erika Mustermann"
    assert signature.consent_to_publish is True
    assert signature.language == "en"
    thanks = client.get(response["Location"]).content.decode()
    assert "Please open the link in it to confirm your address." in thanks


def test_a_pending_signature_is_not_published(
    client, declaration, django_capture_on_commit_callbacks
):
    post(client, sign_data(), django_capture_on_commit_callbacks)

    assert "Erika Mustermann" not in client.get("/en/declaration/").content.decode()


def test_signatory_gets_a_confirmation_link_and_staff_are_told(
    client, declaration, django_capture_on_commit_callbacks
):
    post(client, sign_data(), django_capture_on_commit_callbacks)

    to_signatory, to_staff = mail.outbox
    assert to_signatory.to == ["erika@exampleburg.example.org"]
    assert to_signatory.subject == "Please confirm your signature of the Declaration"
    assert re.search(r"http://127\.0\.0\.1:8000/en/declaration/confirm/[\w:-]+/", to_signatory.body)
    assert to_staff.to == ["secretariat@example.org"]
    assert "Erika Mustermann" in to_staff.subject
    assert "/admin/declarations/signature/" in to_staff.body


def test_confirmation_mail_is_in_the_visitors_language(
    client, declaration, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/fr/declaration/sign/", sign_data())

    signature = Signature.objects.get()
    assert signature.language == "fr"
    assert "/fr/declaration/confirm/" in mail.outbox[0].body
    assert "Déclaration contre l’antitsiganisme" in mail.outbox[0].body


def test_signature_is_linked_to_the_approved_member_of_the_same_name(
    client, declaration, django_capture_on_commit_callbacks
):
    member = make_member(name="Łódź", country="PL")

    post(client, sign_data(authority_name="lodz", country="PL"), django_capture_on_commit_callbacks)

    assert Signature.objects.get().member == member


def test_signature_is_not_linked_to_a_member_in_another_country(
    client, declaration, django_capture_on_commit_callbacks
):
    make_member(name="Exampleburg", country="AT")

    post(client, sign_data(), django_capture_on_commit_callbacks)

    assert Signature.objects.get().member is None


@pytest.mark.parametrize(
    "field", ["full_name", "office", "authority_name", "country", "email", "commitment"]
)
def test_required_fields(client, declaration, field):
    data = sign_data()
    del data[field]

    response = client.post(URL, data)

    assert response.status_code == 200
    assert not Signature.objects.exists()
    assert 'aria-invalid="true"' in response.content.decode()


def test_commitment_box_must_be_ticked(client, declaration):
    data = sign_data()
    del data["commitment"]

    content = client.post(URL, data).content.decode()

    assert "Tick this box to sign the Declaration." in content


def test_signing_without_consent_is_recorded_but_never_published(
    client, declaration, django_capture_on_commit_callbacks
):
    data = sign_data()
    del data["consent_to_publish"]

    post(client, data, django_capture_on_commit_callbacks)

    assert Signature.objects.get().consent_to_publish is False


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "x" * 201),
        ("authority_name", "x" * 201),
        ("email", "not-an-address"),
        ("country", "US"),
        ("full_name", "=HYPERLINK(1)"),
        ("authority_name", "@SUM(A1)"),
        ("full_name", "1234"),
    ],
)
def test_invalid_values_are_refused(client, declaration, field, value):
    response = client.post(URL, sign_data(**{field: value}))

    assert response.status_code == 200
    assert not Signature.objects.exists()


def answer_to(data, capture):
    """What a visitor sees after posting the form: status, address, and the page it leads to."""
    client = Client()
    with capture(execute=True):
        response = client.post(URL, data)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return response.status_code, response.get("Location"), visible_text(page)


def visible_text(response):
    """The page's text as read (its tokens, which differ from one visitor to the next, are not)."""
    return " ".join(strip_tags(response.content.decode()).split())


@pytest.mark.parametrize(
    "held",
    [
        pytest.param({"status": Signature.Status.PENDING}, id="unconfirmed"),
        pytest.param(
            {"status": Signature.Status.PENDING, "email_confirmed_at": timezone.now()},
            id="confirmed, waiting for verification",
        ),
        pytest.param({"status": Signature.Status.VERIFIED}, id="verified"),
        pytest.param({"status": Signature.Status.REJECTED}, id="rejected"),
    ],
)
def test_the_form_answers_an_address_that_has_signed_as_a_new_one_and_writes_to_its_owner(
    declaration, held, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.MANAGERS = []
    make_signature(
        email="erika@exampleburg.example.org", full_name="Erika Mustermann", language="fr", **held
    )

    known = answer_to(
        sign_data(email="Erika@Exampleburg.example.org"), django_capture_on_commit_callbacks
    )
    new = answer_to(
        sign_data(email="someone.new@example.org", full_name="Someone New"),
        django_capture_on_commit_callbacks,
    )

    assert known == new
    assert known[:2] == (302, "/en/declaration/sign/thanks/")
    assert Signature.objects.filter(email="erika@exampleburg.example.org").count() == 1
    owner, newcomer = mailoutbox
    assert owner.to == ["erika@exampleburg.example.org"]
    assert owner.body.startswith("Bonjour Erika Mustermann,")  # in the language the signatory chose
    assert newcomer.to == ["someone.new@example.org"]


def test_an_unconfirmed_signatory_signing_again_is_sent_the_link_again(
    client, declaration, mailoutbox, django_capture_on_commit_callbacks
):
    signature = make_signature(
        email="erika@exampleburg.example.org", status=Signature.Status.PENDING, language="en"
    )

    answer_to(sign_data(), django_capture_on_commit_callbacks)

    (message,) = mailoutbox
    assert message.subject == "You have already signed the Declaration"
    assert "We already hold your signature, so nothing new was recorded." in message.body
    link = re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)
    client.post("/" + link.split("://", 1)[1].split("/", 1)[1])
    signature.refresh_from_db()
    assert signature.email_confirmed_at is not None


def test_a_rejected_signatory_signing_again_is_told_whom_to_write_to(
    declaration, mailoutbox, django_capture_on_commit_callbacks
):
    make_signature(
        email="erika@exampleburg.example.org", status=Signature.Status.REJECTED, language="en"
    )

    answer_to(sign_data(), django_capture_on_commit_callbacks)

    (message,) = mailoutbox
    assert "could not accept your signature" in message.body
    assert "/en/contact/" in message.body
    assert "/confirm/" not in message.body
    assert Signature.objects.count() == 1


def test_the_same_person_for_the_same_authority_is_answered_as_anyone_and_not_stored_twice(
    declaration, mailoutbox, django_capture_on_commit_callbacks, settings
):
    settings.MANAGERS = []
    make_signature(
        full_name="Érika Mustermann",
        authority_name="EXAMPLEBURG",
        country="DE",
        email="erika@exampleburg.example.org",
        language="en",
    )

    known = answer_to(sign_data(email="another@example.org"), django_capture_on_commit_callbacks)
    new = answer_to(
        sign_data(email="someone.new@example.org", full_name="Someone New"),
        django_capture_on_commit_callbacks,
    )

    assert known == new
    assert Signature.objects.filter(search_name="erika mustermann").count() == 1
    # The signatory already held is told, at the address they gave; not the new address.
    assert [message.to for message in mailoutbox] == [
        ["erika@exampleburg.example.org"],
        ["someone.new@example.org"],
    ]


def test_a_refused_form_says_the_same_for_an_address_that_has_signed(
    declaration, django_capture_on_commit_callbacks
):
    make_signature(email="erika@exampleburg.example.org", status=Signature.Status.PENDING)

    known = answer_to(sign_data(commitment=""), django_capture_on_commit_callbacks)
    new = answer_to(
        sign_data(commitment="", email="someone.new@example.org"),
        django_capture_on_commit_callbacks,
    )

    assert known[0] == new[0] == 200
    assert known[2] == new[2]
    assert "Tick this box to sign the Declaration." in known[2]


def test_someone_whose_signature_was_withdrawn_may_sign_again(
    client, declaration, django_capture_on_commit_callbacks
):
    make_signature(
        full_name="Erika Mustermann",
        authority_name="Exampleburg",
        country="DE",
        email="erika@exampleburg.example.org",
        status=Signature.Status.WITHDRAWN,
    )

    response = post(client, sign_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert Signature.objects.filter(status=Signature.Status.PENDING).count() == 1


def test_a_filled_honeypot_is_refused_with_no_row_and_no_mail(
    client, declaration, django_capture_on_commit_callbacks
):
    response = post(client, sign_data(nickname="bot"), django_capture_on_commit_callbacks)

    assert response.status_code == 400
    assert not Signature.objects.exists()
    assert mail.outbox == []


@override_settings(FORM_RATE_LIMIT_PER_ADDRESS=2)
def test_too_many_signatures_from_one_address_are_refused(client, declaration):
    for n in range(2):
        client.post(URL, sign_data(email=f"person{n}@example.org", full_name=f"Person {n}"))

    response = client.post(URL, sign_data(email="person9@example.org", full_name="Person 9"))

    assert response.status_code == 429
    assert Signature.objects.count() == 2


def test_a_mail_failure_keeps_the_signature_and_its_confirmation_link_for_the_next_try(
    client, declaration, django_capture_on_commit_callbacks, monkeypatch, caplog
):
    def refuse(self, fail_silently=False):
        raise OSError("SMTP server unreachable")

    monkeypatch.setattr(EmailMessage, "send", refuse)

    with caplog.at_level(logging.WARNING, logger="background.outbox"):
        response = post(client, sign_data(), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    signature = Signature.objects.get(status=Signature.Status.PENDING)
    link = OutgoingEmail.objects.get(to=[signature.email])
    assert link.state == OutgoingEmail.State.RETRYING
    assert "/confirm/" in link.body
    assert link.last_error == "OSError: SMTP server unreachable"
    assert "not sent (SMTP server unreachable)" in caplog.text


def test_the_form_explains_when_there_is_nothing_to_sign(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert "has not been published on this site yet" in response.content.decode()
    assert not Declaration.objects.exists()
