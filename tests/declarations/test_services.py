import csv
import io

import pytest
from django.core import mail
from django.utils import timezone

from declarations import services
from declarations.models import Signature
from tests.factories import make_signature

pytestmark = pytest.mark.django_db


def public_everywhere(client):
    """The names on the Declaration page, the open data file and the home counter."""
    page = client.get("/en/declaration/").content.decode()
    data = b"".join(client.get("/data/signatories.csv").streaming_content).decode()
    home = client.get("/en/").content.decode()
    return page, data, home


def test_verify_publishes_records_who_and_when_and_mails_once(
    client, declaration, staff, django_capture_on_commit_callbacks
):
    signature = make_signature(
        full_name="Kari Nordmann",
        status=Signature.Status.PENDING,
        email_confirmed_at=timezone.now(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.verify_signature(signature, staff) is True
        assert services.verify_signature(signature, staff) is False

    signature.refresh_from_db()
    assert signature.status == Signature.Status.VERIFIED
    assert signature.verified_by == staff
    assert signature.verified_at is not None
    (message,) = mail.outbox
    assert message.to == [signature.email]
    assert "has verified your signature" in message.body
    assert "Kari Nordmann" in client.get("/en/declaration/").content.decode()


def test_verification_mail_is_in_the_signatorys_language(
    declaration, staff, django_capture_on_commit_callbacks
):
    signature = make_signature(
        status=Signature.Status.PENDING, language="fr", email_confirmed_at=timezone.now()
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.verify_signature(signature, staff)

    assert "http://127.0.0.1:8000/fr/declaration/" in mail.outbox[0].body


def test_a_signature_without_e_mail_is_verified_silently(
    declaration, staff, django_capture_on_commit_callbacks
):
    signature = make_signature(
        status=Signature.Status.PENDING, email="", source=Signature.Source.PAPER
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.verify_signature(signature, staff) is True

    assert mail.outbox == []


def test_a_form_signature_is_not_verified_before_its_e_mail_is_confirmed(
    declaration, staff, django_capture_on_commit_callbacks
):
    signature = make_signature(status=Signature.Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.verify_signature(signature, staff)

    assert outcome is services.EMAIL_NOT_CONFIRMED
    assert not outcome
    assert signature.status == Signature.Status.PENDING
    assert signature.history.filter(history_change_reason="verified").count() == 0
    assert mail.outbox == []


def test_a_paper_signature_is_verified_without_e_mail_confirmation(declaration, staff):
    signature = make_signature(status=Signature.Status.PENDING, source=Signature.Source.PAPER)

    assert services.verify_signature(signature, staff) is True
    assert signature.status == Signature.Status.VERIFIED


def test_a_rejected_signature_cannot_be_verified(declaration, staff):
    signature = make_signature(status=Signature.Status.REJECTED)

    assert services.verify_signature(signature, staff) is False
    assert signature.status == Signature.Status.REJECTED


def test_reject_records_the_reason_and_who(declaration, staff):
    signature = make_signature(status=Signature.Status.PENDING)

    assert services.reject_signature(signature, staff, "Not an elected representative.") is True
    assert services.reject_signature(signature, staff, "Again") is False

    signature.refresh_from_db()
    assert signature.status == Signature.Status.REJECTED
    assert signature.rejection_reason == "Not an elected representative."
    assert signature.status_changed_by == staff
    assert signature.status_changed_at is not None


def test_withdraw_is_idempotent(declaration, staff):
    signature = make_signature()

    assert services.withdraw_signature(signature, staff) is True
    assert services.withdraw_signature(signature, staff) is False
    assert signature.status == Signature.Status.WITHDRAWN


def test_a_stale_copy_does_not_undo_a_change(declaration, staff):
    signature = make_signature(status=Signature.Status.PENDING)
    stale = Signature.objects.get(pk=signature.pk)
    services.withdraw_signature(signature, staff)

    assert services.verify_signature(stale, staff) is False
    assert Signature.objects.get(pk=signature.pk).status == Signature.Status.WITHDRAWN


@pytest.mark.parametrize("change", ["withdraw", "reject"])
def test_a_withdrawn_or_rejected_signature_disappears_from_every_public_place(
    client, declaration, staff, change
):
    signature = make_signature(full_name="Matti Meikäläinen")
    make_signature(full_name="Jan Kowalski")
    page, data, home = public_everywhere(client)
    assert "Matti Meikäläinen" in page and "Matti Meikäläinen" in data
    assert "<strong>2</strong> elected representatives" in home

    if change == "withdraw":
        services.withdraw_signature(signature, staff)
    else:
        services.reject_signature(signature, staff, "Duplicate")

    page, data, home = public_everywhere(client)
    assert "Matti Meikäläinen" not in page
    assert "Matti Meikäläinen" not in data
    assert "<strong>1</strong> elected representative " in home
    assert [row["full_name"] for row in csv.DictReader(io.StringIO(data))] == ["Jan Kowalski"]
