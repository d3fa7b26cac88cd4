"""The scale-out option: tasks in Redis (django-tasks-rq), run by RQ's own worker."""

import signal
import time

import django_rq
import pytest
from django.db import transaction
from django_tasks_rq import Job
from rq.registry import ScheduledJobRegistry
from rq.worker import SimpleWorker

from background.models import OutgoingEmail
from core.mail import send_after_commit

from .conftest import RQ_TASKS, redis_or_skip

pytestmark = pytest.mark.django_db


@pytest.fixture
def rq_tasks(settings):
    """Tasks in Redis (a database of its own, emptied), and a worker run in this process."""
    redis_or_skip(settings.RQ_QUEUES["default"]["URL"])
    settings.TASKS = RQ_TASKS
    redis = django_rq.get_connection("default")
    redis.flushdb()
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}

    def run_worker():
        worker = django_rq.get_worker("default", job_class=Job, worker_class=SimpleWorker)
        worker.work(burst=True, with_scheduler=True)

    yield run_worker
    for sig, handler in handlers.items():
        signal.signal(sig, handler)
    redis.flushdb()


def test_a_refused_e_mail_waits_in_rq_s_schedule_and_goes_out_when_due(
    rq_tasks, smtp_server, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_RETRY_DELAYS = [1]
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        send_after_commit("Hello", "members/email/join_received.txt", {}, ["mayor@example.org"])

    rq_tasks()

    email = OutgoingEmail.objects.get()
    assert email.state == OutgoingEmail.State.RETRYING
    scheduled = ScheduledJobRegistry(queue=django_rq.get_queue("default"))
    assert scheduled.get_job_ids() == [email.task_id]

    smtp_server.start()
    time.sleep(1.1)
    rq_tasks()

    assert len(smtp_server.inbox.to("mayor@example.org")) == 1
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert email.attempts == 2
