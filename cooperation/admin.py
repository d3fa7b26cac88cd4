from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from core.admin import Decision, DecisionQueueMixin, report
from core.backoffice import register_work

from . import services
from .models import Proposal


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
    actions = ["accept_selected", "decline_selected"]
    readonly_fields = [
        "status",
        "requested_at",
        "decided_at",
        "decided_by",
        "decline_reason",
        "language",
        "updated_at",
    ]
    fieldsets = [
        (
            _("Organisation"),
            {"fields": ["name", "country", "website", "themes", "roma_led", "list_publicly"]},
        ),
        (_("Proposal"), {"fields": ["proposal", "members"]}),
        (
            _("Contact person (never published)"),
            {"fields": ["contact_name", "contact_role", "contact_email", "contact_phone"]},
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

    def decisions(self, request, proposal):
        if proposal.status != Proposal.Status.PENDING:
            return []
        return [
            Decision("accept_selected", _("Accept"), then_next=True),
            Decision("decline_selected", _("Decline…")),
        ]

    def queue(self, queryset):
        """Proposals waiting for an answer, the oldest first."""
        return queryset.filter(status=Proposal.Status.PENDING).order_by("requested_at", "pk")

    @admin.action(description=_("Accept the selected proposals"), permissions=["change"])
    def accept_selected(self, request, queryset):
        outcomes = [services.accept_proposal(proposal, request.user) for proposal in queryset]
        self._report(request, outcomes, "accepted")

    @admin.action(description=_("Decline the selected proposals…"), permissions=["change"])
    def decline_selected(self, request, queryset):
        pending = queryset.filter(status=Proposal.Status.PENDING)
        form = DeclineForm(request.POST if "post" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            outcomes = [
                services.decline_proposal(proposal, request.user, reason) for proposal in queryset
            ]
            self._report(request, outcomes, "declined")
            return None
        return TemplateResponse(
            request,
            "admin/members/member/decision_confirmation.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Decline proposals of cooperation"),
                "members": pending,
                "intro": _("The organisations receive an e-mail with the reason you write below."),
                "button": _("Decline and send the e-mails"),
                "not_applicable": queryset.count() - pending.count(),
                "action": "decline_selected",
                "opts": self.model._meta,
                "form": form,
                "queryset": queryset,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
                "media": self.media,
            },
        )

    def _report(self, request, outcomes, decision):
        done, skipped = outcomes.count(True), outcomes.count(False)
        if decision == "accepted":
            text = ngettext("%(count)d proposal accepted", "%(count)d proposals accepted", done) % {
                "count": done
            }
        else:
            text = ngettext("%(count)d proposal declined", "%(count)d proposals declined", done) % {
                "count": done
            }
        not_pending = ngettext(
            "%(count)d was not pending and was left as it was",
            "%(count)d were not pending and were left as they were",
            skipped,
        ) % {"count": skipped}
        report(request, (done, text), (skipped, not_pending, messages.WARNING))


# The admin's home: proposals waiting for an answer.
register_work(
    _("NGO proposals waiting for an answer"),
    "admin:cooperation_proposal_changelist",
    lambda: Proposal.objects.filter(status=Proposal.Status.PENDING).count(),
    "cooperation.change_proposal",
    query="status__exact=pending",
)
