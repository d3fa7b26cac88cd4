"""What the task worker runs for the subscriptions (SCHEDULED_TASKS "send-digests")."""

from django.tasks import task

from . import digests


@task
def send_digests():
    """Write the digests that are due (at once, weekly, monthly) into the outbox."""
    return digests.send_due_digests()
