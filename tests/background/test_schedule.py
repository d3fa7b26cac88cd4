"""Timed jobs without cron: the worker keeps the schedule, visible in the admin."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import schedule, tasks
from background.models import ScheduledJob
from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db

PARIS = datetime.timezone(datetime.timedelta(hours=1))


def test_a_daily_job_is_due_next_at_its_local_time(settings):
    settings.TIME_ZONE = "Europe/Paris"
    spec = {"at": "03:30"}

    before = datetime.datetime(2026, 11, 29, 2, 0, tzinfo=PARIS)
    after = datetime.datetime(2026, 11, 29, 3, 30, tzinfo=PARIS)

    assert schedule.next_run(spec, before) == datetime.datetime(2026, 11, 29, 3, 30, tzinfo=PARIS)
    assert schedule.next_run(spec, after) == datetime.datetime(2026, 11, 30, 3, 30, tzinfo=PARIS)
    assert schedule.next_run({"every": 300}, after) == after + datetime.timedelta(minutes=5)


def test_migrate_queues_each_job_once_however_often_it_runs(database_tasks, settings):
    for _ in range(3):
        tasks.ensure_schedule()

    jobs = ScheduledJob.objects.order_by("name")
    assert [job.name for job in jobs] == sorted(settings.SCHEDULED_TASKS)
    queued = DBTaskResult.objects.filter(task_path="background.tasks.run_scheduled_job")
    assert queued.count() == len(settings.SCHEDULED_TASKS)
    assert {str(task.id) for task in queued} == {job.task_id for job in jobs}


def test_the_immediate_backend_keeps_no_schedule():
    assert tasks.ensure_schedule() == []
    assert not ScheduledJob.objects.exists()


def run_due(database_tasks):
    """Make every queued run due now, as the clock would, and let the worker run them."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    database_tasks()


def test_the_daily_purge_runs_by_itself_and_queues_its_next_run(database_tasks, settings):
    settings.SCHEDULED_TASKS = {
        "purge-personal-data": {"task": "alliance.tasks.purge_personal_data", "at": "03:30"}
    }
    old = make_member(status=Member.Status.REJECTED, decided_at=timezone.now())
    Member.objects.filter(pk=old.pk).update(decided_at=timezone.now() - datetime.timedelta(400))
    tasks.ensure_schedule()

    run_due(database_tasks)

    assert not Member.objects.filter(pk=old.pk).exists()
    job = ScheduledJob.objects.get()
    assert job.last_succeeded is True
    assert "Deleted 0 unconfirmed signature(s) and 1 rejected join request(s)" in job.last_outcome
    assert job.next_run_at > timezone.now()
    assert timezone.localtime(job.next_run_at).time() == datetime.time(3, 30)
    (next_run,) = DBTaskResult.objects.filter(status="READY")
    assert str(next_run.id) == job.task_id
    assert next_run.run_after == job.next_run_at


def test_a_run_queued_twice_does_the_work_once(database_tasks, settings, monkeypatch):
    done = []
    monkeypatch.setattr("background.outbox.prune", lambda: done.append(1) or 0)
    settings.SCHEDULED_TASKS = {
        "prune-outbox": {"task": "background.tasks.prune_outbox", "every": 60}
    }
    tasks.ensure_schedule()
    job = ScheduledJob.objects.get()
    tasks.queue_run(job)  # a second copy of the same run

    run_due(database_tasks)

    assert done == [1]
    outcomes = sorted(t.return_value for t in DBTaskResult.objects.filter(status="SUCCESSFUL"))
    assert outcomes == [
        "prune-outbox: 0 old e-mail(s) deleted",
        "prune-outbox: this run was already done",
    ]
    assert DBTaskResult.objects.filter(status="READY").count() == 1


def test_a_failing_job_is_recorded_and_its_next_run_still_queued(database_tasks, settings):
    settings.SCHEDULED_TASKS = {
        "broken": {"task": "tests.background.test_schedule.broken", "every": 60}
    }
    tasks.ensure_schedule()

    run_due(database_tasks)

    job = ScheduledJob.objects.get()
    assert job.last_succeeded is False
    assert job.last_outcome == "RuntimeError: the job broke"
    assert DBTaskResult.objects.get(status="FAILED").exception_class_path == "builtins.RuntimeError"
    assert str(DBTaskResult.objects.get(status="READY").id) == job.task_id


def broken():
    raise RuntimeError("the job broke")


def test_a_job_taken_out_of_the_settings_is_dropped(database_tasks, settings):
    tasks.ensure_schedule()
    settings.SCHEDULED_TASKS = {"sweep-outbox": settings.SCHEDULED_TASKS["sweep-outbox"]}

    tasks.ensure_schedule()

    assert list(ScheduledJob.objects.values_list("name", flat=True)) == ["sweep-outbox"]
