import datetime

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
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
    counted,
    decision_action,
    erase_confirmation,
    report,
    staff_action,
)
from core.imports import SpreadsheetAdminMixin
from core.personal_data import download
from core.spreadsheet import FORMATS

from . import services
from .models import Declaration, Signature
from .resources import SignatureResource


@admin.register(Declaration)
class DeclarationAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "endorsed_on", "is_published", "is_current", "public_signatures"]
    list_filter = ["is_published", "is_current"]
    search_fields = ["title", "text"]
    prepopulated_fields = {"slug": ["title_en"]}
    readonly_fields = ["updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "endorsed_on", "text", "commitment"]}),
        (_("Publication"), {"fields": ["is_published", "is_current", "updated_at"]}),
    ]

    def get_queryset(self, request):
        public = (
            Signature.objects.public()
            .filter(declaration=OuterRef("pk"))
            .order_by()
            .values("declaration")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(public_signature_count=Coalesce(Subquery(public), 0))
        )

    @admin.display(description=_("public signatures"), ordering="public_signature_count")
    def public_signatures(self, declaration):
        return declaration.public_signature_count


# The staff's review of signatures.


class EmailConfirmedFilter(admin.SimpleListFilter):
    title = _("e-mail confirmed")
    parameter_name = "email_confirmed"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(email_confirmed_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(email_confirmed_at__isnull=True)
        return queryset


def unconfirmed(signatures):
    """Signatures sent through the form whose e-mail address is not confirmed yet."""
    return signatures.filter(status=Signature.Status.PENDING).exclude(Signature.VERIFIABLE)


def unconfirmed_past_their_link(signatures):
    """Unconfirmed signatures whose confirmation link has expired: they will never be."""
    limit = timezone.now() - datetime.timedelta(days=settings.CONFIRMATION_MAX_AGE_DAYS)
    return unconfirmed(signatures).filter(created_at__lt=limit)


class ReviewFilter(admin.SimpleListFilter):
    """Where a signature is in its review. The list opens on those waiting for verification."""

    title = _("review")
    parameter_name = "review"
    WAITING, UNCONFIRMED, EXPIRED, ALL = "waiting", "unconfirmed", "expired", "all"

    def __init__(self, request, params, model, model_admin):
        # Only the list as it opens shows the queue; a search, another filter or an export
        # covers all.
        match = request.resolver_match
        on_list = match is not None and match.url_name == "declarations_signature_changelist"
        plain = not set(request.GET) - {"o", "p"}
        self.default = self.WAITING if on_list and plain else self.ALL
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [
            (self.WAITING, _("Waiting for verification")),
            (self.UNCONFIRMED, _("E-mail not yet confirmed")),
            (self.EXPIRED, _("Never confirmed, link expired")),
            (self.ALL, _("All")),
        ]

    def value(self):
        return super().value() or self.default

    def queryset(self, request, queryset):
        match self.value():
            case self.WAITING:
                return queryset.awaiting_verification()
            case self.UNCONFIRMED:
                return unconfirmed(queryset)
            case self.EXPIRED:
                return unconfirmed_past_their_link(queryset)
        return queryset

    def choices(self, changelist):
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == lookup,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: lookup}, remove=["p"]
                ),
                "display": title,
            }


def left_as_they_were(target, already, other, refused=None):
    """report()'s parts for the signatures a step left as they were: those already in the
    `target` status, those in another, and those the workflow refused (services.Refusal),
    named."""

    def parts(unchanged):
        refusals = [
            s.full_name for s, outcome in unchanged if isinstance(outcome, services.Refusal)
        ]
        rest = [s for s, outcome in unchanged if not isinstance(outcome, services.Refusal)]
        done_before = sum(signature.status == target for signature in rest)
        return [
            (done_before, counted(already, done_before)),
            (len(rest) - done_before, counted(other, len(rest) - done_before), messages.WARNING),
            (
                len(refusals),
                refusals and refused % {"count": len(refusals), "names": ", ".join(refusals)},
                messages.WARNING,
            ),
        ]

    return parts


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        required=False,
        help_text=_("For the staff only; the signatory is not told."),
    )


