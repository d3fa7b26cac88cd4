from django import forms
from django.contrib import admin, messages
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    Confirmation,
    Decision,
    DecisionQueueMixin,
    ReadOnlyRecordMixin,
    decision_action,
    erase_confirmation,
    staff_action,
)
from core.personal_data import download
from members.admin import MemberAdmin
from members.models import Member

from . import services
from .models import ContactPerson, ProfileChangeRequest


class ContactPersonInline(admin.TabularInline):
    model = ContactPerson
    extra = 0
    fields = ["name", "role", "email", "language", "listed", "active", "invited_at"]
    readonly_fields = ["invited_at"]
    show_change_link = True
    verbose_name_plural = _("contact persons (they sign in to the members’ space)")


# The member's page lists its contact persons: members cannot import this app, so the member
# admin is extended from here.
admin.site.unregister(Member)


@admin.register(Member)
class MemberWithContactsAdmin(MemberAdmin):
    inlines = [*MemberAdmin.inlines, ContactPersonInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(DecisionQueueMixin, SimpleHistoryAdmin):
    list_display = [
        "name",
        "member",
        "email",
        "role",
        "listed",
        "active",
        "invited_at",
        "removal_requested_at",
    ]
    list_filter = ["active", "listed", "language", "member__country", "removal_requested_at"]
    search_fields = ["name", "email", "member__name", "member__search_name"]
    list_select_related = ["member"]
    autocomplete_fields = ["member"]
    readonly_fields = ["invited_at", "removal_requested_at", "created_at", "updated_at"]
    actions = ["send_invitation", "export_personal_data", "erase_personal_data"]
    fieldsets = [
        (None, {"fields": ["member", "name", "role", "email", "language"]}),
        (
            _("Members’ space"),
            {"fields": ["active", "listed", "show_role", "themes", "invited_at"]},
        ),
        (_("Record"), {"fields": ["removal_requested_at", "created_at", "updated_at"]}),
    ]

    def decisions(self, request, contact):
        if contact.can_sign_in:
            return [Decision("send_invitation", _("Send an invitation"))]
        return []

    send_invitation = decision_action(
        services.invite,
        description=_("Send an invitation to the members’ space"),
        permission="change",
        done=ngettext_lazy("%(count)d invitation queued", "%(count)d invitations queued", "count"),
        left=ngettext_lazy(
            "%(count)d was skipped: removed, or their member is not a member now",
            "%(count)d were skipped: removed, or their member is not a member now",
            "count",
        ),
    )

    @staff_action(description=_("Export personal data (JSON)"), permission="view")
    def export_personal_data(self, request, queryset):
        return download(
            [services.personal_data(contact) for contact in queryset.order_by("pk")],
            "contact-persons",
        )

    @staff_action(description=_("Erase personal data…"), permission="delete")
    def erase_personal_data(self, request, queryset):
        if "post" not in request.POST:
            people = [f"{contact.name} <{contact.email}>, {contact.member}" for contact in queryset]
            return erase_confirmation(request, self, queryset, "erase_personal_data", people)
        count = 0
        for contact in queryset:
            services.erase_contact(contact, request.user)
            count += 1
        self.message_user(
            request,
            ngettext(
                "The personal data of %(count)d contact person has been erased.",
                "The personal data of %(count)d contact persons has been erased.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )
        return None


NOT_PENDING = ngettext_lazy(
    "%(count)d was not pending and was left as it was",
    "%(count)d were not pending and were left as they were",
    "count",
)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the contact person"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        max_length=2000,
    )


@admin.register(ProfileChangeRequest)
class ProfileChangeRequestAdmin(ReadOnlyRecordMixin, DecisionQueueMixin, SimpleHistoryAdmin):
    list_display = ["__str__", "member", "contact", "created_at", "status", "decided_by"]
    list_filter = ["status", "member__country"]
    search_fields = ["member__name", "member__search_name", "contact__name", "contact__email"]
    list_select_related = ["member", "contact", "decided_by"]
    ordering = ["-created_at", "-pk"]
    actions = ["approve_selected", "reject_selected"]
    fields = [
        "member",
        "contact",
        "created_at",
        "differences",
        "proposed_logo",
        "status",
        "rejection_reason",
        "decided_at",
        "decided_by",
    ]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False  # contact persons send them from the participants' space

    @admin.display(description=_("changes (before → after)"))
    def differences(self, change_request):
        rows = format_html_join(
            "",
            "<tr><th scope='row'>{}</th><td class='before'>{}</td><td class='after'>{}</td></tr>",
            change_request.differences(),
        )
        return format_html(
            "<table><thead><tr><th scope='col'>{}</th><th scope='col'>{}</th>"
            "<th scope='col'>{}</th></tr></thead><tbody>{}</tbody></table>",
            _("field"),
            _("now on the public page"),
            _("proposed"),
            rows,
        )

    @admin.display(description=_("proposed logo"))
    def proposed_logo(self, change_request):
        if not change_request.logo:
            return "—"
        return format_html(
            '<img src="{}" alt="{}" height="120">', change_request.logo.url, _("proposed logo")
        )

    all_records_query = ""

    def decisions(self, request, change_request):
        if change_request.status == ProfileChangeRequest.Status.PENDING:
            return [
                Decision("approve_selected", _("Approve and publish"), then_next=True),
                Decision("reject_selected", _("Reject…")),
            ]
        return []

    def queue(self, queryset):
        return queryset.filter(status=ProfileChangeRequest.Status.PENDING).order_by(
            "created_at", "pk"
        )

    approve_selected = decision_action(
        services.approve_change_request,
        description=_("Approve and publish the selected changes"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d change request approved", "%(count)d change requests approved", "count"
        ),
        left=NOT_PENDING,
    )
    reject_selected = decision_action(
        services.reject_change_request,
        description=_("Reject the selected changes…"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d change request rejected", "%(count)d change requests rejected", "count"
        ),
        left=NOT_PENDING,
        confirm=Confirmation(
            RejectForm,
            title=_("Reject profile changes"),
            intro=_(
                "The contact persons who proposed these changes receive an e-mail with the "
                "reason you write below; the public pages stay as they are."
            ),
            button=_("Reject and send the e-mails"),
            concerned=lambda requests: requests.filter(
                status=ProfileChangeRequest.Status.PENDING
            ).select_related("member", "contact"),
            detail=lambda change_request: change_request.contact and change_request.contact.email,
        ),
    )
