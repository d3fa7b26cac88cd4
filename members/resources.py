"""Spreadsheet import and export of members (CSV, XLSX) for staff, through the admin."""

import datetime

from import_export import fields, resources, widgets

from alliance.spreadsheet import NameWidget, SafeCellsMixin

from .models import Member


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


class DateWidget(widgets.DateWidget):
    """A date; spreadsheets hand dates over as midnight datetimes."""

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        return value.date() if isinstance(value, datetime.datetime) else value


def _date(attribute):
    return fields.Field(attribute=attribute, column_name=attribute, widget=DateWidget())


def _name(attribute):
    return fields.Field(attribute=attribute, column_name=attribute, widget=NameWidget())


class MemberResource(SafeCellsMixin, resources.ModelResource):
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

    def get_queryset(self):
        return super().get_queryset().order_by("country", "search_name", "pk")
