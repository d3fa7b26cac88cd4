"""A contact person writes to the authority behind another member's practice: the message
reaches that member's contact persons and nobody else, answers go straight back to the sender,
and no address of theirs is ever shown."""

import datetime
import json
import re
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from background.models import OutgoingEmail
from participants import services as participant_services
from peers import services
from peers.models import Message
from practices.models import Practice
from tests.factories import make_contact_person, make_member, make_practice

from .conftest import PEERS, ask_path, message_data, sign_in

pytestmark = pytest.mark.django_db


def send(client, path, capture, **fields):
    with capture(execute=True):
        return client.post(path, message_data(**fields))


def test_a_message_reaches_the_member_s_contact_persons_and_nobody_else(
    signed_in, sender, practice, lyon_contacts, graz, django_capture_on_commit_callbacks
):
    make_contact_person(sender.member, name="A colleague", email="colleague@kosice.example.sk")

    response = send(signed_in, ask_path(practice), django_capture_on_commit_callbacks)

    assert response.status_code == 302
    to_lyon = {m.to[0]: m for m in mail.outbox if m.to[0].endswith("@lyon.example.fr")}
    assert set(to_lyon) == {"jean@lyon.example.fr", "amina@lyon.example.fr"}
    # Each their own e-mail; the sender gets a copy; nobody else anything.
    assert sorted(tuple(m.to) for m in mail.outbox) == [
        ("amina@lyon.example.fr",),
        ("jean@lyon.example.fr",),
        ("zuzana@kosice.example.sk",),
    ]
    for message in to_lyon.values():
        assert message.message()["Reply-To"] == "zuzana@kosice.example.sk"
        assert "Zuzana Horváthová (Roma inclusion officer, Košice)" in message.body
        assert "How did you recruit the mediators, and who pays them" in message.body
        assert "Mediators in Lyon" in message.body
        assert "Košice" in message.subject and "Your school mediators" in message.subject
    # Written in each recipient's language.
    languages = {row.to[0]: row.language for row in OutgoingEmail.objects.all()}
    assert languages["jean@lyon.example.fr"] == "fr"
    assert languages["amina@lyon.example.fr"] == "en"
    stored = Message.objects.get()
    assert (stored.sender, stored.member, stored.practice) == (
        sender,
        practice.members.get(),
        practice,
    )
    assert stored.recipient_count == 2


def test_the_sender_is_never_shown_the_recipients_addresses(
    signed_in, practice, lyon_contacts, django_capture_on_commit_callbacks
):
    form_page = signed_in.get(ask_path(practice))
    response = send(signed_in, ask_path(practice), django_capture_on_commit_callbacks)
    sent_page = signed_in.get(response["Location"])
    (copy,) = [m for m in mail.outbox if m.to == ["zuzana@kosice.example.sk"]]

    assert sent_page.status_code == 200
    assert "on its way to the 2 contact persons of Lyon" in sent_page.text
    for text in (form_page.text, sent_page.text, copy.body):
        for contact in lyon_contacts:
            assert contact.email not in text
        assert "inclusion.office@lyon.example.fr" not in text
    # The form shows the sender what the recipients will see of them.
    assert "Zuzana Horváthová, Roma inclusion officer · Košice" in form_page.text


def test_the_sender_sees_only_their_own_messages(
    client, signed_in, sender, practice, lyon_contacts, django_capture_on_commit_callbacks
):
    send(signed_in, ask_path(practice), django_capture_on_commit_callbacks)
    message = Message.objects.get()

    other = sign_in(client.__class__(), lyon_contacts[1])

    assert other.get(f"{PEERS}messages/{message.pk}/").status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in(client, practice):
    page = client.get(practice.get_absolute_url())
    form = client.get(ask_path(practice))

    assert "Sign in to write to this authority" in page.text
    assert f'href="/en/participants/?next=%2Fen%2Fpractices%2F{practice.slug}%2F"' in page.text
    assert ask_path(practice) not in page.text
    assert form.status_code == 302
    assert form["Location"].startswith("/en/participants/?next=")


def test_a_signed_in_contact_of_another_member_is_offered_the_form(signed_in, practice):
    page = signed_in.get(practice.get_absolute_url())

    assert "Write to this authority" in page.text
    assert f'href="{ask_path(practice)}"' in page.text
    assert "Sign in to write" not in page.text


def test_a_contact_cannot_write_to_their_own_member(
    client, practice, lyon_contacts, django_capture_on_commit_callbacks
):
    own = sign_in(client, lyon_contacts[0])

    page = own.get(practice.get_absolute_url())
    form = own.get(ask_path(practice))
    posted = send(own, ask_path(practice), django_capture_on_commit_callbacks)
    to_member = own.get(f"{PEERS}members/{practice.members.get().slug}/write/")

    assert "This is your authority’s practice" in page.text
    assert "Write to this authority" not in page.text
    assert form.status_code == posted.status_code == to_member.status_code == 403
    assert "you cannot write to yourselves" in form.text
    assert not Message.objects.exists()
    assert mail.outbox == []


