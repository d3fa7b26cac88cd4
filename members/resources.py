"""Spreadsheet import and export of members (CSV, XLSX) for staff, through the admin."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from import_export import fields, resources, widgets

from core.imports import ImportNotesMixin, WorkflowImportMixin
from core.spreadsheet import (
    ChoiceWidget,
    CountryWidget,
    DateWidget,
    FloatWidget,
    HeadingsMixin,
    IntegerWidget,
    NameWidget,
    SafeCellsMixin,
)

from . import services
from .models import Member
from .places import find_coordinates


class BlankTextField(fields.Field):
    """Translated text: NULL until first filled, and an empty cell is the same as NULL."""

    def __init__(self, attribute, widget=None):
        super().__init__(
            attribute=attribute, column_name=attribute, widget=widget or widgets.CharWidget()
        )

    def get_value(self, obj):
        return super().get_value(obj) or ""

    def clean(self, row, **kwargs):
        return super().clean(row, **kwargs) or ""


def _date(attribute):
    return fields.Field(attribute=attribute, column_name=attribute, widget=DateWidget())


def _number(attribute, widget):
    return fields.Field(attribute=attribute, column_name=attribute, widget=widget)


def _name(attribute):
    return fields.Field(attribute=attribute, column_name=attribute, widget=NameWidget())


class MemberResource(
    HeadingsMixin, ImportNotesMixin, WorkflowImportMixin, SafeCellsMixin, resources.ModelResource
):
    headings = {
        "slug": _("identifier in the address (blank for a new member)"),
        "display_name_en": _("name in English"),
        "display_name_fr": _("name in French"),
        "description_en": _("description in English"),
        "description_fr": _("description in French"),
    }
    # A town that does not exist, so that the example can never be taken for a member: an
    # import leaves the row out (and the preview says so), a forgotten example adds nobody.
    example = {
        "name": "Exampleville",
        "display_name_en": "Exampleville",
        "display_name_fr": "Exempleville",
        "kind": "city",
        "country": "HU",
        "population": 150000,
        "status": "approved",
        "joined_on": datetime.date(2017, 3, 28),
        "contact_name": "Anna Example",
        "contact_role": "Head of the social affairs department",
    }
    example_marks = ("name",)
    import_help = _(
        "A new member is placed on the map from its name and country, as a join request is, "
        "unless the file gives its latitude and longitude; the preview names those it cannot "
        "place."
    )
    # The slug is the stable key: a re-imported export updates the same rows, never adds.
    name = _name("name")
    contact_name = _name("contact_name")
    contact_role = _name("contact_role")
    display_name_en = BlankTextField("display_name_en", NameWidget())
    display_name_fr = BlankTextField("display_name_fr", NameWidget())
    description_en = BlankTextField("description_en")
    description_fr = BlankTextField("description_fr")
    joined_on = _date("joined_on")
    left_on = _date("left_on")
    population = _number("population", IntegerWidget())
    latitude = _number("latitude", FloatWidget())
    longitude = _number("longitude", FloatWidget())
    # Codes or labels, in any case ("approved", "Approved"); a country as FR or France.
    kind = fields.Field(
        attribute="kind", column_name="kind", widget=ChoiceWidget(Member.Kind.choices)
    )
    status = fields.Field(
        attribute="status", column_name="status", widget=ChoiceWidget(Member.Status.choices)
    )
    country = fields.Field(attribute="country", column_name="country", widget=CountryWidget())

    class Meta:
        model = Member
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "name",
            "display_name_en",
            "display_name_fr",
            "kind",
            "country",
            "population",
            "website",
            "description_en",
            "description_fr",
            "latitude",
            "longitude",
            "status",
            "joined_on",
            "left_on",
            "contact_name",
            "contact_role",
            "contact_email",
            "contact_phone",
        ]
        skip_unchanged = True
        report_skipped = True
        # Model validation (choices, the 46 states, coordinates, duplicates) on every row,
        # and one transaction: a file with a bad row saves nothing.
        clean_model_instances = True
        use_transactions = True

    def import_data(self, dataset, **kwargs):
        # A row refused by validation cancels the whole file, not just that row.
        kwargs.setdefault("rollback_on_validation_errors", True)
        return super().import_data(dataset, **kwargs)

    def import_instance(self, instance, row, **kwargs):
        super().import_instance(instance, row, **kwargs)
        # A new member goes on the map as a join request does, from the same offline place data.
        if instance.pk is None and instance.latitude is None and instance.longitude is None:
            instance.latitude, instance.longitude = find_coordinates(
                instance.name, instance.country
            )
            if instance.latitude is None and instance.name and instance.country:
                self.note(
                    _(
                        "“%(name)s” (%(country)s) is not in the map’s list of places: it will be "
                        "imported without a place on the map unless the file gives its latitude "
                        "and longitude."
                    )
                    % {"name": instance.name, "country": instance.country.name}
                )

    def get_queryset(self):
        return super().get_queryset().order_by("country", "search_name", "pk")

    def status_step(self, before, wanted):
        if (before, wanted) == (Member.Status.PENDING, Member.Status.APPROVED):
            return services.approve_member
        if (before, wanted) == (Member.Status.APPROVED, Member.Status.LEFT):
            return lambda member, by: services.mark_left(member, by, member.left_on)
        if (before, wanted) == (Member.Status.PENDING, Member.Status.REJECTED):
            return _(
                "A rejection is sent to the applicant with its reason: use the action “Reject "
                "the selected requests…” of the list."
            )
        return _(
            "A member cannot go from “%(before)s” to “%(wanted)s”: that is not a step of the "
            "membership workflow."
        ) % {"before": Member.Status(before).label, "wanted": Member.Status(wanted).label}

    def record_new(self, member, user):
        member._change_reason = f"imported as {member.status}"
        if member.status == Member.Status.PENDING:
            return
        # An authority that joined, was refused or left on paper: a decision, dated and signed.
        now = timezone.now()
        member.decided_at, member.decided_by = now, user
        if member.status == Member.Status.APPROVED and member.joined_on is None:
            member.joined_on = timezone.localdate(now)
        if member.status == Member.Status.LEFT and member.left_on is None:
            member.left_on = timezone.localdate(now)
