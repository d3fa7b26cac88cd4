"""Cells of the spreadsheets the site and the admin write (CSV, XLSX), and the names put in them.

A spreadsheet reads a cell starting with =, +, -, @, a tab or a carriage return as a formula
(CSV injection: a name like =HYPERLINK(…) becomes a live link in the reader's sheet). Every
writer passes its cells through safe_cell(), the one rule of the site; the public forms and the
imports refuse names that start that way.
"""

import datetime
import re
from decimal import Decimal, InvalidOperation

import tablib
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from import_export import widgets
from import_export.formats import base_formats

from core.text import normalise

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
    """A name on one line, with letters, not starting like a formula; else ValidationError.

    Blank stays blank: whether a name may be left out is its field's to say (`required`).
    """
    value = " ".join(value.split())
    if not value:
        return value
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
# without a question. No cell runs as a formula in either: the resources' SafeCellsMixin
# neutralises every text cell (safe_cell) and keeps numbers and dates as such.
FORMATS = [base_formats.XLSX, CSV]


# Dates and numbers as staff write them in a sheet, whatever the admin's language: both imports
# read them the same way, and both exports write them so that either language reads them back.


class DateWidget(widgets.Widget):
    """A date written day first, 28/03/2017 or 28.03.2017, or as 2017-03-28, or a spreadsheet's
    date cell (XLSX hands one over as a datetime). Day first in English too: the Council of
    Europe's way, and the one the import page documents; "03/04/2017" is the 3rd of April.

    Exported as a date cell to XLSX, as 2017-03-28 to CSV. `required`: the message when blank.
    """

    DAY_FIRST = re.compile(r"(\d{1,2})([/.])(\d{1,2})\2(\d{4})")
    YEAR_FIRST = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
    # A time of midnight after the date: how some spreadsheets write a date cell to CSV.
    MIDNIGHT = re.compile(r"[ T]00:00(:00)?$")

    def __init__(self, required=None, **kwargs):
        self.required = required
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = self.MIDNIGHT.sub("", str(value if value is not None else "").strip())
        if not text:
            if self.required:
                raise ValueError(str(self.required))
            return None
        if match := self.DAY_FIRST.fullmatch(text):
            day, _separator, month, year = match.groups()
        elif match := self.YEAR_FIRST.fullmatch(text):
            year, month, day = match.groups()
        else:
            raise ValueError(
                _("“%(value)s” is not a date: write it as 28/03/2017, 28.03.2017 or 2017-03-28.")
                % {"value": text}
            )
        try:
            return datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise ValueError(
                _(
                    "The date “%(value)s” does not exist: write the day first, then the month "
                    "and the year, as 28/03/2017."
                )
                % {"value": text}
            ) from None

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value  # a date cell, not a midnight datetime nor a text
        return value.isoformat() if value else ""


def _number_text(value):
    """A number's text without the spaces that group its digits ("150 000" → "150000")."""
    return re.sub(r"[\s\u00a0\u202f]", "", str(value))


class IntegerWidget(widgets.IntegerWidget):
    """A whole number: 150000, 150 000, 150,000 or 150.000, or a spreadsheet's number cell.

    Exported as a number to XLSX and in plain digits to CSV, the same in either language.
    """

    GROUPED = re.compile(r"\d{1,3}([,.])\d{3}(\1\d{3})*")

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        text = _number_text(value)
        if self.GROUPED.fullmatch(text):
            text = re.sub(r"[,.]", "", text)
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
        if number is None or not number.is_finite() or number != number.to_integral_value():
            raise ValueError(
                _("“%(value)s” is not a whole number: write it in digits, as 150000.")
                % {"value": value}
            )
        return int(number)

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return "" if value is None else str(value)


class FloatWidget(widgets.FloatWidget):
    """A decimal number, with a point or a comma (48.5839, 48,5839), or a spreadsheet's number.

    Exported as a number to XLSX and with a point to CSV, the same in either language.
    """

    def clean(self, value, row=None, **kwargs):
        if self.is_empty(value):
            return None
        if isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
        text = _number_text(value)
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = float(text)
        except ValueError:
            number = None
        if number is None or number != number or number in (float("inf"), float("-inf")):
            raise ValueError(
                _("“%(value)s” is not a number: write it with a decimal point, as 48.5839.")
                % {"value": value}
            )
        return number

    def render(self, value, obj=None, **kwargs):
        if kwargs.get("force_native_type"):
            return value
        return "" if value is None else repr(float(value))