def test_an_unpublished_practice_cannot_be_written_about(
    signed_in, lyon, lyon_contacts, django_capture_on_commit_callbacks
):
    for status in (Practice.Status.DRAFT, Practice.Status.SUBMITTED, Practice.Status.ARCHIVED):
        draft = make_practice(members=[lyon], status=status)

        assert signed_in.get(ask_path(draft)).status_code == 404
        assert (
            send(signed_in, ask_path(draft), django_capture_on_commit_callbacks).status_code == 404
        )

    assert mail.outbox == []


def test_a_practice_of_several_members_asks_which_one(
    signed_in, practice, graz, django_capture_on_commit_callbacks
):
    practice.members.add(graz)

    form = signed_in.get(ask_path(practice) + f"?to={graz.slug}")
    response = send(
        signed_in, ask_path(practice), django_capture_on_commit_callbacks, member=str(graz.pk)
    )

    assert re.search(rf'type="radio"[^>]*name="member" value="{graz.pk}"[^>]*checked', form.text)
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == [
        "greta@graz.example.at",
        "zuzana@kosice.example.sk",
    ]


def test_a_member_without_a_contact_person_in_the_space_cannot_be_written_to(signed_in):
    lonely = make_member(name="Quiet Town", country="PL")
    practice = make_practice(members=[lonely])

    response = signed_in.get(ask_path(practice))

    assert response.status_code == 200
    assert "no message can reach them from here" in response.text
    assert "<textarea" not in response.text


def test_a_sender_is_stopped_after_the_day_s_messages(
    signed_in, sender, practice, lyon_contacts, django_capture_on_commit_callbacks
):
    for n in range(services.MAX_MESSAGES_PER_DAY):
        response = send(
            signed_in, ask_path(practice), django_capture_on_commit_callbacks, subject=f"Q{n}"
        )
        assert response.status_code == 302, n
    mail.outbox.clear()

    refused = send(
        signed_in, ask_path(practice), django_capture_on_commit_callbacks, subject="One more"
    )

    assert refused.status_code == 429
    assert "please send it tomorrow" in refused.text
    assert 'value="One more"' in refused.text  # kept as typed
    assert mail.outbox == []
    assert Message.objects.count() == services.MAX_MESSAGES_PER_DAY


def test_the_form_s_rate_limits_apply(
    settings, signed_in, practice, lyon_contacts, django_capture_on_commit_callbacks
):
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 2
    statuses = [
        send(
            signed_in, ask_path(practice), django_capture_on_commit_callbacks, subject=f"Q{n}"
        ).status_code
        for n in range(3)
    ]

    assert statuses == [302, 302, 429]
    assert Message.objects.count() == 2


def test_the_same_message_twice_is_sent_once(
    signed_in, practice, lyon_contacts, django_capture_on_commit_callbacks
):
    first = send(signed_in, ask_path(practice), django_capture_on_commit_callbacks)
    again = send(signed_in, ask_path(practice), django_capture_on_commit_callbacks)

    assert (first.status_code, again.status_code) == (302, 429)
    assert Message.objects.count() == 1


def test_an_empty_message_is_refused_with_what_was_typed(signed_in, practice, lyon_contacts):
    response = signed_in.post(ask_path(practice), message_data(body=""))

    assert response.status_code == 200
    assert 'value="Your school mediators"' in response.text
    assert not Message.objects.exists()


# Kept for staff, purged, in the sender's own data


def sent_message(sender, practice, age=datetime.timedelta(0)):
    message = services.send_message(sender, practice.members.get(), "A question", "Text.", practice)
    Message.objects.filter(pk=message.pk).update(sent_at=timezone.now() - age)
    return message


def test_staff_read_the_messages_and_cannot_change_them(admin_client, sender, practice):
    message = sent_message(sender, practice)

    listing = admin_client.get("/admin/peers/message/")
    page = admin_client.get(f"/admin/peers/message/{message.pk}/change/")

    assert "A question" in listing.text and "Zuzana Horváthová" in listing.text
    assert page.status_code == 200
    assert 'name="_save"' not in page.text and "<textarea" not in page.text
    assert admin_client.get("/admin/peers/message/add/").status_code == 403
    assert admin_client.get(f"/admin/peers/message/{message.pk}/delete/").status_code == 403


def test_messages_are_purged_after_the_retention_period(settings, sender, practice):
    settings.RETENTION_DAYS = 30
    old = sent_message(sender, practice, datetime.timedelta(days=31))
    recent = sent_message(sender, practice, datetime.timedelta(days=29))
    output = StringIO()

    call_command("purge_personal_data", stdout=output)

    assert list(Message.objects.values_list("pk", flat=True)) == [recent.pk]
    assert not Message.history.filter(id=old.pk).exists()
    assert "Deleted 1 message(s) between members sent more than 30 days ago." in output.getvalue()


def test_a_contact_s_messages_are_in_their_data_export_and_erased_with_them(
    signed_in, sender, practice
):
    sent_message(sender, practice)

    export = json.loads(signed_in.get("/en/participants/my-data/export.json").content)
    participant_services.erase_contact(sender, None)

    (data,) = export
    assert [row["subject"] for row in data["messages_to_other_members"]] == ["A question"]
    assert not Message.objects.exists()
    assert not Message.history.exists()
