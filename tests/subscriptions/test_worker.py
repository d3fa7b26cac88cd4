"""The digest job runs on the task worker's schedule, through the real task machinery."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import tasks
from background.models import OutgoingEmail, ScheduledJob
from tests.factories import make_practice, make_subscription

pytestmark = pytest.mark.django_db


def test_the_worker_runs_the_digest_job_every_quarter_of_an_hour(database_tasks, settings, contact):
    job = settings.SCHEDULED_TASKS["send-digests"]
    assert job == {"task": "subscriptions.tasks.send_digests", "every": 900}
    settings.SCHEDULED_TASKS = {"send-digests": job}
    make_subscription(contact, themes=["education"])
    make_practice(themes=["education"], title="Homework clubs in Košice")
    tasks.ensure_schedule()

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    database_tasks()

    run = ScheduledJob.objects.get(name="send-digests")
    assert run.last_succeeded is True
    assert run.last_outcome == "1 new publication(s) noted, 1 digest(s) sent"
    assert run.every == datetime.timedelta(minutes=15)
    assert run.next_run_at > timezone.now()
    email = OutgoingEmail.objects.get()
    assert email.to == [contact.email]
    assert "Homework clubs in Košice" in email.body
    assert email.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
