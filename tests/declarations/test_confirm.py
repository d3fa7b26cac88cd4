import datetime
import re

import pytest
from django.core import mail, signing

from declarations import services
from declarations.models import Signature
from tests.factories import make_signature

from .conftest import sign_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(declaration):
    return make_signature(full_name="Ola Nordmann", status=Signature.Status.PENDING)


def url(token):
    return f"/en/declaration/confirm/{token}/"


def token_from(days_ago, signature, monkeypatch):
    """A token as if signed `days_ago` days ago."""
    past = datetime.datetime.now(tz=datetime.UTC) - datetime.timedelta(days=days_ago)
    monkeypatch.setattr(signing.time, "time", lambda: past.timestamp())
    token = services.confirmation_token(signature)
    monkeypatch.undo()
    return token


def test_opening_the_link_asks_to_confirm_and_changes_nothing(client, pending):
    """Mail scanners open every link of a message: opening one must not confirm."""
    response = client.get(url(services.confirmation_token(pending)))

    pending.refresh_from_db()
    content = response.content.decode()
    assert response.status_code == 200
    assert "Confirm my signature" in content
    assert '<form method="post">' in content
    assert pending.email_confirmed_at is None
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_scanner_opening_the_link_many_times_confirms_nothing(client, pending):
    token = services.confirmation_token(pending)
    for _ in range(3):
        client.get(url(token))
        client.head(url(token))

    pending.refresh_from_db()
    assert pending.email_confirmed_at is None


def test_the_button_confirms_the_address_and_says_what_comes_next(client, pending):
    response = client.post(url(services.confirmation_token(pending)))

    pending.refresh_from_db()
    assert response.status_code == 200
    assert pending.email_confirmed_at is not None
    assert pending.status == Signature.Status.PENDING
    assert "now waits for verification by the Congress secretariat" in response.content.decode()


def test_opening_the_link_twice_keeps_the_first_confirmation(client, pending):
    token = services.confirmation_token(pending)
    client.post(url(token))
    pending.refresh_from_db()
    first = pending.email_confirmed_at

    response = client.post(url(token))

    pending.refresh_from_db()
    assert response.status_code == 200
    assert pending.email_confirmed_at == first


def test_confirm_email_reports_the_first_time_only(pending):
    assert services.confirm_email(pending) is True
    assert services.confirm_email(pending) is False


def test_link_from_the_mail_confirms(client, declaration, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/declaration/sign/", sign_data())
    link = next(line for line in mail.outbox[0].body.splitlines() if "/confirm/" in line)

    path = link.removeprefix("http://127.0.0.1:8000")
    assert "Confirm my signature" in client.get(path).content.decode()

    response = client.post(path)

    assert response.status_code == 200
    assert Signature.objects.get().email_confirmed_at is not None


def test_expired_link_explains_and_offers_a_new_one(client, pending, monkeypatch, settings):
    token = token_from(settings.CONFIRMATION_MAX_AGE_DAYS + 1, pending, monkeypatch)

    response = client.post(url(token))

    pending.refresh_from_db()
    content = response.content.decode()
    assert response.status_code == 410
    assert "This link has expired" in content
    assert "Send me a new link" in content
    assert pending.email_confirmed_at is None


def test_a_link_just_inside_its_lifetime_still_works(client, pending, monkeypatch, settings):
    token = token_from(settings.CONFIRMATION_MAX_AGE_DAYS - 1, pending, monkeypatch)

    assert client.post(url(token)).status_code == 200
    pending.refresh_from_db()
    assert pending.email_confirmed_at is not None


def test_asking_for_a_new_link_mails_it_to_the_stored_address(
    client, pending, monkeypatch, settings, django_capture_on_commit_callbacks
):
    token = token_from(settings.CONFIRMATION_MAX_AGE_DAYS + 1, pending, monkeypatch)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url(token)}resend/")

    assert response.status_code == 200
    assert "A new link is on its way" in response.content.decode()
    (message,) = mail.outbox
    assert message.to == [pending.email]
    new_link = next(line for line in message.body.splitlines() if "/confirm/" in line)
    assert client.get(new_link.removeprefix("http://127.0.0.1:8000")).status_code == 200


def test_new_links_to_one_address_stop_at_its_limit_and_say_when_to_ask_again(
    client, pending, monkeypatch, settings, django_capture_on_commit_callbacks
):
    token = token_from(settings.CONFIRMATION_MAX_AGE_DAYS + 1, pending, monkeypatch)
    for _ in range(settings.FORM_RATE_LIMIT_PER_EMAIL):
        assert client.post(f"{url(token)}resend/").status_code == 200

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{url(token)}resend/")

    assert response.status_code == 429
    assert re.search(r"Please try again in \d+ minutes?", response.content.decode())
    assert mail.outbox == []


def test_an_expired_link_of_a_confirmed_signature_just_says_so(
    client, pending, monkeypatch, settings
):
    services.confirm_email(pending)
    token = token_from(settings.CONFIRMATION_MAX_AGE_DAYS + 1, pending, monkeypatch)

    response = client.get(url(token))

    assert response.status_code == 200
    assert "Your e-mail address is confirmed" in response.content.decode()


@pytest.mark.parametrize(
    "mangle", [lambda t: t[:-2] + "xx", lambda t: "x" + t, lambda t: "nonsense"]
)
def test_tampered_link_gives_a_clear_400(client, pending, mangle):
    response = client.post(url(mangle(services.confirmation_token(pending))))

    pending.refresh_from_db()
    assert response.status_code == 400
    assert "This link is not valid" in response.content.decode()
    assert pending.email_confirmed_at is None


def test_token_signed_for_another_purpose_is_refused(client, pending):
    token = signing.dumps(pending.pk)  # the default salt, not the confirmation one

    assert client.get(url(token)).status_code == 400


def test_link_of_a_deleted_signature_gives_a_404_page(client, pending):
    token = services.confirmation_token(pending)
    pending.delete()

    response = client.get(url(token))

    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()


def test_link_of_a_withdrawn_signature_does_not_revive_it(client, pending):
    pending.status = Signature.Status.WITHDRAWN
    pending.save()

    response = client.post(url(services.confirmation_token(pending)))

    pending.refresh_from_db()
    assert "This signature is no longer active" in response.content.decode()
    assert pending.status == Signature.Status.WITHDRAWN
