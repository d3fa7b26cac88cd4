"""Spreadsheet import and export of signatures (CSV, XLSX) for staff, through the admin.

Signatures collected on paper at Congress sessions come in this way.
"""

import contextlib
import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from core.imports import ImportNotesMixin, WorkflowImportMixin
from core.spreadsheet import (
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    HeadingsMixin,
    IntegerWidget,
    NameWidget,
    SafeCellsMixin,
)
from core.text import normalise
from members.models import Member

from . import services
from .models import Declaration, Signature


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


# Offices as sheets write them, beyond their labels in both languages (which use inclusive
# forms: "conseiller ou conseillère municipal(e)").
OFFICE_SPELLINGS = {
    Signature.Office.DEPUTY_MAYOR: [
        "deputy mayor", "vice mayor", "maire adjoint", "maire adjointe", "adjoint au maire",
        "adjointe au maire",
    ],
    Signature.Office.COUNCILLOR: [
        "councilor", "municipal councillor", "local councillor", "conseiller municipal",
        "conseillère municipale", "conseiller", "conseillère",
    ],
    Signature.Office.REGIONAL_PRESIDENT: [
        "president of the region", "président de région", "présidente de région",
        "président du conseil régional", "présidente du conseil régional",
    ],
    Signature.Office.REGIONAL_COUNCILLOR: [
        "regional councilor", "conseiller régional", "conseillère régionale",
    ],
}  # fmt: skip


class SignatureResource(
    HeadingsMixin, ImportNotesMixin, WorkflowImportMixin, SafeCellsMixin, resources.ModelResource
):
    """One row per signature. Rows are matched by id, else by person, authority and country.

    Nothing is saved unless every row is valid. A row changing the status of a signature
    verifies, rejects or withdraws it through the review's services; a new row is a paper
    signature, verified only if its sheet says so.
    """

    headings = {
        "id": _("number (blank for a new signature)"),
        "declaration": _("declaration (blank for the current one)"),
    }
    # A person and a town that do not exist: an import leaves the example row out (and the
    # preview says so), so a forgotten example is never published as a signatory.
    example = {
        "full_name": "Jane Example",
        "office": "mayor",
        "authority_name": "Exampleville",
        "country": "HU",
        "signed_on": datetime.date(2017, 3, 28),
        "consent_to_publish": "yes",
        "status": "verified",
        "language": "en",
    }
    example_marks = ("full_name", "authority_name")

    id = fields.Field(attribute="id", column_name="id", widget=IntegerWidget())
    full_name = fields.Field(attribute="full_name", column_name="full_name", widget=NameWidget())
    authority_name = fields.Field(
        attribute="authority_name", column_name="authority_name", widget=NameWidget()
    )
    declaration = fields.Field(
        attribute="declaration", column_name="declaration", widget=DeclarationWidget()
    )
    office = fields.Field(
        attribute="office",
        column_name="office",
        widget=ChoiceWidget(Signature.Office.choices, aliases=OFFICE_SPELLINGS),
    )
    member = fields.Field(attribute="member", column_name="member", widget=MemberWidget())
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())
    signed_on = fields.Field(
        attribute="signed_on",
        column_name="signed_on",
        widget=DateWidget(required=_("The date of signature is required.")),
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

    def status_step(self, before, wanted):
        active = before in Signature.ACTIVE_STATUSES
        if (before, wanted) == (Signature.Status.PENDING, Signature.Status.VERIFIED):
            return services.verify_signature
        if active and wanted == Signature.Status.REJECTED:
            return services.reject_signature
        if active and wanted == Signature.Status.WITHDRAWN:
            return services.withdraw_signature
        return _(
            "A signature cannot go from “%(before)s” to “%(wanted)s”: that is not a step of "
            "the review."
        ) % {"before": Signature.Status(before).label, "wanted": Signature.Status(wanted).label}

    def refusal(self, outcome, signature):
        if outcome is services.EMAIL_NOT_CONFIRMED:
            return _(
                "This signature was sent through the form and its e-mail address has not been "
                "confirmed: it cannot be verified."
            )
        return super().refusal(outcome, signature)

    def record_new(self, signature, user):
        # A new row is a signature collected on paper, entered by staff as it was decided.
        signature.source = Signature.Source.PAPER
        signature._change_reason = f"imported as {signature.status}"
        if signature.member_id is None:
            signature.member = services.matching_member(signature.authority_name, signature.country)
        if signature.status != Signature.Status.PENDING:
            signature.status_changed_at, signature.status_changed_by = timezone.now(), user
        if signature.status == Signature.Status.VERIFIED:
            signature.verified_at, signature.verified_by = signature.status_changed_at, user
