import contextlib
import datetime

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.db.models import Count, Q
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries
from django_countries.filters import CountryFilter
from import_export import fields, resources, widgets
from import_export.admin import ImportExportModelAdmin
from import_export.formats import base_formats
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from alliance.admin import DeletedRowsAdmin, erase_confirmation
from alliance.personal_data import download
from alliance.text import normalise
from members.models import Member

from . import services
from .models import Declaration, Signature


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
        public = Q(
            signatures__status=Signature.Status.VERIFIED,
            signatures__consent_to_publish=True,
        )
        return (
            super()
            .get_queryset(request)
            .annotate(public_signature_count=Count("pk", filter=public))
        )

    @admin.display(description=_("public signatures"), ordering="public_signature_count")
    def public_signatures(self, declaration):
        return declaration.public_signature_count


# Import and export of signatures, e.g. those collected on paper at Congress sessions.


class ChoiceWidget(widgets.Widget):
    """A choice written as its code or its label, in any case: "verified", "Verified"."""

    def __init__(self, choices, **kwargs):
        self.choices = choices
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip().lower()
        if not text:
            return None
        for code, label in self.choices:
            if text in {str(code).lower(), str(label).lower()}:
                return code
        codes = ", ".join(str(code) for code, _label in self.choices)
        raise ValueError(
            _("“%(value)s” is not one of: %(codes)s.") % {"value": value, "codes": codes}
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class CountryWidget(widgets.Widget):
    """A Council of Europe country, written as its ISO code ("FR") or its English name."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("A country is required."))
        code = text.upper() if text.upper() in countries else countries.by_name(text)
        if not code:
            raise ValueError(_("“%(value)s” is not a country code such as FR.") % {"value": text})
        return code

    def render(self, value, obj=None, **kwargs):
        return str(value or "")


class YesNoWidget(widgets.Widget):
    """Yes/no as people write it in a sheet; blank means no."""

    YES = {"1", "yes", "y", "true", "x", "oui", "o"}
    NO = {"", "0", "no", "n", "false", "non", "none"}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        text = str(value if value is not None else "").strip().lower()
        if text.endswith(".0"):  # a number read from a spreadsheet cell
            text = text[:-2]
        if text in self.YES:
            return True
        if text in self.NO:
            return False
        raise ValueError(_("“%(value)s” is not yes or no.") % {"value": value})

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class SignedOnWidget(widgets.Widget):
    """A date as 2017-03-28, 28/03/2017 or 28.03.2017 (day first), or a spreadsheet date."""

    FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"]

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("The date of signature is required."))
        for date_format in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(
            _("“%(value)s” is not a date such as 2017-03-28 or 28/03/2017.") % {"value": text}
        )

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class DeclarationWidget(widgets.ForeignKeyWidget):
    """The declaration by its slug; blank means the current one."""

    def __init__(self, **kwargs):
        super().__init__(Declaration, "slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            current = Declaration.objects.current()
            if current is None:
                raise ValueError(_("No declaration is current: give the declaration’s slug."))
            return current
        try:
            return super().clean(str(value).strip(), row, **kwargs)
        except Declaration.DoesNotExist as error:
            raise ValueError(
                _("No declaration has the slug “%(value)s”.") % {"value": value}
            ) from error


class MemberWidget(widgets.ForeignKeyWidget):
    """The member authority by its slug; blank means none."""

    def __init__(self, **kwargs):
        super().__init__(Member, "slug", **kwargs)

    def clean(self, value, row=None, **kwargs):
        if not str(value or "").strip():
            return None
        try:
            return super().clean(str(value).strip(), row, **kwargs)
        except Member.DoesNotExist as error:
            raise ValueError(_("No member has the slug “%(value)s”.") % {"value": value}) from error


class SignatureResource(resources.ModelResource):
    """One row per signature. Rows are matched by id, else by person, authority and country.

    Nothing is saved unless every row is valid; a row is verified only if its sheet says so.
    """

    id = fields.Field(attribute="id", column_name="id", widget=widgets.IntegerWidget())
    declaration = fields.Field(
        attribute="declaration", column_name="declaration", widget=DeclarationWidget()
    )
    office = fields.Field(
        attribute="office", column_name="office", widget=ChoiceWidget(Signature.Office.choices)
    )
    member = fields.Field(attribute="member", column_name="member", widget=MemberWidget())
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    signed_on = fields.Field(
        attribute="signed_on", column_name="signed_on", widget=SignedOnWidget()
    )
    consent_to_publish = fields.Field(
        attribute="consent_to_publish", column_name="consent_to_publish", widget=YesNoWidget()
    )
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(Signature.Status.choices)
    )
    language = fields.Field(
        attribute="language",
        column_name="language",
        widget=ChoiceWidget(Signature.language.field.choices),
    )

    class Meta:
        model = Signature
        fields = [
            "id",
            "declaration",
            "full_name",
            "office",
            "authority_name",
            "member",
            "country",
            "signed_on",
            "email",
            "consent_to_publish",
            "status",
            "language",
        ]
        export_order = fields
        # The id identifies a row to update; it is never written, so imports cannot pick ids.
        import_id_fields = ["id"]
        skip_unchanged = True
        report_skipped = True
        clean_model_instances = True
        use_transactions = True

    def get_import_fields(self):
        return [field for field in super().get_import_fields() if field.column_name != "id"]

    def import_data(self, dataset, **kwargs):
        # An invalid row cancels the whole file, also when staff confirm an import.
        kwargs["rollback_on_validation_errors"] = True
        return super().import_data(dataset, **kwargs)

    def get_instance(self, instance_loader, row):
        if str(row.get("id") or "").strip():
            instance = super().get_instance(instance_loader, row)
            if instance is not None:
                return instance
        try:
            declaration = self._declaration(row)
            country = self.fields["country"].clean(row)
        except (KeyError, ValueError):
            return None  # reported when the row is imported
        return (
            Signature.objects.active()
            .filter(
                declaration=declaration,
                search_name=normalise(row.get("full_name")),
                search_authority=normalise(row.get("authority_name")),
                country=country,
            )
            .first()
        )

    def _declaration(self, row):
        if "declaration" in row:
            return self.fields["declaration"].clean(row)
        return self.fields["declaration"].widget.clean("")

    def after_init_instance(self, instance, new, row, **kwargs):
        instance.status_before_import = None if new else instance.status

    def import_instance(self, instance, row, **kwargs):
        status = instance.status
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            # A blank status keeps the one a signature has (pending for a new one).
            instance.status = instance.status or status
            if instance.declaration_id is None and "declaration" not in row:
                with contextlib.suppress(ValueError):
                    instance.declaration = self._declaration(row)
            instance.language = instance.language or Signature.language.field.default

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        user = user if getattr(user, "pk", None) else None
        now = timezone.now()
        if instance.status != instance.status_before_import and (
            instance.status_before_import is not None or instance.status != Signature.Status.PENDING
        ):
            instance.status_changed_at, instance.status_changed_by = now, user
        if instance.status == Signature.Status.VERIFIED and instance.verified_at is None:
            instance.verified_at, instance.verified_by = now, user
        if instance.pk is None and instance.member_id is None:
            instance.member = services.matching_member(instance.authority_name, instance.country)


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


class RejectionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        required=False,
        help_text=_("For the staff only; the signatory is not told."),
    )


@admin.register(Signature)
class SignatureAdmin(DeletedRowsAdmin, SimpleHistoryAdmin, ImportExportModelAdmin):
    resource_classes = [SignatureResource]
    formats = [base_formats.CSV, base_formats.XLSX]
    list_display = [
        "full_name",
        "office",
        "authority_name",
        "country",
        "signed_on",
        "status",
        "email_confirmed",
        "consent_to_publish",
    ]
    list_filter = [
        "status",
        EmailConfirmedFilter,
        "consent_to_publish",
        ("country", CountryFilter),
        "office",
        "declaration",
    ]
    search_fields = ["full_name", "authority_name", "email"]
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
                    "Use the actions of the list (Verify, Reject, Mark withdrawn) to change "
                    "the status."
                ),
                "fields": [
                    "status",
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
        if not change and obj.member_id is None:
            obj.member = services.matching_member(obj.authority_name, obj.country)
        super().save_model(request, obj, form, change)

    def _apply(self, request, queryset, change, target, labels):
        """Run `change` on each signature and report what happened, in counts."""
        done = already = other = 0
        for signature in queryset.order_by("pk"):
            if change(signature):
                done += 1
            elif signature.status == target:
                already += 1
            else:
                other += 1
        done_text, already_text, other_text = labels
        parts = [done_text(done)]
        if already:
            parts.append(already_text(already))
        if other:
            parts.append(other_text(other))
        level = messages.SUCCESS if done or not other else messages.WARNING
        self.message_user(request, ", ".join(parts) + ".", level)

    @admin.action(description=_("Verify the selected signatures"), permissions=["change"])
    def verify(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda signature: services.verify_signature(signature, request.user),
            Signature.Status.VERIFIED,
            (
                lambda n: ngettext("%d signature verified", "%d signatures verified", n) % n,
                lambda n: ngettext("%d was already verified", "%d were already verified", n) % n,
                lambda n: (
                    ngettext(
                        "%d was not verified because it is rejected or withdrawn",
                        "%d were not verified because they are rejected or withdrawn",
                        n,
                    )
                    % n
                ),
            ),
        )

    @admin.action(description=_("Reject the selected signatures"), permissions=["change"])
    def reject(self, request, queryset):
        form = RejectionForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reason = form.cleaned_data["reason"]
            self._apply(
                request,
                queryset,
                lambda signature: services.reject_signature(signature, request.user, reason),
                Signature.Status.REJECTED,
                (
                    lambda n: ngettext("%d signature rejected", "%d signatures rejected", n) % n,
                    lambda n: (
                        ngettext("%d was already rejected", "%d were already rejected", n) % n
                    ),
                    lambda n: (
                        ngettext(
                            "%d was not rejected because it is withdrawn",
                            "%d were not rejected because they are withdrawn",
                            n,
                        )
                        % n
                    ),
                ),
            )
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Reject signatures"),
            "opts": self.model._meta,
            "form": form,
            "signatures": queryset.select_related("declaration"),
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "admin/declarations/signature/reject.html", context)

    @admin.action(description=_("Mark the selected signatures withdrawn"), permissions=["change"])
    def withdraw(self, request, queryset):
        self._apply(
            request,
            queryset,
            lambda signature: services.withdraw_signature(signature, request.user),
            Signature.Status.WITHDRAWN,
            (
                lambda n: (
                    ngettext("%d signature marked withdrawn", "%d signatures marked withdrawn", n)
                    % n
                ),
                lambda n: ngettext("%d was already withdrawn", "%d were already withdrawn", n) % n,
                lambda n: (
                    ngettext(
                        "%d was not withdrawn because it is rejected",
                        "%d were not withdrawn because they are rejected",
                        n,
                    )
                    % n
                ),
            ),
        )

    @admin.action(
        description=_("Resend the confirmation link to the selected signatories"),
        permissions=["change"],
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
        parts = [
            ngettext("%d confirmation link queued", "%d confirmation links queued", sent) % sent
        ]
        if failed:
            parts.append(
                ngettext(
                    "%d could not be written: see the outgoing e-mails",
                    "%d could not be written: see the outgoing e-mails",
                    failed,
                )
                % failed
            )
        if skipped:
            parts.append(
                ngettext(
                    "%d was skipped: already confirmed, not pending, or without e-mail",
                    "%d were skipped: already confirmed, not pending, or without e-mail",
                    skipped,
                )
                % skipped
            )
        level = messages.ERROR if failed else messages.SUCCESS if sent else messages.WARNING
        self.message_user(request, ", ".join(parts) + ".", level)

    @admin.action(description=_("Export personal data (JSON)"), permissions=["view"])
    def export_personal_data(self, request, queryset):
        return download(
            [services.personal_data(signature) for signature in queryset.order_by("pk")],
            "signatures",
        )

    @admin.action(description=_("Erase personal data…"), permissions=["delete"])
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
