from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from import_export.admin import ImportExportModelAdmin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    Confirmation,
    Decision,
    DecisionQueueMixin,
    DeletedRowsAdmin,
    LargeTableMixin,
    decision_action,
    erase_confirmation,
    report,
    staff_action,
)
from core.imports import SpreadsheetAdminMixin
from core.personal_data import download
from core.spreadsheet import FORMATS

from . import services
from .models import Member
from .resources import MemberResource


class StatusFilter(admin.SimpleListFilter):
    """Status, opening on the pending requests: the first thing staff have to act on."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"

    def __init__(self, request, params, model, model_admin):
        self.default = self.default_for(request)
        super().__init__(request, params, model, model_admin)

    @classmethod
    def default_for(cls, request):
        # Only the list itself opens on pending requests; a search or an export covers all.
        match = request.resolver_match
        on_changelist = match is not None and match.url_name == "members_member_changelist"
        searching = bool(request.GET.get("q"))
        return Member.Status.PENDING if on_changelist and not searching else cls.ALL

    @classmethod
    def shown(cls, request):
        """The status the list shows for this request."""
        return request.GET.get(cls.parameter_name) or cls.default_for(request)

    def lookups(self, request, model_admin):
        return [
            (Member.Status.PENDING, _("Pending requests")),
            (Member.Status.APPROVED, _("Approved members")),
            (Member.Status.REJECTED, _("Rejected requests")),
            (Member.Status.LEFT, _("Former members")),
            (self.ALL, _("All")),
        ]

    def value(self):
        return super().value() or self.default

    def queryset(self, request, queryset):
        value = self.value()
        if value in Member.Status.values:
            return queryset.filter(status=value)
        return queryset

    def choices(self, changelist):
        value = self.value()
        for lookup, title in self.lookup_choices:
            yield {
                "selected": value == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}, remove=["p"]
                ),
                "display": title,
            }


NOT_PENDING = ngettext_lazy(
    "%(count)d was not pending and was left as it was",
    "%(count)d were not pending and were left as they were",
    "count",
)


def contact_line(member):
    """A join request as the confirmation pages list it: its country and contact address."""
    return " · ".join(filter(None, [member.country.name, member.contact_email]))


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason, sent to the applicant"),
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        max_length=2000,
        help_text=_("Written to the contact person in the e-mail that tells them the decision."),
    )


class LeftForm(forms.Form):
    left_on = forms.DateField(
        label=_("Left on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


@admin.register(Member)
class MemberAdmin(
    LargeTableMixin,
    SpreadsheetAdminMixin,
    DecisionQueueMixin,
    DeletedRowsAdmin,
    SimpleHistoryAdmin,
    ImportExportModelAdmin,
    TranslationAdmin,
):
    resource_classes = [MemberResource]
    formats = FORMATS

    list_display = [
        "name",
        "display_name",
        "kind",
        "country",
        "status",
        "requested_at",
        "joined_on",
        "decided_by",
        "contact_name",
        "has_coordinates",
    ]
    # The queue of join requests: what staff read before opening one, nothing always empty.
    request_list_display = [
        "name",
        "kind",
        "country",
        "contact",
        "motivation_start",
        "requested_at",
        "has_coordinates",
    ]
    list_display_links = ["name"]
    list_filter = [StatusFilter, "kind", "country", "language"]
    search_fields = ["name", "search_name", "display_name", "contact_name", "contact_email"]
    search_help_text = _("Name of the city or region, or of its contact person, or an e-mail.")
    list_select_related = ["decided_by"]
    list_per_page = 50
    date_hierarchy = "requested_at"
    ordering = ["-requested_at"]
    actions = [
        "approve_selected",
        "reject_selected",
        "mark_left_selected",
        "resend_acknowledgement",
        "export_personal_data",
        "erase_personal_data",
    ]
    readonly_fields = [
        "status",
        "requested_at",
        "decided_at",
        "decided_by",
        "rejection_reason",
        "left_on",
        "language",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            _("Authority"),
            {
                "fields": [
                    "name",
                    "display_name",
                    "slug",
                    "kind",
                    "country",
                    "population",
                    "website",
                    "description",
                ]
            },
        ),
        (
            _("Public profile"),
            {
                "fields": [
                    "logo",
                    ("public_contact_role", "public_contact_email"),
                    "public_contact_consent",
                    "action_plan_url",
                    "national_network",
                    "programmes",
                ],
                "description": _(
                    "Shown on the member’s public page; the contact persons propose changes "
                    "from the members’ space."
                ),
            },
        ),
        (
            _("Map"),
            {
                "fields": [("latitude", "longitude")],
                "description": _(
                    "Filled in from the place name when the request arrives; correct them "
                    "if the point is wrong. Without them the member is listed but not on the map."
                ),
            },
        ),
        (
            _("Contact person (never published)"),
            {"fields": ["contact_name", "contact_role", "contact_email", "contact_phone"]},
        ),
        (_("Request"), {"fields": ["motivation", "language", "requested_at"]}),
        (
            _("Decision"),
            {
                "fields": [
                    "status",
                    "joined_on",
                    "decided_at",
                    "decided_by",
                    "rejection_reason",
                    "left_on",
                ]
            },
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Names (local, English, French) through `search_names` and its trigram index, as
        the directory searches them, or the contact's name; a term that looks like an
        address (an "@" or a dot) searches the contacts' e-mails. Not ILIKE on five columns
        of every row, which takes half a second at 100,000 members."""
        term = search_term.strip()
        if not term:
            return queryset, False
        if "@" in term or "." in term:
            return queryset.filter(contact_email__icontains=term), False
        return queryset.search(term) | queryset.filter(contact_name__icontains=term), False

    def view_on_site(self, member):
        # Only an approved member has a public page.
        if member.status == Member.Status.APPROVED:
            return member.get_absolute_url()
        return None

    def get_list_display(self, request):
        if StatusFilter.shown(request) == Member.Status.PENDING:
            return self.request_list_display
        return super().get_list_display(request)

    def get_fieldsets(self, request, obj=None):
        """A join request opens on what staff decide on: the motivation and the contact
        person, then the authority; its public profile and map point come after, folded."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or obj.status != Member.Status.PENDING:
            return fieldsets
        first = {_("Request"): 0, _("Contact person (never published)"): 1}
        folded = {_("Public profile"), _("Map")}
        ordered = sorted(fieldsets, key=lambda fieldset: first.get(fieldset[0], 2))
        return [
            (name, {**options, "classes": ["collapse"]} if name in folded else options)
            for name, options in ordered
        ]

    @admin.display(description=_("contact person"), ordering="contact_name")
    def contact(self, member):
        return " · ".join(filter(None, [member.contact_name, member.contact_email]))

    @admin.display(description=_("motivation"))
    def motivation_start(self, member):
        return Truncator(member.motivation).chars(90)

    @admin.display(description=_("on the map"), boolean=True)
    def has_coordinates(self, member):
        return member.has_coordinates

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            # Links to the profile must keep working.
            fields.append("slug")
        return fields

    def get_changeform_initial_data(self, request):
        return {"language": request.LANGUAGE_CODE, **super().get_changeform_initial_data(request)}

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if not request.GET:
            extra_context["title"] = _("Join requests awaiting a decision")
        return super().changelist_view(request, extra_context)

    all_records_query = "status=all"

    def decisions(self, request, member):
        if member.status == Member.Status.PENDING:
            return [
                Decision("approve_selected", _("Approve this request"), then_next=True),
                Decision("reject_selected", _("Reject…")),
            ]
        if member.status == Member.Status.APPROVED:
            return [Decision("mark_left_selected", _("Has left the Alliance…"))]
        return []

    def queue(self, queryset):
        """Join requests waiting for a decision, the oldest first."""
        return queryset.pending().order_by("requested_at", "pk")

    # Import needs the right to add and change members; export the right to see them.
    def has_import_permission(self, request):
        return self.has_add_permission(request) and self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    approve_selected = decision_action(
        lambda member, by: services.approve_member(member, by=by),
        description=_("Approve the selected requests"),
        permission="change",
        done=ngettext_lazy("%(count)d request approved", "%(count)d requests approved", "count"),
        left=NOT_PENDING,
    )
    reject_selected = decision_action(
        services.reject_member,
        description=_("Reject the selected requests…"),
        permission="change",
        done=ngettext_lazy("%(count)d request rejected", "%(count)d requests rejected", "count"),
        left=NOT_PENDING,
        confirm=Confirmation(
            RejectForm,
            title=_("Reject join requests"),
            intro=_("The applicants receive an e-mail with the reason you write below."),
            button=_("Reject and send the e-mails"),
            concerned=lambda members: members.filter(status=Member.Status.PENDING),
            detail=contact_line,
        ),
    )
    mark_left_selected = decision_action(
        services.mark_left,
        description=_("Mark the selected members as having left…"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d member marked as having left",
            "%(count)d members marked as having left",
            "count",
        ),
        left=ngettext_lazy(
            "%(count)d was not an approved member and was left as it was",
            "%(count)d were not approved members and were left as they were",
            "count",
        ),
        confirm=Confirmation(
            LeftForm,
            title=_("Members leaving the Alliance"),
            intro=_("They disappear from the public pages, the map and the open data."),
            button=_("Mark as having left"),
            concerned=lambda members: members.filter(status=Member.Status.APPROVED),
            detail=contact_line,
        ),
    )

    @staff_action(
        description=_("Resend the acknowledgement of the selected requests"), permission="change"
    )
    def resend_acknowledgement(self, request, queryset):
        sent = failed = skipped = 0
        for member in queryset:
            if member.status != Member.Status.PENDING or not member.contact_email:
                skipped += 1
            elif services.resend_acknowledgement(member):
                sent += 1
            else:
                failed += 1
        report(
            request,
            (
                sent,
                ngettext("%(count)d e-mail queued", "%(count)d e-mails queued", sent)
                % {"count": sent},
            ),
            (
                failed,
                ngettext(
                    "%(count)d could not be written: see the outgoing e-mails",
                    "%(count)d could not be written: see the outgoing e-mails",
                    failed,
                )
                % {"count": failed},
                messages.ERROR,
            ),
            (
                skipped,
                ngettext(
                    "%(count)d was skipped: not a pending request, or no contact e-mail",
                    "%(count)d were skipped: not pending requests, or no contact e-mail",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            ),
        )

    @staff_action(description=_("Export personal data (JSON)"), permission="view")
    def export_personal_data(self, request, queryset):
        return download([services.personal_data(member) for member in queryset], "members")

    @staff_action(description=_("Erase personal data…"), permission="delete")
    def erase_personal_data(self, request, queryset):
        if "post" not in request.POST:
            people = [
                f"{member.contact_name or '—'} <{member.contact_email or '—'}>, {member.name}"
                for member in queryset
            ]
            return erase_confirmation(request, self, queryset, "erase_personal_data", people)
        # What else held each person, so that staff can tell them exactly what was forgotten.
        details = []
        for member in queryset:
            erased = services.erase_personal_data(member, request.user)
            details.append(
                _("%(member)s: %(copies)s.")
                % {"member": member, "copies": ", ".join(erased) or _("nothing else was held")}
            )
        count = len(details)
        message = ngettext(
            "The contact person’s personal data of %(count)d member has been erased.",
            "The contact persons’ personal data of %(count)d members has been erased.",
            count,
        ) % {"count": count}
        self.message_user(request, " ".join([message, *details]), messages.SUCCESS)
        return None
