"""Spreadsheet import and export of members (CSV, XLSX) for staff, through the admin."""

from import_export import fields, resources, widgets

from .models import Member


class BlankCharWidget(widgets.CharWidget):
    """An empty cell is "": translated columns are NULL when never filled, and "" ≡ NULL here."""

    def clean(self, value, row=None, **kwargs):
        return super().clean(value, row, **kwargs) or ""

    def render(self, value, obj=None, **kwargs):
        return super().render(value or "", obj, **kwargs)


def _text(attribute):
    return fields.Field(attribute=attribute, column_name=attribute, widget=BlankCharWidget())


class MemberResource(resources.ModelResource):
    # The slug is the stable key: a re-imported export updates the same rows, never adds.
    display_name_en = _text("display_name_en")
    display_name_fr = _text("display_name_fr")
    description_en = _text("description_en")
    description_fr = _text("description_fr")

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

    def get_queryset(self):
        return super().get_queryset().order_by("country", "search_name", "pk")
