import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from declarations.models import Signature
from members.models import Member
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)
MINUTE = datetime.timedelta(minutes=1)


def aged(instance, age, field):
    """Date the row `age` ago, bypassing auto_now_add."""
    type(instance).objects.filter(pk=instance.pk).update(**{field: timezone.now() - age})
    return instance


def signature(age, **fields):
    values = {"status": Signature.Status.PENDING, "consent_to_publish": False, **fields}
    return aged(make_signature(**values), age, "created_at")


def rejected_request(age):
    member = make_member(status=Member.Status.REJECTED, decided_at=timezone.now())
    return aged(member, age, "decided_at")


def purge(*args):
    output = StringIO()
    call_command("purge_personal_data", *args, stdout=output)
    return output.getvalue()


def test_unconfirmed_signatures_older_than_the_window_are_deleted():
    outside = signature(90 * DAY + MINUTE)
    inside = signature(90 * DAY - MINUTE)

    output = purge("--days", "90")

    assert not Signature.objects.filter(pk=outside.pk).exists()
    assert Signature.objects.filter(pk=inside.pk).exists()
    assert "Deleted 1 unconfirmed signature(s)" in output


def test_rejected_join_requests_older_than_the_window_are_deleted():
    outside = rejected_request(90 * DAY + MINUTE)
    inside = rejected_request(90 * DAY - MINUTE)

    output = purge("--days", "90")

    assert not Member.objects.filter(pk=outside.pk).exists()
    assert Member.objects.filter(pk=inside.pk).exists()
    assert "1 rejected join request(s) older than 90 days" in output


def test_a_rejected_request_without_a_decision_date_ages_from_its_request():
    member = make_member(status=Member.Status.REJECTED)
    aged(member, 91 * DAY, "requested_at")

    purge("--days", "90")

    assert not Member.objects.filter(pk=member.pk).exists()


def test_everything_else_is_kept_however_old():
    old = 400 * DAY
    kept = [
        signature(old, email_confirmed_at=timezone.now() - old),  # confirmed, awaiting staff
        signature(old, status=Signature.Status.VERIFIED, consent_to_publish=True),
        signature(old, status=Signature.Status.REJECTED),
        signature(old, status=Signature.Status.WITHDRAWN),
        aged(make_member(status=Member.Status.APPROVED), old, "requested_at"),
        aged(make_member(status=Member.Status.PENDING), old, "requested_at"),
        aged(make_member(status=Member.Status.LEFT), old, "requested_at"),
    ]

    purge("--days", "1")

    assert Signature.objects.count() + Member.objects.count() == len(kept)


def test_the_window_defaults_to_the_retention_setting(settings):
    settings.RETENTION_DAYS = 30
    signature(30 * DAY + MINUTE)
    inside = signature(30 * DAY - MINUTE)

    output = purge()

    assert list(Signature.objects.values_list("pk", flat=True)) == [inside.pk]
    assert "older than 30 days" in output


def test_a_dry_run_counts_and_deletes_nothing():
    signature(100 * DAY)
    rejected_request(100 * DAY)

    output = purge("--days", "90", "--dry-run")

    assert Signature.objects.count() == 1
    assert Member.objects.count() == 1
    assert "Would delete 1 unconfirmed signature(s) and 1 rejected join request(s)" in output


def test_a_window_under_one_day_is_refused():
    signature(2 * DAY)

    with pytest.raises(CommandError):
        purge("--days", "0")

    assert Signature.objects.count() == 1
