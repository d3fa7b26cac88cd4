from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    ANSWER_DECISION,
    Decision,
    DecisionQueueMixin,
    answer_action,
    decision_action,
    reply_link,
)

from . import services
from .models import ContactMessage, SecretariatContact


@admin.register(SecretariatContact)
class SecretariatContactAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["name", "role", "email", "phone", "position"]
    list_editable = ["position"]
    search_fields = ["name", "role_en", "role_fr", "email"]


class HandledFilter(admin.SimpleListFilter):
    title = _("handled")
    parameter_name = "handled"

    def lookups(self, request, model_admin):
        return [("no", _("To handle")), ("yes", _("Handled"))]

    def queryset(self, request, queryset):
        if self.value() == "no":
            return queryset.filter(handled_at__isnull=True)
        if self.value() == "yes":
            return queryset.filter(handled_at__isnull=False)
        return queryset


@admin.register(ContactMessage)
class ContactMessageAdmin(DecisionQueueMixin, SimpleHistoryAdmin):
    list_display = ["received_at", "name", "email", "subject", "language", "handled"]
    list_filter = [HandledFilter, "subject", "language"]
    search_fields = ["name", "email", "message"]
    list_select_related = ["handled_by"]
    date_hierarchy = "received_at"
    actions = ["answer_selected", "mark_handled"]
    readonly_fields = [
        "name",
        "email",
        "subject",
        "message",
        "language",
        "received_at",
        "handled_at",
        "handled_by",
        "write_to",
        "answer",
        "answered_at",
        "answered_by",
    ]
    fieldsets = [
        (
            None,
            {"fields": ["name", "email", "subject", "language", "received_at", "message"]},
        ),
        (
            _("Answer and handling"),
            {
                "fields": [
                    "answer",
                    ("answered_at", "answered_by"),
                    ("handled_at", "handled_by"),
                    "write_to",
                    "note",
                ]
            },
        ),
    ]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # The message itself is read-only: the one Save button keeps the staff note.
        context.update(show_save_and_continue=False, show_save_and_add_another=False)
        return super().render_change_form(request, context, add, change, form_url, obj)

    @admin.display(description=_("handled"), boolean=True, ordering="handled_at")
    def handled(self, message):
        return message.is_handled

    def has_add_permission(self, request):
        return False  # messages come from the form only

    @admin.display(description=_("or in your own mail program"))
    def write_to(self, message):
        return reply_link(
            message.email,
            message.name,
            services.answer_subject(message),
            message.get_language_display(),
        )

    def decisions(self, request, message):
        buttons = []
        if message.answered_at is None:
            buttons.append(ANSWER_DECISION)
        if not message.is_handled:
            buttons.append(Decision("mark_handled", _("Mark as handled"), then_next=True))
        return buttons

    def queue(self, queryset):
        """Messages nobody has handled yet, the oldest first."""
        return queryset.filter(handled_at__isnull=True).order_by("received_at", "pk")

    answer_selected = answer_action(
        services.answer,
        title=_("Answer contact messages"),
        intro=_(
            "Your answer is e-mailed to the sender, with their message, and kept with it; "
            "the message is then handled. Write in the sender’s language."
        ),
        detail=lambda message: f"{message.email} · {message.get_language_display()}",
    )
    mark_handled = decision_action(
        services.mark_handled,
        description=_("Mark as handled"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d message marked as handled", "%(count)d messages marked as handled", "count"
        ),
        left=ngettext_lazy(
            "%(count)d was already handled", "%(count)d were already handled", "count"
        ),
        left_level=messages.SUCCESS,
    )
