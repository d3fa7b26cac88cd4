import csv
import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import strip_tags

from events import services
from events.models import Event, ParticipantMessage, Registration
from tests.factories import DAY, make_event, make_registration

pytestmark = pytest.mark.django_db


def form_data(**fields):
    return {
        "full_name": "Ana Horvat",
        "authority": "Municipality of Radenci",
        "role": "Deputy mayor",
        "email": "Ana@Example.org",
        "language": "fr",
        "accessibility_needs": "Step-free access",
        "consent": "on",
        **fields,
    }


@pytest.fixture
def event(db):
    return make_event(title="Housing seminar", registration_open=True, capacity=2)


def confirmation_link(message):
    return re.search(r"https?://\S+/confirm/\S+/", message.body).group(0)


def test_registering_sends_a_confirmation_link_and_counts_only_once_confirmed(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/en/events/{event.slug}/register/", form_data())

    assert response.status_code == 302
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.UNCONFIRMED
    assert registration.email == "ana@example.org"
    (message,) = mailoutbox
    assert message.to == ["ana@example.org"]
    link = confirmation_link(message)
    assert "/fr/events/confirm/" in link  # in the language the person chose

    path = link.split("://", 1)[1].split("/", 1)[1]
    page = client.get(f"/{path}")
    assert "Confirmer mon inscription" in page.content.decode()  # in French, as chosen
    registration.refresh_from_db()
    assert registration.status == Registration.Status.UNCONFIRMED  # a GET confirms nothing

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/{path}")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_beyond_capacity_people_join_the_waiting_list(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    make_registration(event)
    make_registration(event)
    late = make_registration(event, status=Registration.Status.UNCONFIRMED, confirmed_at=None)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.confirm_registration(late)

    assert late.status == Registration.Status.WAITING
    assert "waiting list" in mailoutbox[0].subject


def test_confirming_twice_changes_nothing(event):
    registration = make_registration(event, status=Registration.Status.UNCONFIRMED)

    assert services.confirm_registration(registration)
    assert not services.confirm_registration(registration)


def test_a_freed_place_goes_to_the_first_on_the_waiting_list(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    leaving = make_registration(event)
    make_registration(event)
    first = make_registration(event, status=Registration.Status.WAITING)
    second = make_registration(
        event, status=Registration.Status.WAITING, confirmed_at=timezone.now() + DAY
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.cancel_registration(leaving)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == Registration.Status.CONFIRMED
    assert second.status == Registration.Status.WAITING
    assert [message.to for message in mailoutbox] == [[first.email]]


def answer_to(data, slug, capture):
    """What a visitor sees after posting the form: status, address, and the page it leads to."""
    client = Client()
    with capture(execute=True):
        response = client.post(f"/en/events/{slug}/register/", data)
    page = client.get(response["Location"]) if response.status_code == 302 else response
    return response.status_code, response.get("Location"), visible_text(page)


def visible_text(response):
    """The page's text as read (its tokens, which differ from one visitor to the next, are not)."""
    return " ".join(strip_tags(response.content.decode()).split())


@pytest.mark.parametrize(
    "status",
    [
        Registration.Status.UNCONFIRMED,
        Registration.Status.CONFIRMED,
        Registration.Status.WAITING,
        Registration.Status.CANCELLED,
    ],
)
def test_the_form_answers_a_registered_address_as_a_new_one_and_writes_to_its_owner(
    event, status, mailoutbox, django_capture_on_commit_callbacks
):
    make_registration(event, email="ana@example.org", status=status, language="fr")

    known = answer_to(form_data(), event.slug, django_capture_on_commit_callbacks)
    new = answer_to(
        form_data(email="someone.new@example.org"), event.slug, django_capture_on_commit_callbacks
    )

    assert known == new
    assert known[:2] == (302, f"/en/events/{event.slug}/register/thanks/")
    assert Registration.objects.filter(email__iexact="ana@example.org").count() == 1
    owner, newcomer = mailoutbox
    assert owner.to == ["ana@example.org"]
    assert "/fr/events/" in owner.body  # in the language of the registration
    assert newcomer.to == ["someone.new@example.org"]
    assert "Please confirm your registration" in newcomer.subject


def test_the_owner_of_an_unconfirmed_address_is_sent_the_link_again(
    client, event, mailoutbox, django_capture_on_commit_callbacks
):
    registration = make_registration(
        event, email="ana@example.org", status=Registration.Status.UNCONFIRMED, language="en"
    )

    answer_to(form_data(language="en"), event.slug, django_capture_on_commit_callbacks)

    (message,) = mailoutbox
    assert message.subject == "You are already registered: Housing seminar"
    assert "You are already registered, so nothing new was recorded." in message.body
    with django_capture_on_commit_callbacks(execute=True):
        client.post(confirmation_path(message))
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_confirmed_participant_registering_again_is_told_their_place_holds(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    make_registration(event, email="ana@example.org", language="en")

    answer_to(form_data(language="en"), event.slug, django_capture_on_commit_callbacks)

    (message,) = mailoutbox
    assert message.to == ["ana@example.org"]
    assert "Your place is confirmed: there is nothing more to do." in message.body
    assert "/confirm/" not in message.body


def test_a_refused_form_says_the_same_for_a_registered_address(
    event, django_capture_on_commit_callbacks
):
    make_registration(event, email="ana@example.org")

    known = answer_to(
        form_data(consent="", email="ana@example.org"),
        event.slug,
        django_capture_on_commit_callbacks,
    )
    new = answer_to(
        form_data(consent="", email="someone.new@example.org"),
        event.slug,
        django_capture_on_commit_callbacks,
    )

    assert known[0] == new[0] == 200
    assert known[2] == new[2]
    assert "Please agree that these details are stored" in known[2]
    assert "already" not in known[2]


def test_consent_is_required_and_formula_names_are_refused(client, event):
    response = client.post(
        f"/en/events/{event.slug}/register/", form_data(consent="", full_name="=HYPERLINK(1)")
    )

    assert response.status_code == 200
    assert not Registration.objects.exists()


def test_events_without_registration_or_already_started_refuse_it(client):
    closed = make_event(registration_open=False)
    started = make_event(registration_open=True, starts_in=-datetime.timedelta(hours=1))

    assert client.get(f"/en/events/{closed.slug}/register/").status_code == 404
    assert client.get(f"/en/events/{started.slug}/register/").status_code == 404


def test_a_tampered_link_is_refused(client):
    assert client.get("/en/events/confirm/not-a-token/").status_code == 400


def test_registrations_never_reach_a_public_page_or_file(client, event):
    make_registration(event, full_name="Secret Person", email="secret@example.org")

    pages = [
        client.get(event.get_absolute_url()).content,
        client.get("/en/events/").content,
        client.get("/en/events/calendar.ics").content,
        b"".join(client.get("/data/events.csv").streaming_content),
    ]

    for content in pages:
        assert b"Secret Person" not in content
        assert b"secret@example.org" not in content


def test_staff_export_the_participants_safe_from_formulas(staff_client, event):
    make_registration(event, full_name="Ana Horvat", role="=cmd|' /C calc'!A0")

    response = staff_client.post(
        "/admin/events/registration/",
        {
            "action": "export_participants",
            "_selected_action": list(Registration.objects.values_list("pk", flat=True)),
        },
    )

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["event", "full_name", "authority"]
    assert rows[1][1] == "Ana Horvat"
    assert rows[1][3] == "'=cmd|' /C calc'!A0"


def test_staff_e_mail_the_confirmed_participants_once(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    confirmed = make_registration(event, language="fr")
    make_registration(event, status=Registration.Status.WAITING)
    message = ParticipantMessage.objects.create(
        event=event, subject="Practical details", body="Bring ID."
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.send_participant_message(message) == 1
        assert services.send_participant_message(message) == 0

    assert [mail.to for mail in mailoutbox] == [[confirmed.email]]
    assert "Bring ID." in mailoutbox[0].body


def test_cancelling_an_event_tells_its_participants(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    participant = make_registration(event)

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_events(Event.objects.filter(pk=event.pk))
        services.cancel_events(Event.objects.filter(pk=event.pk))

    assert [mail.to for mail in mailoutbox] == [[participant.email]]


def test_registrations_are_purged_some_days_after_the_event(settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 30
    old = make_event(starts_in=-DAY * 40)
    recent = make_event(starts_in=-DAY * 10)
    gone = make_registration(old)
    kept = make_registration(recent)
    output = io.StringIO()

    call_command("purge_personal_data", stdout=output)

    assert list(Registration.objects.all()) == [kept]
    assert not Registration.history.filter(id=gone.pk).exists()
    assert "Deleted 1 event registration(s)" in output.getvalue()


def test_raising_the_capacity_moves_the_waiting_list_up(
    event, mailoutbox, django_capture_on_commit_callbacks
):
    make_registration(event)
    make_registration(event)
    first = make_registration(event, status=Registration.Status.WAITING)
    second = make_registration(
        event, status=Registration.Status.WAITING, confirmed_at=timezone.now() + DAY
    )
    event.capacity = 3
    event.save()

    with django_capture_on_commit_callbacks(execute=True):
        assert services.fill_places(event) == 1
        assert services.fill_places(event) == 0

    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == ("confirmed", "waiting")
    assert [message.to for message in mailoutbox] == [[first.email]]


def test_a_cancelled_event_confirms_no_registration(event):
    registration = make_registration(event, status=Registration.Status.UNCONFIRMED)
    services.cancel_events(Event.objects.filter(pk=event.pk))

    assert not services.confirm_registration(registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.UNCONFIRMED


def confirmation_path(message):
    return "/" + confirmation_link(message).split("://", 1)[1].split("/", 1)[1]


@pytest.mark.parametrize(
    "closing",
    [
        pytest.param({"registration_open": False}, id="registration turned off"),
        pytest.param(
            {"starts_at": timezone.now() - DAY, "ends_at": timezone.now() + DAY}, id="started"
        ),
        pytest.param(
            {"starts_at": timezone.now() - DAY * 3, "ends_at": timezone.now() - DAY}, id="ended"
        ),
        pytest.param({"status": Event.Status.CANCELLED}, id="cancelled"),
    ],
)
def test_a_confirmation_link_opened_after_registration_closed_confirms_nothing(
    client, event, closing, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/en/events/{event.slug}/register/", form_data(language="en"))
    path = confirmation_path(mailoutbox[0])
    Event.objects.filter(pk=event.pk).update(**closing)

    page = client.get(path)
    with django_capture_on_commit_callbacks(execute=True):
        posted = client.post(path)

    for response in (page, posted):
        assert response.status_code == 410
        assert "Registration has closed" in response.content.decode()
        assert "no longer takes registrations" in response.content.decode()
        assert "Confirm my registration" not in response.content.decode()
    assert Registration.objects.get().status == Registration.Status.UNCONFIRMED
    assert len(mailoutbox) == 1  # the link only: no "your place is confirmed"
