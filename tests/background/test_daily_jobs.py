"""The worker's daily jobs forget what is no longer needed: expired sessions."""

import datetime
from importlib import import_module

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import tasks
from background.models import ScheduledJob

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "engine", ["django.contrib.sessions.backends.db", "django.contrib.sessions.backends.cached_db"]
)
def test_the_daily_job_deletes_expired_sessions_and_keeps_live_ones(
    database_tasks, settings, engine
):
    settings.SESSION_ENGINE = engine
    job = settings.SCHEDULED_TASKS["clear-expired-sessions"]
    assert job["at"] == settings.DAILY_TASKS_AT
    settings.SCHEDULED_TASKS = {"clear-expired-sessions": job}
    store = import_module(engine).SessionStore
    expired, live = store(), store()
    expired["typed"], live["typed"] = "old.address@example.org", "new.address@example.org"
    expired.create()
    live.create()
    Session.objects.filter(session_key=expired.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(minutes=1)
    )
    tasks.ensure_schedule()

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    database_tasks()

    assert list(Session.objects.values_list("session_key", flat=True)) == [live.session_key]
    assert ScheduledJob.objects.get().last_succeeded is True


def test_the_daily_job_deletes_finished_task_results_after_two_weeks(database_tasks, settings):
    job = settings.SCHEDULED_TASKS["prune-task-results"]
    assert job["at"] == settings.DAILY_TASKS_AT
    settings.SCHEDULED_TASKS = {"prune-task-results": job}
    tasks.prune_outbox.enqueue()
    tasks.prune_outbox.enqueue()
    database_tasks()
    old, recent = DBTaskResult.objects.filter(status="SUCCESSFUL")
    DBTaskResult.objects.filter(pk=old.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=15)
    )
    tasks.ensure_schedule()

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    database_tasks()

    assert not DBTaskResult.objects.filter(pk=old.pk).exists()
    assert DBTaskResult.objects.filter(pk=recent.pk).exists()
    assert ScheduledJob.objects.get().last_outcome == "1 old task result(s) deleted"


def test_every_declared_job_runs_on_the_worker_and_succeeds(database_tasks, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.DATA_FILES_ROOT = str(tmp_path / "data-files")
    for name in ("clear-expired-sessions", "prune-task-results", "prune-outbox"):
        assert name in settings.SCHEDULED_TASKS
    assert "delete-stale-files" in settings.SCHEDULED_TASKS
    tasks.ensure_schedule()

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    database_tasks()

    jobs = ScheduledJob.objects.order_by("name")
    assert [job.name for job in jobs] == sorted(settings.SCHEDULED_TASKS)
    assert {job.name: job.last_succeeded for job in jobs} == dict.fromkeys(
        settings.SCHEDULED_TASKS, True
    )
    assert all(job.next_run_at > timezone.now() for job in jobs)
