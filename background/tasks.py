"""What the task worker runs (Django's task framework): the outbox's e-mails and the timed jobs.

A task carries ids and names, never personal data: the e-mail itself waits in its row.
"""

import datetime
import logging
from functools import partial
from importlib import import_module

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from . import outbox, schedule
from .models import OutgoingEmail

logger = logging.getLogger(__name__)

# Days a finished task result is kept (its outcome, for staff looking into a failure).
TASK_RESULTS_KEEP_DAYS = 14


@task
def send_email(email_id):
    """Send one e-mail of the outbox; when the mail server refuses it, queue the next try."""
    attempt = outbox.deliver(email_id)
    if attempt.retry_at is not None:
        queue_email(email_id, at=attempt.retry_at)
    return attempt.outcome


def queue_email(email_id, at=None):
    """Queue the task that sends e-mail `email_id`, now or at `at`."""
    result = _enqueue(send_email, email_id, at=at)
    if result is not None:
        OutgoingEmail.objects.filter(pk=email_id).update(task_id=result.id)
    return result


def queue_after_commit(email):
    """Queue `email` once the transaction that stored it (and what it is about) commits."""
    if email.state == OutgoingEmail.State.QUEUED:
        transaction.on_commit(partial(_queue_or_leave_to_the_sweep, email.pk))


def _queue_or_leave_to_the_sweep(email_id):
    try:
        queue_email(email_id)
    except Exception:
        # The row is committed: sweep_outbox queues it again within minutes.
        logger.exception("Could not queue e-mail %s; the outbox sweep will", email_id)


@task
def sweep_outbox():
    """Queue again the e-mails whose task was lost; give up on those a stopped worker left."""
    interrupted, overdue = outbox.stale()
    given_up = outbox.give_up_on_interrupted(interrupted)
    requeued = 0
    for email in overdue:
        if not is_waiting(send_email, email.task_id):
            queue_email(email.pk)
            requeued += 1
    return f"{requeued} e-mail(s) queued again, {given_up} interrupted one(s) marked failed"


@task
def prune_outbox():
    """Forget sent and failed e-mails older than OUTBOX_KEEP_DAYS."""
    return f"{outbox.prune()} old e-mail(s) deleted"


@task
def clear_expired_sessions():
    """Delete expired sessions (as `manage.py clearsessions`): they keep what visitors typed."""
    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
    return "expired sessions deleted"


@task
def prune_task_results():
    """Forget the database backend's finished task results after TASK_RESULTS_KEEP_DAYS."""
    backend = prune_task_results.get_backend()
    if not isinstance(backend, DatabaseBackend):
        return "nothing to prune: the task backend keeps its own results"
    # As the backend's `prune_db_task_results` command, on every queue, counting what it deletes.
    cutoff = timezone.now() - datetime.timedelta(days=TASK_RESULTS_KEEP_DAYS)
    old = DBTaskResult.objects.finished().filter(
        backend_name=backend.alias, finished_at__lte=cutoff
    )
    deleted, _by_model = old.delete()
    return f"{deleted} old task result(s) deleted"


@task
def run_scheduled_job(name, due):
    """One run of a timed job (SCHEDULED_TASKS): claim it, queue the next run, do the work."""
    job = schedule.claim(name, datetime.datetime.fromisoformat(due))
    if job is None:
        return f"{name}: this run was already done"
    queue_run(job)
    try:
        work = import_string(job.task_path)
        outcome = work.call() if hasattr(work, "call") else work()
    except Exception as error:
        schedule.record(job, False, outbox.describe(error))
        raise
    finally:
        # Each run also restarts any other job whose next run was lost.
        ensure_schedule()
    schedule.record(job, True, str(outcome or "done"))
    return f"{name}: {outcome}"


def queue_run(job):
    """Queue the run of `job` due at its next_run_at."""
    result = _enqueue(run_scheduled_job, job.name, job.next_run_at.isoformat(), at=job.next_run_at)
    if result is not None:
        type(job).objects.filter(pk=job.pk).update(task_id=result.id)
    return result


def ensure_schedule():
    """Make the schedule's rows match SCHEDULED_TASKS and queue each run that is not queued.

    Run at every `migrate` and by every scheduled run; harmless to run any number of times.
    """
    if not run_scheduled_job.get_backend().supports_defer:
        # The immediate backend (tests) runs everything at once: it can keep no schedule.
        return []
    queued = []
    for job in schedule.sync_rows():
        if not is_waiting(run_scheduled_job, job.task_id):
            queue_run(job)
            queued.append(job.name)
    return queued


def is_waiting(a_task, task_id):
    """Whether the task `task_id` is still queued or running (false when the backend has lost it)."""
    backend = a_task.get_backend()
    if not task_id or not backend.supports_get_result:
        return False
    try:
        status = backend.get_result(task_id).status
    except Exception:
        # Each backend raises its own "does not exist" (RQ's comes from the backport).
        return False
    return status in ("READY", "RUNNING")


def _enqueue(a_task, *args, at=None):
    if at is not None:
        if not a_task.get_backend().supports_defer:
            # The immediate backend cannot wait: the row keeps its time for a real worker.
            return None
        a_task = a_task.using(run_after=max(at, timezone.now()))
    return a_task.enqueue(*args)
