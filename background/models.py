"""What the task worker keeps: the outbox of e-mails and the schedule of timed jobs."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet):
    def waiting(self):
        """E-mails the worker still has to send (first try or a retry)."""
        return self.filter(state__in=[OutgoingEmail.State.QUEUED, OutgoingEmail.State.RETRYING])

    def failed(self):
        return self.filter(state=OutgoingEmail.State.FAILED)


class OutgoingEmail(models.Model):
    """One e-mail, stored in the transaction of what it is about, then sent by a task."""

    class State(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        RETRYING = "retrying", _("retrying")
        FAILED = "failed", _("failed")

    # A list, not comma-joined text: an address may hold a comma ("a,b"@example.org).
    to = models.JSONField(_("to"), default=list, help_text=_("The recipients’ addresses."))
    from_email = models.CharField(_("from"), max_length=320)
    subject = models.CharField(_("subject"), max_length=500)
    body = models.TextField(_("message"))
    language = models.CharField(_("language"), max_length=10, blank=True)
    # More header lines, as {"List-Unsubscribe": "<https://…>"}; not shown to staff (a link's
    # secret may be in one).
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    message_id = models.CharField(
        _("Message-ID"),
        max_length=320,
        blank=True,
        help_text=_(
            "The same on every try, so a mail program shows one e-mail even if two arrive."
        ),
    )
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(
        _("last error"),
        blank=True,
        help_text=_("What the mail server said the last time it failed."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    task_id = models.CharField(
        _("task"), max_length=64, blank=True, help_text=_("The last task queued to send it.")
    )

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [
            models.Index(fields=["state", "next_attempt_at"], name="outgoing_email_state_idx"),
            models.Index(fields=["-created_at", "-id"], name="outgoing_email_created_idx"),
        ]

    def __str__(self):
        return f"{self.subject} → {self.recipients_shown}"

    @property
    def recipients_shown(self):
        return ", ".join(self.to)


class ScheduledJobQuerySet(models.QuerySet):
    def failed(self):
        """The jobs whose last run failed (until a run succeeds)."""
        return self.filter(last_succeeded=False)


class ScheduledJob(models.Model):
    """A job the worker runs at a time (SCHEDULED_TASKS); each run queues the next one."""

    name = models.SlugField(_("name"), max_length=100, unique=True)
    task_path = models.CharField(_("task"), max_length=200)
    daily_at = models.TimeField(
        _("every day at"), null=True, blank=True, help_text=_("Local time (TIME_ZONE).")
    )
    every = models.DurationField(_("every"), null=True, blank=True)
    next_run_at = models.DateTimeField(_("next run"))
    task_id = models.CharField(
        _("queued task"), max_length=64, blank=True, help_text=_("The task of the next run.")
    )
    last_started_at = models.DateTimeField(_("last run"), null=True, blank=True)
    last_finished_at = models.DateTimeField(_("last run finished"), null=True, blank=True)
    last_succeeded = models.BooleanField(_("last run succeeded"), null=True, blank=True)
    last_outcome = models.TextField(_("last outcome"), blank=True)

    objects = ScheduledJobQuerySet.as_manager()

    class Meta:
        ordering = ["next_run_at", "name"]
        verbose_name = _("scheduled job")
        verbose_name_plural = _("scheduled jobs")

    def __str__(self):
        return self.name
