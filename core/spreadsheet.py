"""Cells of the spreadsheets the site and the admin write (CSV, XLSX), and the names put in them.

A spreadsheet reads a cell starting with =, +, -, @, a tab or a carriage return as a formula
(CSV injection: a name like =HYPERLINK(…) becomes a live link in the reader's sheet). Every
writer passes its cells through safe_cell(), the one rule of the site; the public forms and the
imports refuse names that start that way.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export import widgets
from import_export.formats import base_formats

# What a spreadsheet takes for the start of a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A leading quote makes a spreadsheet read the rest as text, never as a formula.
TEXT_MARK = "'"


def safe_cell(value):
    """The value as a cell a spreadsheet cannot run: "=1+1" → "'=1+1", "+48 42…" → "'+48 42…".

    Numbers, dates and None are returned as they are: -9.14 is a longitude, not a formula.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return TEXT_MARK + value
    return value


def read_cell(value):
    """An imported cell as it was before safe_cell(): "'+48 42…" → "+48 42…"."""
    if isinstance(value, str) and value[:1] == TEXT_MARK and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def plain_name(value):
    """A name on one line, with letters, not starting like a formula; else ValidationError."""
    value = " ".join(value.split())
    if value.startswith(FORMULA_STARTS):
        raise ValidationError(
            _("A name cannot start with “%(character)s”. Please write it in letters."),
            code="formula",
            params={"character": value[0]},
        )
    if not any(character.isalpha() for character in value):
        raise ValidationError(_("Please write the name in letters."), code="letters")
    return value


class NameWidget(widgets.CharWidget):
    """An imported name, refused as the forms refuse it (plain_name); blank stays blank."""

    def clean(self, value, row=None, **kwargs):
        value = super().clean(value, row, **kwargs)
        if not value:
            return value
        try:
            return plain_name(value)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from error


class SafeCellsMixin:
    """For a ModelResource: cells exported through safe_cell(), read back through read_cell()."""

    def export_field(self, field, instance, **kwargs):
        value = super().export_field(field, instance, **kwargs)
        # A number stays one (a western longitude starts with "-"); it never runs as a formula.
        if isinstance(field.widget, widgets.NumberWidget):
            return value
        return safe_cell(value)

    def before_import_row(self, row, **kwargs):
        for column in row:
            row[column] = read_cell(row[column])
        super().before_import_row(row, **kwargs)


class XLSX(base_formats.XLSX):
    """XLSX escaped by safe_cell() when IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is set.

    The library's escaping only drops a first "=" and writes every cell as text, an empty one
    as "None", which a re-import then refuses.
    """

    def _escape_formulae(self, dataset):
        for _row in range(dataset.height):
            dataset.append([safe_cell(cell) for cell in dataset.lpop()])


# The admin exports numbers and dates as such only to the formats of this list, found by class.
if XLSX not in base_formats.BINARY_FORMATS:
    base_formats.BINARY_FORMATS.append(XLSX)


class CSV(base_formats.CSV):
    """CSV that Excel opens as UTF-8 ("Chargée", not "ChargÃ©e"): written with a byte-order
    mark, which a re-import reads past."""

    BOM = "\ufeff"

    def export_data(self, dataset, **kwargs):
        return self.BOM + super().export_data(dataset, **kwargs)

    def create_dataset(self, in_stream, **kwargs):
        if isinstance(in_stream, bytes):
            in_stream = in_stream.removeprefix(self.BOM.encode())
        elif isinstance(in_stream, str):
            in_stream = in_stream.removeprefix(self.BOM)
        return super().create_dataset(in_stream, **kwargs)


# The formats of the admin's import and export, XLSX first: the one staff's spreadsheets open
# without a question. The library's CSV escaping only drops a first "=": the resources'
# SafeCellsMixin has already neutralised every text cell.
FORMATS = [XLSX, CSV]


# Choices as staff write them in a sheet: both imports read them the same way, and both
# exports write the codes.


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
    """A Council of Europe member state, written as its ISO code ("HU") or its name in English
    or in French ("Hungary", "Hongrie"), in any case."""

    def clean(self, value, row=None, **kwargs):
        text = str(value or "").strip()
        if not text:
            raise ValueError(_("A country is required."))
        code = (
            text.upper()
            if text.upper() in countries
            else countries.by_name(text) or countries.by_name(text, language="fr")
        )
        if not code:
            raise ValueError(
                _(
                    "“%(value)s” is not a Council of Europe member state: write its code "
                    "(HU) or its name in English or French (Hungary, Hongrie)."
                )
                % {"value": text}
            )
        return code

    def render(self, value, obj=None, **kwargs):
        return str(value or "")
