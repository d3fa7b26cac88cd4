import datetime

from django.contrib import admin, messages
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import outbox, schedule, tasks
from .models import OutgoingEmail, ScheduledJob

# A run this late was not started: the worker is stopped, or has lost its queue.
OVERDUE_AFTER = datetime.timedelta(minutes=15)


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows the worker writes: staff read them and act through the actions, never edit them."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(ReadOnlyAdmin):
    # A large table: no full COUNT(*) of it on every page view.
    show_full_result_count = False
    list_display = [
        "created_at",
        "recipients",
        "subject_shown",
        "state",
        "attempts",
        "short_error",
        "sent_at",
    ]
    list_filter = ["state", "language", "created_at"]
    search_fields = ["to", "subject"]
    search_help_text = _("An address (the person’s e-mail) or words of the subject.")
    date_hierarchy = "created_at"
    actions = ["send_again"]
    fieldsets = [
        (
            None,
            {"fields": ["recipients", "from_email", "subject_shown", "body_shown", "language"]},
        ),
        (
            _("Delivery"),
            {
                "fields": [
                    "state",
                    "attempts",
                    "last_error",
                    "created_at",
                    "last_attempt_at",
                    "next_attempt_at",
                    "sent_at",
                    "message_id",
                    "task_id",
                ]
            },
        ),
    ]

    @admin.display(description=_("to"))
    def recipients(self, email):
        return email.recipients_shown

    # What staff see hides the secrets of the e-mail's links: a sign-in link shown here would
    # sign anyone who reads the outbox in as its recipient.
    @admin.display(description=_("subject"), ordering="subject")
    def subject_shown(self, email):
        return outbox.masked(email.subject)

    @admin.display(description=_("message"))
    def body_shown(self, email):
        return outbox.masked(email.body)

    def lookup_allowed(self, lookup, value, request):
        # Filtering on the text (?body__startswith=…) would tell its secrets letter by letter.
        if lookup.split("__")[0] in ("body", "subject"):
            return False
        return super().lookup_allowed(lookup, value, request)

    @admin.display(description=_("last error"))
    def short_error(self, email):
        if email.state == OutgoingEmail.State.SENT or not email.last_error:
            return ""
        return email.last_error if len(email.last_error) < 120 else email.last_error[:119] + "…"

    @admin.action(description=_("Send again"), permissions=["send_again"])
    def send_again(self, request, queryset):
        queued, skipped = outbox.send_again(queryset.order_by("created_at", "pk"))
        for email in queued:
            tasks.queue_after_commit(email)
        self.message_user(
            request,
            " ".join(
                part
                for part in [
                    ngettext(
                        "%(count)d e-mail queued again.",
                        "%(count)d e-mails queued again.",
                        len(queued),
                    )
                    % {"count": len(queued)},
                    skipped
                    and ngettext(
                        "%(count)d was skipped: it is already on its way.",
                        "%(count)d were skipped: they are already on their way.",
                        skipped,
                    )
                    % {"count": skipped},
                ]
                if part
            ),
            messages.SUCCESS if queued else messages.WARNING,
        )

    def has_send_again_permission(self, request):
        # The rows are read-only; the right to change them is the right to send them again.
        return request.user.has_perm("background.change_outgoingemail")


@admin.register(ScheduledJob)
class ScheduledJobAdmin(ReadOnlyAdmin):
    list_display = [
        "name",
        "timing",
        "last_started_at",
        "last_succeeded",
        "short_outcome",
        "next_run",
    ]
    list_filter = ["last_succeeded"]
    # The failed jobs first, then the next due.
    ordering = [F("last_succeeded").asc(nulls_last=True), "next_run_at", "name"]
    actions = ["run_now"]
    fieldsets = [
        (None, {"fields": ["name", "task_path", "daily_at", "every"]}),
        (
            _("Runs"),
            {
                "fields": [
                    "last_started_at",
                    "last_finished_at",
                    "last_succeeded",
                    "last_outcome",
                    "next_run",
                    "task_id",
                ]
            },
        ),
    ]

    @admin.display(description=_("when"))
    def timing(self, job):
        if job.daily_at is not None:
            return _("every day at %(time)s") % {"time": date_format(job.daily_at, "TIME_FORMAT")}
        if job.every is not None:
            return _("every %(duration)s") % {"duration": timesince_of(job.every)}
        return ""

    @admin.display(description=_("last outcome"))
    def short_outcome(self, job):
        if job.last_started_at is not None and job.last_succeeded is None:
            return _("running (or stopped before it finished)")
        outcome = job.last_outcome
        return outcome if len(outcome) < 120 else outcome[:119] + "…"

    @admin.display(description=_("next run"), ordering="next_run_at")
    def next_run(self, job):
        when = date_format(timezone.localtime(job.next_run_at), "DATETIME_FORMAT")
        if job.next_run_at < timezone.now() - OVERDUE_AFTER:
            return _("%(when)s: overdue, is the task worker running?") % {"when": when}
        return when

    def changelist_view(self, request, extra_context=None):
        failed = list(ScheduledJob.objects.failed().values_list("name", flat=True))
        if failed and request.method == "GET":
            self.message_user(
                request,
                ngettext(
                    "%(count)d job failed at its last run: %(names)s.",
                    "%(count)d jobs failed at their last run: %(names)s.",
                    len(failed),
                )
                % {"count": len(failed), "names": ", ".join(failed)},
                messages.ERROR,
            )
        return super().changelist_view(request, extra_context)

    def has_delete_permission(self, request, obj=None):
        # The rows mirror SCHEDULED_TASKS: a deleted one would come back at the next migrate.
        return False

    @admin.action(description=_("Run now"), permissions=["run_now"])
    def run_now(self, request, queryset):
        for job in queryset:
            tasks.queue_run(schedule.run_now(job))
        self.message_user(
            request,
            ngettext("%(count)d job queued.", "%(count)d jobs queued.", len(queryset))
            % {"count": len(queryset)},
            messages.SUCCESS,
        )

    def has_run_now_permission(self, request):
        return request.user.has_perm("background.change_scheduledjob")


def timesince_of(duration):
    """A duration in words ("5 minutes")."""
    now = timezone.now()
    return timesince(now - duration, now)
