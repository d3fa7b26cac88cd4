"""Staff see when each timed job last ran, what it did, when it runs next, and which failed."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from background import tasks
from background.models import ScheduledJob
from tests.core.test_backoffice import counts_on_home

pytestmark = pytest.mark.django_db

JOBS = reverse("admin:background_scheduledjob_changelist")
FAILED = "Scheduled jobs whose last run failed"


@pytest.fixture
def schedule(database_tasks):
    tasks.ensure_schedule()
    now = timezone.now()
    ScheduledJob.objects.update(
        last_started_at=now, last_finished_at=now, last_succeeded=True, last_outcome="done"
    )
    ScheduledJob.objects.filter(name="prune-outbox").update(
        last_succeeded=False, last_outcome="OperationalError: the database is read-only"
    )


def test_a_failed_job_is_listed_first_with_its_error_and_named_above_the_list(
    admin_client, schedule
):
    page = admin_client.get(JOBS).text

    body = page.split("<tbody>", 1)[1]
    first_row = body.split("</tr>", 1)[0]
    assert ">prune-outbox</a>" in first_row
    assert "OperationalError: the database is read-only" in first_row
    assert 'alt="False"' in first_row  # the admin's red cross
    assert "1 job failed at its last run: prune-outbox." in page


def test_the_list_shows_when_each_job_last_ran_and_runs_next(admin_client, schedule):
    job = ScheduledJob.objects.get(name="sweep-outbox")

    page = admin_client.get(JOBS).text

    assert "every 5\xa0minutes" in page
    assert "every day at" in page
    assert timezone.localtime(job.next_run_at).strftime("%Y") in page
    assert "job failed" in page
    assert "overdue" not in page


def test_a_run_that_never_started_is_shown_overdue(admin_client, schedule):
    ScheduledJob.objects.filter(name="sweep-outbox").update(
        next_run_at=timezone.now() - datetime.timedelta(hours=1)
    )

    page = admin_client.get(JOBS).text

    assert "overdue, is the task worker running?" in page


def test_no_failure_no_warning(admin_client, schedule):
    ScheduledJob.objects.update(last_succeeded=True)

    assert "failed at" not in admin_client.get(JOBS).text


def test_the_failed_jobs_are_counted_on_the_admin_home_and_linked(admin_client, schedule):
    assert counts_on_home(admin_client)[FAILED] == 1

    listed = admin_client.get(JOBS + "?last_succeeded__exact=0").text

    assert ">prune-outbox</a>" in listed
    assert ">sweep-outbox</a>" not in listed
    assert f'href="{JOBS}?last_succeeded__exact=0"' in admin_client.get("/admin/").text


def test_a_successful_run_clears_the_failure(admin_client, schedule, database_tasks):
    job = ScheduledJob.objects.get(name="prune-outbox")
    admin_client.post(JOBS, {"action": "run_now", "_selected_action": [job.pk]})
    database_tasks()

    assert counts_on_home(admin_client)[FAILED] == 0


def test_the_count_is_for_staff_who_may_see_the_schedule(officer, officer_client, schedule):
    assert FAILED not in counts_on_home(officer_client)

    officer.user_permissions.add(Permission.objects.get(codename="view_scheduledjob"))

    assert counts_on_home(officer_client)[FAILED] == 1


def test_a_jobs_page_shows_its_whole_last_outcome(admin_client, schedule):
    job = ScheduledJob.objects.get(name="prune-outbox")
    ScheduledJob.objects.filter(pk=job.pk).update(last_outcome="OperationalError: " + "x" * 300)

    page = admin_client.get(reverse("admin:background_scheduledjob_change", args=[job.pk]))

    assert page.status_code == 200
    assert "x" * 300 in page.text
    assert "Next run" in page.text