@admin.register(Signature)
class SignatureAdmin(
    LargeTableMixin,
    SpreadsheetAdminMixin,
    DecisionQueueMixin,
    DeletedRowsAdmin,
    SimpleHistoryAdmin,
    ImportExportModelAdmin,
):
    resource_classes = [SignatureResource]
    all_records_query = "review=all"
    formats = FORMATS
    list_display = [
        "full_name",
        "office",
        "authority_name",
        "country",
        "signed_on",
        "status",
        "source",
        "email_confirmed",
        "consent_to_publish",
    ]
    list_filter = [
        ReviewFilter,
        "status",
        "source",
        EmailConfirmedFilter,
        "consent_to_publish",
        # The field's own choices, the Council of Europe's states (COUNTRIES_ONLY): django-
        # countries' CountryFilter reads the distinct countries of every signature on each
        # view of the list, 35 ms at 500,000 signatures.
        "country",
        "office",
        "declaration",
    ]
    search_fields = ["full_name", "authority_name", "email"]
    search_help_text = _(
        "A name or an authority, with or without accents; or an e-mail address, or part of one."
    )
    list_select_related = ["declaration", "member"]
    date_hierarchy = "signed_on"
    raw_id_fields = ["member"]
    actions = [
        "verify",
        "reject",
        "withdraw",
        "resend_confirmation",
        "export_personal_data",
        "erase_personal_data",
    ]
    readonly_fields = [
        "status",
        "source",
        "email_confirmed_at",
        "verified_at",
        "verified_by",
        "status_changed_at",
        "status_changed_by",
        "rejection_reason",
        "created_at",
        "updated_at",
    ]
    fieldsets = [
        (
            _("Signature"),
            {
                "fields": [
                    "declaration",
                    "full_name",
                    "office",
                    "authority_name",
                    "member",
                    "country",
                    "signed_on",
                ]
            },
        ),
        (_("Contact and consent"), {"fields": ["email", "language", "consent_to_publish"]}),
        (
            _("Review"),
            {
                "description": _(
                    "The buttons at the top of this page (or the actions of the list) change "
                    "the status."
                ),
                "fields": [
                    "status",
                    "source",
                    "email_confirmed_at",
                    ("verified_at", "verified_by"),
                    ("status_changed_at", "status_changed_by"),
                    "rejection_reason",
                    "staff_note",
                ],
            },
        ),
        (_("Record"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]

    def get_search_results(self, request, queryset, search_term):
        """Names through the normalised columns and their trigram indexes (migration 0006),
        as the public list searches them, rather than ILIKE on three columns of every row;
        a term that looks like an address (an "@" or a dot) searches the e-mails."""
        term = search_term.strip()
        if not term:
            return queryset, False
        if "@" in term or "." in term:
            return queryset.filter(email__icontains=term), False
        return queryset.search(term), False

    @admin.display(description=_("e-mail confirmed"), boolean=True, ordering="email_confirmed_at")
    def email_confirmed(self, signature):
        return signature.email_confirmed_at is not None

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        current = Declaration.objects.current()
        if current is not None:
            initial.setdefault("declaration", current.pk)
        return initial

    def save_model(self, request, obj, form, change):
        if not change:
            # Staff type in a signature they received otherwise than through the form.
            obj.source = Signature.Source.PAPER
            if obj.member_id is None:
                obj.member = services.matching_member(obj.authority_name, obj.country)
        super().save_model(request, obj, form, change)

    def decisions(self, request, signature):
        if signature.status == Signature.Status.PENDING:
            verify = [Decision("verify", _("Verify"), then_next=True)]
            if signature.email_confirmed_at is None and signature.source == Signature.Source.FORM:
                verify = []  # the signatory has not confirmed the e-mail address yet
            return [*verify, Decision("reject", _("Reject…")), Decision("withdraw", _("Withdrawn"))]
        if signature.status == Signature.Status.VERIFIED:
            return [Decision("reject", _("Reject…")), Decision("withdraw", _("Withdrawn"))]
        return []

    def queue(self, queryset):
        """Signatures waiting for verification, the oldest first."""
        return queryset.awaiting_verification().order_by("created_at", "pk")

    verify = decision_action(
        services.verify_signature,
        description=_("Verify the selected signatures"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d signature verified", "%(count)d signatures verified", "count"
        ),
        left=left_as_they_were(
            Signature.Status.VERIFIED,
            ngettext_lazy(
                "%(count)d was already verified", "%(count)d were already verified", "count"
            ),
            ngettext_lazy(
                "%(count)d was not verified because it is rejected or withdrawn",
                "%(count)d were not verified because they are rejected or withdrawn",
                "count",
            ),
            refused=ngettext_lazy(
                "%(count)d was not verified because its e-mail address has not been "
                "confirmed: %(names)s",
                "%(count)d were not verified because their e-mail addresses have not been "
                "confirmed: %(names)s",
                "count",
            ),
        ),
    )
    reject = decision_action(
        services.reject_signature,
        description=_("Reject the selected signatures"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d signature rejected", "%(count)d signatures rejected", "count"
        ),
        left=left_as_they_were(
            Signature.Status.REJECTED,
            ngettext_lazy(
                "%(count)d was already rejected", "%(count)d were already rejected", "count"
            ),
            ngettext_lazy(
                "%(count)d was not rejected because it is withdrawn",
                "%(count)d were not rejected because they are withdrawn",
                "count",
            ),
        ),
        confirm=Confirmation(
            RejectionForm,
            title=_("Reject signatures"),
            intro=_(
                "These signatures will be rejected and removed from every public page and data "
                "file:"
            ),
            button=_("Reject"),
            concerned=lambda signatures: signatures.exclude(status=Signature.Status.WITHDRAWN),
            detail=lambda signature: signature.get_status_display(),
        ),
    )
    withdraw = decision_action(
        services.withdraw_signature,
        description=_("Mark the selected signatures withdrawn"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d signature marked withdrawn", "%(count)d signatures marked withdrawn", "count"
        ),
        left=left_as_they_were(
            Signature.Status.WITHDRAWN,
            ngettext_lazy(
                "%(count)d was already withdrawn", "%(count)d were already withdrawn", "count"
            ),
            ngettext_lazy(
                "%(count)d was not withdrawn because it is rejected",
                "%(count)d were not withdrawn because they are rejected",
                "count",
            ),
        ),
    )

    @staff_action(
        description=_("Resend the confirmation link to the selected signatories"),
        permission="change",
    )
    def resend_confirmation(self, request, queryset):
        sent = failed = skipped = 0
        for signature in queryset.order_by("pk"):
            if not services.awaits_confirmation(signature):
                skipped += 1
            elif services.resend_confirmation_link(signature):
                sent += 1
            else:
                failed += 1
        report(
            request,
            (
                sent,
                ngettext("%d confirmation link queued", "%d confirmation links queued", sent)
                % sent,
            ),
            (
                failed,
                ngettext(
                    "%d could not be written: see the outgoing e-mails",
                    "%d could not be written: see the outgoing e-mails",
                    failed,
                )
                % failed,
                messages.ERROR,
            ),
            (
                skipped,
                ngettext(
                    "%d was skipped: already confirmed, not pending, or without e-mail",
                    "%d were skipped: already confirmed, not pending, or without e-mail",
                    skipped,
                )
                % skipped,
                messages.WARNING,
            ),
        )

    @staff_action(description=_("Export personal data (JSON)"), permission="view")
    def export_personal_data(self, request, queryset):
        return download(
            [services.personal_data(signature) for signature in queryset.order_by("pk")],
            "signatures",
        )

    @staff_action(description=_("Erase personal data…"), permission="delete")
    def erase_personal_data(self, request, queryset):
        signatures = list(queryset.order_by("pk"))
        if "post" not in request.POST:
            people = [
                f"{signature.full_name} <{signature.email or '—'}>, {signature.authority_name}"
                for signature in signatures
            ]
            return erase_confirmation(request, self, signatures, "erase_personal_data", people)
        for signature in signatures:
            services.erase_personal_data(signature, request.user)
        self.message_user(
            request,
            ngettext(
                "The personal data of %d signatory has been erased",
                "The personal data of %d signatories has been erased",
                len(signatures),
            )
            % len(signatures)
            + ".",
            messages.SUCCESS,
        )
        return None
