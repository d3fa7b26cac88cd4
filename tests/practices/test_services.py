"""The workflow: draft → submitted → published, or returned with a comment; published → archived.

Each step is one conditional UPDATE: run twice, or by two staff members at once, it changes the
practice once, records it once and writes once to the submitter.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from practices import services
from practices.models import Practice
from tests.factories import make_member, make_practice

Status = Practice.Status
pytestmark = pytest.mark.django_db

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: two threads cannot each write to SQLite's in-memory test database",
)


def test_staff_submit_a_draft_and_the_managers_are_told(
    editor, mailoutbox, settings, django_capture_on_commit_callbacks
):
    settings.MANAGERS = ["secretariat@example.org"]
    practice = make_practice(status=Status.DRAFT)

    with django_capture_on_commit_callbacks(execute=True):
        done = services.submit_practice(practice, by_user=editor)

    assert done is True
    assert practice.status == Status.SUBMITTED
    assert practice.submitted_by == editor
    assert practice.submitter_email == "editor@example.org"
    assert [message.to for message in mailoutbox] == [["secretariat@example.org"]]
    assert practice.title in mailoutbox[0].subject
    assert practice.history.filter(history_change_reason="submitted").count() == 1


def test_a_member_s_contact_person_submits_and_is_written_to_in_their_language(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    member = make_member(contact_email="roma.office@lyon.example.org", language="fr")
    practice = make_practice(status=Status.DRAFT, members=[member])

    with django_capture_on_commit_callbacks(execute=True):
        services.submit_practice(practice, by_contact=member)
        services.publish_practice(practice, by=editor)

    assert practice.submitted_by is None
    (message,) = [message for message in mailoutbox if message.to == [member.contact_email]]
    assert message.to == ["roma.office@lyon.example.org"]
    assert message.subject == "Votre pratique est publiée"
    assert "/fr/practices/" in message.body


def test_submitting_twice_submits_once():
    practice = make_practice(status=Status.DRAFT)

    assert services.submit_practice(practice) is True
    assert services.submit_practice(practice) is False
    assert practice.history.filter(history_change_reason="submitted").count() == 1


def test_publishing_puts_the_practice_online_and_tells_the_submitter_once(
    editor, second_editor, mailoutbox, django_capture_on_commit_callbacks
):
    practice = make_practice(status=Status.DRAFT)
    services.submit_practice(practice, by_contact=make_member(contact_email="a@b.example.org"))
    first_copy = Practice.objects.get(pk=practice.pk)
    second_copy = Practice.objects.get(pk=practice.pk)

    with django_capture_on_commit_callbacks(execute=True):
        first = services.publish_practice(first_copy, by=editor)
        second = services.publish_practice(second_copy, by=second_editor)

    assert (first, second) == (True, False)
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED
    assert practice.published_at is not None
    assert practice.decided_by == editor
    assert [message.to for message in mailoutbox] == [["a@b.example.org"]]
    assert practice.history.filter(history_change_reason="published").count() == 1


def test_publishing_is_an_update_that_only_an_unpublished_practice_matches(editor):
    practice = make_practice(status=Status.SUBMITTED)

    with CaptureQueriesContext(connection) as queries:
        services.publish_practice(practice, by=editor)

    (update,) = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].startswith('UPDATE "practices_practice"')
    ]
    assert '"practices_practice"."status" IN' in update


def test_returning_sends_the_comment_to_the_submitter(
    editor, mailoutbox, django_capture_on_commit_callbacks
):
    practice = make_practice(status=Status.DRAFT)
    services.submit_practice(practice, by_contact=make_member(contact_email="a@b.example.org"))

    with django_capture_on_commit_callbacks(execute=True):
        done = services.return_practice(practice, editor, "Please add the results of 2016.")
        again = services.return_practice(practice, editor, "Twice")

    assert (done, again) == (True, False)
    assert practice.status == Status.RETURNED
    assert practice.review_comment == "Please add the results of 2016."
    (message,) = mailoutbox
    assert "Please add the results of 2016." in message.body
    # Changed, it goes back to the secretariat; the comment is for the last round only.
    assert services.submit_practice(practice) is True
    assert practice.review_comment == ""


def test_only_a_submitted_practice_can_be_returned(editor):
    practice = make_practice(status=Status.PUBLISHED)

    assert services.return_practice(practice, editor, "No") is False
    practice.refresh_from_db()
    assert practice.status == Status.PUBLISHED


def test_archiving_takes_a_published_practice_offline(editor, client):
    practice = make_practice(status=Status.PUBLISHED)
    assert client.get(practice.get_absolute_url()).status_code == 200

    assert services.archive_practice(practice, editor) is True
    assert services.archive_practice(practice, editor) is False

    assert client.get(practice.get_absolute_url()).status_code == 404
    assert practice.history.filter(history_change_reason="archived").count() == 1


def test_a_published_practice_cannot_be_submitted_again():
    practice = make_practice(status=Status.PUBLISHED)

    assert services.submit_practice(practice) is False
    assert practice.status == Status.PUBLISHED


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_editors_publishing_at_the_same_moment_publish_once_and_write_once(mailoutbox):
    users = [
        get_user_model().objects.create_user(name, is_staff=True) for name in ("anna", "boris")
    ]
    practice = make_practice(status=Status.SUBMITTED, submitter_email="a@b.example.org")
    barrier = threading.Barrier(len(users))
    results, errors = {}, []

    def publish(user):
        try:
            barrier.wait(timeout=10)
            results[user.username] = services.publish_practice(
                Practice.objects.get(pk=practice.pk), user
            )
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=publish, args=[user]) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert not errors, errors
    assert sorted(results.values()) == [False, True]
    winner = next(name for name, won in results.items() if won)
    practice.refresh_from_db()
    assert practice.decided_by.username == winner
    assert [message.to for message in mailoutbox] == [["a@b.example.org"]]
    (record,) = practice.history.filter(history_change_reason="published")
    assert record.history_user.username == winner


def test_a_member_s_personal_data_export_includes_the_practices_its_contact_submitted(admin_client):
    import json

    from django.urls import reverse

    member = make_member(contact_email="Roma.Office@graz.example.org")
    practice = make_practice(status=Status.DRAFT)
    services.submit_practice(practice, by_contact=member)
    make_practice(status=Status.DRAFT, submitter_email="someone.else@example.org")

    response = admin_client.post(
        reverse("admin:members_member_changelist") + "?status=all",
        {"action": "export_personal_data", "_selected_action": [member.pk]},
    )

    (person,) = json.loads(response.content)
    assert [row["slug"] for row in person["practices submitted"]] == [practice.slug]
    assert person["practices submitted"][0]["history"][-1]["history_change_reason"] == "submitted"
