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
