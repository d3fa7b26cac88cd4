"""Timed jobs without cron: SCHEDULED_TASKS, kept as rows the admin shows.

Each run is a task carrying its job's name and due time. It first moves the row's next run
forward with a conditional UPDATE (only the copy that finds its due time there goes on), then
queues the next run, then does the work: a run queued twice, or a job started by hand while
its run was waiting, does the work once and never forks the schedule.
"""

import datetime

from django.conf import settings
from django.utils import timezone

from .models import ScheduledJob


def declared():
    return settings.SCHEDULED_TASKS


def next_run(spec, after):
    """The first time after `after` that the job is due: "at" HH:MM local time, or "every" N s."""
    if "every" in spec:
        return after + datetime.timedelta(seconds=spec["every"])
    at = datetime.time.fromisoformat(spec["at"])
    zone = timezone.get_current_timezone()
    day = timezone.localtime(after, zone).date()
    while (moment := datetime.datetime.combine(day, at, tzinfo=zone)) <= after:
        day += datetime.timedelta(days=1)
    return moment


def _fields(spec):
    return {
        "task_path": spec["task"],
        "daily_at": datetime.time.fromisoformat(spec["at"]) if "at" in spec else None,
        "every": datetime.timedelta(seconds=spec["every"]) if "every" in spec else None,
    }


def sync_rows(now=None):
    """Make the rows what SCHEDULED_TASKS says; a job whose timing changed is due anew."""
    now = now or timezone.now()
    jobs = declared()
    ScheduledJob.objects.exclude(name__in=jobs).delete()
    rows = []
    for name, spec in jobs.items():
        fields = _fields(spec)
        job, created = ScheduledJob.objects.get_or_create(
            name=name, defaults={**fields, "next_run_at": next_run(spec, now)}
        )
        if not created and any(getattr(job, key) != value for key, value in fields.items()):
            ScheduledJob.objects.filter(pk=job.pk).update(**fields, next_run_at=next_run(spec, now))
            job.refresh_from_db()
        rows.append(job)
    return rows


def claim(name, due, now=None):
    """Move job `name` from its run due at `due` to the next one: the job, or None if this run
    was already done, or the job is no longer scheduled."""
    now = now or timezone.now()
    spec = declared().get(name)
    if spec is None:
        return None
    claimed = ScheduledJob.objects.filter(name=name, next_run_at=due).update(
        next_run_at=next_run(spec, max(now, due)),
        last_started_at=now,
        last_finished_at=None,
        last_succeeded=None,
        last_outcome="",
        task_id="",
    )
    return ScheduledJob.objects.get(name=name) if claimed else None


def record(job, succeeded, outcome):
    ScheduledJob.objects.filter(pk=job.pk).update(
        last_finished_at=timezone.now(), last_succeeded=succeeded, last_outcome=outcome[:2000]
    )


def run_now(job, now=None):
    """Make `job` due now (staff's "Run now"): its waiting run becomes a no-op."""
    now = now or timezone.now()
    ScheduledJob.objects.filter(pk=job.pk).update(next_run_at=now, task_id="")
    job.refresh_from_db()
    return job
