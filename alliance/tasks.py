"""Work the task worker does for the site as a whole (see SCHEDULED_TASKS in settings)."""

import io

from django.core.management import call_command
from django.tasks import task


@task
def purge_personal_data():
    """The retention purge (docs/operations.md), run daily by the worker's schedule."""
    output = io.StringIO()
    call_command("purge_personal_data", stdout=output)
    return output.getvalue().strip()


@task
def back_up():
    """A backup and its retention rule (`manage.py backup`), when BACKUP_SCHEDULE is set."""
    output = io.StringIO()
    call_command("backup", stdout=output)
    return output.getvalue().strip()
