from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    ANSWER_DECISION,
    Confirmation,
    Decision,
    DecisionQueueMixin,
    answer_action,
    decision_action,
    reply_link,
)

from . import services
from .models import Proposal

NOT_PENDING = ngettext_lazy(
    "%(count)d was not pending and was left as it was",
    "%(count)d were not pending and were left as they were",
    "count",
)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the organisation"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        max_length=2000,
        help_text=_("Written to the contact person in the e-mail that tells them the decision."),
    )


@admin.register(Proposal)
class ProposalAdmin(DecisionQueueMixin, SimpleHistoryAdmin):
    list_display = [
        "name",
        "country",
        "status",
        "roma_led",
        "list_publicly",
        "requested_at",
        "decided_by",
        "contact_name",
    ]
    list_filter = ["status", "roma_led", "list_publicly", "themes", "country", "language"]
    search_fields = ["name", "search_name", "contact_name", "contact_email"]
    list_select_related = ["decided_by"]
    date_hierarchy = "requested_at"
    filter_horizontal = ["themes", "members"]
    actions = ["accept_selected", "decline_selected", "answer_selected"]
    readonly_fields = [
        "status",
        "requested_at",
        "decided_at",
        "decided_by",
        "decline_reason",
        "language",
        "updated_at",
        "answer",
        "answered_at",
        "answered_by",
        "write_to",
    ]
    fieldsets = [
        (
            _("Organisation"),
            {"fields": ["name", "country", "website", "themes", "roma_led", "list_publicly"]},
        ),
        (_("Proposal"), {"fields": ["proposal", "members"]}),
        (
            _("Contact person (never published)"),
            {
                "fields": [
                    "contact_name",
                    "contact_role",
                    "contact_email",
                    "contact_phone",
                ]
            },
        ),
        (
            _("Answer and notes"),
            {"fields": ["answer", ("answered_at", "answered_by"), "write_to", "note"]},
        ),
        (
            _("Decision"),
            {
                "fields": [
                    "status",
                    "requested_at",
                    "decided_at",
                    "decided_by",
                    "decline_reason",
                    "language",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description=_("or in your own mail program"))
    def write_to(self, proposal):
        return reply_link(
            proposal.contact_email,
            proposal.contact_name,
            services.answer_subject(proposal),
            proposal.get_language_display(),
        )

    def decisions(self, request, proposal):
        buttons = []
        if proposal.status == Proposal.Status.PENDING:
            buttons += [
                Decision("accept_selected", _("Accept"), then_next=True),
                Decision("decline_selected", _("Decline…")),
            ]
        if proposal.answered_at is None:
            buttons.append(ANSWER_DECISION)
        return buttons

    def queue(self, queryset):
        """Proposals waiting for an answer, the oldest first."""
        return queryset.filter(status=Proposal.Status.PENDING).order_by("requested_at", "pk")

    accept_selected = decision_action(
        services.accept_proposal,
        description=_("Accept the selected proposals"),
        permission="change",
        done=ngettext_lazy("%(count)d proposal accepted", "%(count)d proposals accepted", "count"),
        left=NOT_PENDING,
    )
    decline_selected = decision_action(
        services.decline_proposal,
        description=_("Decline the selected proposals…"),
        permission="change",
        done=ngettext_lazy("%(count)d proposal declined", "%(count)d proposals declined", "count"),
        left=NOT_PENDING,
        confirm=Confirmation(
            DeclineForm,
            title=_("Decline proposals of cooperation"),
            intro=_("The organisations receive an e-mail with the reason you write below."),
            button=_("Decline and send the e-mails"),
            concerned=lambda proposals: proposals.filter(status=Proposal.Status.PENDING),
            detail=lambda proposal: proposal.contact_email,
        ),
    )
    answer_selected = answer_action(
        services.answer_proposal,
        title=_("Answer proposals of cooperation"),
        intro=_(
            "Your answer is e-mailed to the contact person, with the proposal, and kept with "
            "it; it decides nothing: accept or decline the proposal on its own. Write in the "
            "contact person’s language."
        ),
        detail=lambda proposal: f"{proposal.contact_email} · {proposal.get_language_display()}",
    )
