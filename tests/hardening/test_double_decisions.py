"""Two staff members deciding the same request at the same moment: one decision, one e-mail."""

import threading

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from declarations import services as declaration_services
from declarations.models import Signature
from members import services as member_services
from members.models import Member
from tests.factories import make_member, make_signature

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "needs PostgreSQL: the SQLite test database lives in memory, where two threads cannot "
        "each hold a connection and write at the same time"
    ),
)


def conditional_updates(queries, table):
    return [
        query["sql"]
        for query in queries
        if query["sql"].startswith(f'UPDATE "{table}"') and "WHERE" in query["sql"]
    ]


# Any database: the decision is a conditional UPDATE whose row count decides.


@pytest.mark.django_db
def test_approving_is_an_update_that_only_a_pending_request_matches(officer):
    member = make_member(status=Member.Status.PENDING)

    with CaptureQueriesContext(connection) as queries:
        member_services.approve_member(member, officer)

    (update,) = conditional_updates(queries.captured_queries, "members_member")
    assert """"members_member"."status" = 'pending'""" in update


@pytest.mark.django_db
def test_two_stale_copies_of_a_request_give_one_decision_and_one_email(
    officer, second_officer, mailoutbox, django_capture_on_commit_callbacks
):
    member = make_member(status=Member.Status.PENDING, contact_email="mayor@example.org")
    # Two staff members opened the request before either decided: both copies say "pending".
    first_copy = Member.objects.get(pk=member.pk)
    second_copy = Member.objects.get(pk=member.pk)

    with django_capture_on_commit_callbacks(execute=True):
        first = member_services.approve_member(first_copy, officer)
        second = member_services.approve_member(second_copy, second_officer)

    assert (first, second) == (True, False)
    member.refresh_from_db()
    assert member.decided_by == officer
    assert [message.to for message in mailoutbox] == [["mayor@example.org"]]
    assert member.history.filter(history_change_reason="approved").count() == 1


@pytest.mark.django_db
def test_the_second_officer_is_told_the_request_was_already_decided(
    client, officer, second_officer
):
    member = make_member(status=Member.Status.PENDING)
    url = reverse("admin:members_member_changelist") + "?status=all"
    data = {"action": "approve_selected", "_selected_action": [member.pk]}
    client.force_login(officer)
    client.post(url, data)

    client.force_login(second_officer)
    response = client.post(url, data, follow=True)

    assert "0 requests approved, 1 was not pending and was left as it was." in response.text


@pytest.mark.django_db
def test_verifying_is_an_update_that_only_a_pending_signature_matches(officer):
    signature = make_signature(status=Signature.Status.PENDING, email_confirmed_at=timezone.now())

    with CaptureQueriesContext(connection) as queries:
        declaration_services.verify_signature(signature, officer)

    (update,) = conditional_updates(queries.captured_queries, "declarations_signature")
    assert """"declarations_signature"."status" IN ('pending')""" in update


@pytest.mark.django_db
def test_two_stale_copies_of_a_signature_give_one_verification_and_one_email(
    officer, second_officer, mailoutbox, django_capture_on_commit_callbacks
):
    signature = make_signature(
        status=Signature.Status.PENDING,
        email="mayor@example.org",
        email_confirmed_at=timezone.now(),
    )
    first_copy = Signature.objects.get(pk=signature.pk)
    second_copy = Signature.objects.get(pk=signature.pk)

    with django_capture_on_commit_callbacks(execute=True):
        first = declaration_services.verify_signature(first_copy, officer)
        second = declaration_services.verify_signature(second_copy, second_officer)

    assert (first, second) == (True, False)
    signature.refresh_from_db()
    assert signature.verified_by == officer
    assert [message.to for message in mailoutbox] == [["mayor@example.org"]]
    assert signature.history.filter(history_change_reason="verified").count() == 1


# PostgreSQL: two threads, each with its own connection, released at the same moment.


@pytest.fixture
def two_staff(django_user_model):
    """Two staff members. Not from the groups: a transactional test starts from empty tables."""
    return [
        django_user_model.objects.create_user(name, is_staff=True) for name in ("anna", "boris")
    ]


def race(decide, pk, users):
    """Run decide(pk, user) in one thread per user, all started together; return the results."""
    barrier = threading.Barrier(len(users))
    results, errors = {}, []

    def run(user):
        try:
            barrier.wait(timeout=10)
            results[user.username] = decide(pk, user)
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=[user]) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    return results


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_officers_approving_at_the_same_moment_give_one_decision_and_one_email(
    two_staff, mailoutbox
):
    member = make_member(status=Member.Status.PENDING, contact_email="mayor@example.org")

    results = race(
        lambda pk, user: member_services.approve_member(Member.objects.get(pk=pk), user),
        member.pk,
        two_staff,
    )

    assert sorted(results.values()) == [False, True]
    winner = next(name for name, won in results.items() if won)
    member.refresh_from_db()
    assert member.status == Member.Status.APPROVED
    assert member.decided_by.username == winner
    assert [message.to for message in mailoutbox] == [["mayor@example.org"]]
    (record,) = member.history.filter(history_change_reason="approved")
    assert record.history_user.username == winner


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_officers_verifying_at_the_same_moment_give_one_verification_and_one_email(
    two_staff, mailoutbox
):
    signature = make_signature(
        status=Signature.Status.PENDING,
        email="mayor@example.org",
        email_confirmed_at=timezone.now(),
    )

    results = race(
        lambda pk, user: declaration_services.verify_signature(Signature.objects.get(pk=pk), user),
        signature.pk,
        two_staff,
    )

    assert sorted(results.values()) == [False, True]
    signature.refresh_from_db()
    assert signature.status == Signature.Status.VERIFIED
    assert [message.to for message in mailoutbox] == [["mayor@example.org"]]
    assert signature.history.filter(history_change_reason="verified").count() == 1
