"""Faults, with a real SMTP server and the database backend's worker: nothing lost, nothing twice."""

import time

import pytest
from django.db import transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import tasks
from background.models import OutgoingEmail
from core.mail import send_after_commit
from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db

JOIN_URL = "/en/join/"
ANNA = "anna.kowalska@example.org"


def join(client, join_data, capture, **changes):
    with capture(execute=True):
        response = client.post(JOIN_URL, {**join_data, **changes})
    assert response.status_code == 302
    return response


def test_a_request_sent_while_the_mail_server_is_down_is_acknowledged_once_it_is_up_exactly_once(
    client, join_data, smtp_server, database_tasks, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_RETRY_DELAYS = [0.5, 0.5, 0.5]

    join(client, join_data, django_capture_on_commit_callbacks)
    database_tasks()

    acknowledgement = OutgoingEmail.objects.get(to=[ANNA])
    assert acknowledgement.state == OutgoingEmail.State.RETRYING
    assert "Connection refused" in acknowledgement.last_error
    assert smtp_server.inbox.received == []

    smtp_server.start()
    time.sleep(0.6)
    database_tasks()
    time.sleep(0.6)
    database_tasks()

    (message,) = smtp_server.inbox.to(ANNA)
    assert "Subject: Your request to join the Alliance" in message
    acknowledgement.refresh_from_db()
    assert acknowledgement.state == OutgoingEmail.State.SENT
    assert acknowledgement.attempts == 2
    assert len(smtp_server.inbox.to("secretariat@example.org")) == 1
    assert not DBTaskResult.objects.ready().exists()


def test_a_mail_server_down_for_an_hour_loses_nothing_and_sends_nothing_twice(
    client, join_data, smtp_server, database_tasks, django_capture_on_commit_callbacks
):
    join(client, join_data, django_capture_on_commit_callbacks)
    waited = timezone.timedelta(0)
    while waited < timezone.timedelta(hours=1):
        database_tasks()
        email = OutgoingEmail.objects.get(to=[ANNA])
        assert email.state == OutgoingEmail.State.RETRYING, email.last_error
        # An hour passes, one retry delay at a time: each waiting try becomes due.
        waited += email.next_attempt_at - email.last_attempt_at
        DBTaskResult.objects.filter(run_after__gt=timezone.now()).update(run_after=timezone.now())

    smtp_server.start()
    database_tasks()
    database_tasks()

    assert len(smtp_server.inbox.to(ANNA)) == 1
    assert OutgoingEmail.objects.get(to=[ANNA]).state == OutgoingEmail.State.SENT
    assert not DBTaskResult.objects.ready().exists()


def test_while_the_worker_is_down_requests_are_kept_and_their_e_mails_go_out_in_order_when_it_starts(
    client, join_data, smtp_server, database_tasks, django_capture_on_commit_callbacks
):
    smtp_server.start()
    addresses = [f"contact{n}@example.org" for n in range(3)]
    for n, address in enumerate(addresses):
        join(
            client,
            join_data,
            django_capture_on_commit_callbacks,
            name=f"Town {n}",
            contact_email=address,
        )

    assert Member.objects.pending().count() == 3
    assert OutgoingEmail.objects.waiting().count() == 6
    assert smtp_server.inbox.received == []

    database_tasks()

    acknowledged = [
        recipients[0]
        for recipients, _text in smtp_server.inbox.received
        if recipients[0] in addresses
    ]
    assert acknowledged == addresses
    assert not OutgoingEmail.objects.waiting().exists()


def test_the_task_is_queued_after_the_commit_and_carries_only_the_e_mail_id(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        member = make_member(status=Member.Status.PENDING)
        send_after_commit(
            "Hello", "members/email/join_received.txt", {"member": member}, [member.contact_email]
        )
    assert not DBTaskResult.objects.exists()

    for callback in callbacks:
        callback()

    email = OutgoingEmail.objects.get()
    (queued,) = DBTaskResult.objects.all()
    assert queued.task_path == "background.tasks.send_email"
    assert queued.args_kwargs == {"args": [email.pk], "kwargs": {}}
    assert email.task_id == str(queued.id)


def test_a_task_for_a_deleted_e_mail_is_marked_failed_and_the_worker_goes_on(
    smtp_server, database_tasks, django_capture_on_commit_callbacks
):
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        first = _queue("first@example.org")
        second = _queue("second@example.org")
    deleted_id = first.pk
    first.delete()

    database_tasks()

    (failed,) = [t for t in DBTaskResult.objects.all() if t.args_kwargs["args"] == [deleted_id]]
    assert failed.status == "FAILED"
    assert "OutgoingEmail.DoesNotExist" in failed.traceback
    assert len(smtp_server.inbox.to("second@example.org")) == 1
    second.refresh_from_db()
    assert second.state == OutgoingEmail.State.SENT
    assert not DBTaskResult.objects.ready().exists()


def test_an_unexpected_error_marks_the_e_mail_and_its_task_failed_never_retried(
    smtp_server, database_tasks, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(self, fail_silently=False):
        raise UnicodeError("a bug in the message")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", broken)
    with django_capture_on_commit_callbacks(execute=True):
        email = _queue("someone@example.org")

    database_tasks()

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.FAILED
    assert email.last_error == "UnicodeError: a bug in the message"
    (task,) = DBTaskResult.objects.all()
    assert task.status == "FAILED"
    assert task.exception_class_path == "builtins.UnicodeError"


def test_a_message_the_server_rejects_fails_at_once_with_its_reply(
    smtp_server, database_tasks, django_capture_on_commit_callbacks
):
    smtp_server.inbox.refuse.add("nobody@example.org")
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        email = _queue("nobody@example.org")

    database_tasks()

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.FAILED
    assert email.attempts == 1
    assert "550" in email.last_error
    assert not DBTaskResult.objects.ready().exists()


def test_after_the_last_retry_the_e_mail_is_marked_failed(
    smtp_server, database_tasks, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_RETRY_DELAYS = [0, 0]
    with django_capture_on_commit_callbacks(execute=True):
        email = _queue("someone@example.org")

    database_tasks()

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.FAILED
    assert email.attempts == 3
    assert "Connection refused" in email.last_error
    assert not DBTaskResult.objects.ready().exists()


def test_a_template_error_keeps_the_submission_and_shows_a_failed_e_mail(
    database_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        member = make_member(status=Member.Status.PENDING)
        send_after_commit("Hello", "members/email/missing.txt", {}, [member.contact_email])

    assert Member.objects.filter(pk=member.pk).exists()
    email = OutgoingEmail.objects.get()
    assert email.state == OutgoingEmail.State.FAILED
    assert email.last_error.startswith("TemplateDoesNotExist")
    assert not DBTaskResult.objects.exists()


def _queue(address):
    with transaction.atomic():
        send_after_commit("Hello", "members/email/join_received.txt", {"member": None}, [address])
    return OutgoingEmail.objects.get(to=[address])


def test_the_sweep_queues_again_an_e_mail_whose_task_was_lost(
    smtp_server, database_tasks, django_capture_on_commit_callbacks
):
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        lost = _queue("lost@example.org")
        _queue("waiting@example.org")
    lost_task = [t for t in DBTaskResult.objects.all() if t.args_kwargs["args"] == [lost.pk]]
    DBTaskResult.objects.filter(pk=lost_task[0].pk).delete()
    an_hour_ago = timezone.now() - timezone.timedelta(hours=1)
    OutgoingEmail.objects.update(next_attempt_at=an_hour_ago)

    assert (
        tasks.sweep_outbox.call() == "1 e-mail(s) queued again, 0 interrupted one(s) marked failed"
    )
    database_tasks()

    assert len(smtp_server.inbox.to("lost@example.org")) == 1
    assert len(smtp_server.inbox.to("waiting@example.org")) == 1


def test_the_sweep_marks_failed_an_e_mail_a_stopped_worker_left_sending(database_tasks):
    email = OutgoingEmail.objects.create(
        to=["someone@example.org"],
        subject="Hello",
        body="Hello",
        from_email="noreply@example.org",
        state=OutgoingEmail.State.SENDING,
        attempts=1,
        last_attempt_at=timezone.now() - timezone.timedelta(hours=1),
    )

    tasks.sweep_outbox.call()

    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.FAILED
    assert "it may have gone out" in email.last_error
    assert not DBTaskResult.objects.exists()