# Choices as staff write them in a sheet: both imports read them the same way, and both
# exports write the codes.


class ChoiceWidget(widgets.Widget):
    """A choice written as its code or its label in any of the site's languages, in any case
    and with or without accents: "verified", "Verified", "vérifiée"."""

    def __init__(self, choices, aliases=None, **kwargs):
        self.choices = choices
        # code → other ways people write it ("conseillère municipale" for "councillor").
        self.aliases = aliases or {}
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = normalise(str(value or ""))
        if not text:
            return None
        for code, label in self.choices:
            spellings = self.spellings(code, label)
            spellings.update(normalise(alias) for alias in self.aliases.get(code, ()))
            if text in spellings:
                return code
        codes = ", ".join(str(code) for code, _label in self.choices)
        raise ValueError(
            _("“%(value)s” is not one of: %(codes)s.") % {"value": value, "codes": codes}
        )

    @staticmethod
    def spellings(code, label):
        """The code and the label in each of the site's languages ("mayor", "maire")."""
        names = {normalise(str(code))}
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                names.add(normalise(str(label)))
        return names

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


class HeadingsMixin:
    """For a ModelResource: columns as people name them, not as the code does.

    An export heads each column in the admin's language ("Pays", "Country"); an import reads
    a heading in any of the site's languages, or the column's code ("country"), whatever its
    case or accents, so that a file exported in French imports in English and back.

    `headings`: column code → its heading, where the model field's verbose name does not say
    it (a translated field's "display_name_en" → "Display name in English").
    `example`: column code → a value for the example row of the downloadable template.
    `example_marks`: the columns whose example values, all together, mark a row as the
    template's example, which an import leaves out: the example is fictitious ("Exampleville"),
    so no real row can be taken for it.
    """

    headings = {}
    example = {}
    example_marks = ()

    def sheet_title(self):
        """The name of an XLSX sheet: what it holds, in the admin's language ("Members")."""
        return capfirst(str(self._meta.model._meta.verbose_name_plural))

    def export(self, queryset=None, **kwargs):
        dataset = super().export(queryset, **kwargs)
        dataset.title = self.sheet_title()
        return dataset

    def is_example(self, row):
        """Whether an imported row (keyed by column code) is the template's example row."""
        if not self.example_marks:
            return False
        return all(
            normalise(str(row.get(column) or "")) == normalise(str(self.example[column]))
            for column in self.example_marks
        )

    def heading(self, column):
        label = self.headings.get(column)
        if label is None:
            try:
                label = self._meta.model._meta.get_field(column).verbose_name
            except FieldDoesNotExist:
                label = column
        return capfirst(str(label))

    def spellings(self, column):
        """The ways a sheet may head this column: its code and its heading in each language."""
        names = {column}
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                names.add(self.heading(column))
        return {normalise(name) for name in names}

    def columns(self):
        """(code, heading in the active language) of the columns an import reads, in order."""
        return [(f.column_name, self.heading(f.column_name)) for f in self.get_import_fields()]

    def get_export_headers(self, selected_fields=None):
        return [self.heading(name) for name in super().get_export_headers(selected_fields)]

    def get_diff_headers(self):
        return [self.heading(name) for name in super().get_diff_headers()]

    def before_import(self, dataset, **kwargs):
        known = {}
        for field in self.fields.values():
            for spelling in self.spellings(field.column_name):
                known.setdefault(spelling, field.column_name)
        dataset.headers = [
            known.get(normalise(str(header or "")), header) for header in dataset.headers or []
        ]
        # A sheet of new records has no use for the column that identifies existing ones:
        # without it, every row is new, as with the column left blank.
        for column in self.get_import_id_fields():
            if dataset.height and column not in dataset.headers:
                dataset.append_col([""] * dataset.height, header=column)
        super().before_import(dataset, **kwargs)

    def template_dataset(self, native=False):
        """The downloadable template: the headings an export writes, and one example row,
        its cells written as an export writes them (`native`: dates and numbers as such, for
        XLSX)."""
        columns = self.columns()
        row = []
        for code, _heading in columns:
            value = self.example.get(code)
            row.append(
                ""
                if value is None
                else self.fields[code].widget.render(value, force_native_type=native)
            )
        dataset = tablib.Dataset(row, headers=[heading for _code, heading in columns])
        dataset.title = self.sheet_title()
        return dataset
