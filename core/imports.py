"""Spreadsheet imports in the admin that respect the workflows.

A status (approved, verified, withdrawn…) is a decision: a row that changes the status of an
existing record saves its other fields as they are, then takes the step through the same
service as the admin's actions, with the importing staff member; a step the workflow does not
have is refused with a row error. New rows are created in their status: records kept on paper.
"""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from import_export.formats.base_formats import BINARY_FORMATS
from import_export.forms import SelectableFieldsExportForm
from import_export.results import RowResult


def importing_user(kwargs):
    """The staff member running the import (the admin passes it), or None."""
    user = kwargs.get("user")
    return user if getattr(user, "pk", None) else None


class WorkflowImportMixin:
    """For a ModelResource of a model whose `status` only its workflow's services change.

    Subclasses give status_step(before, wanted): a function (instance, user) that takes the step
    and returns whether it did, or the text saying why an import cannot take it; and
    record_new(instance, user), which fills in how a new row was decided.
    """

    def status_step(self, before, wanted):
        # A resource that names no step lets no import change a status.
        return gettext_lazy("An import cannot change this status: use the actions of the list.")

    def record_new(self, instance, user):
        pass

    def refusal(self, outcome, instance):
        """The row error when the service did not take the step it was asked for."""
        return gettext_lazy(
            "The status changed while the file was being imported: import it again."
        )

    def after_init_instance(self, instance, new, row, **kwargs):
        super().after_init_instance(instance, new, row, **kwargs)
        instance.status_before_import = None if new else instance.status

    def import_instance(self, instance, row, **kwargs):
        try:
            super().import_instance(instance, row, **kwargs)
        finally:
            before = instance.status_before_import
            # A blank status keeps the one a record has.
            instance.status_wanted = instance.status or before
            if before is not None:
                instance.status = before

    def changes_status(self, instance):
        before = instance.status_before_import
        return before is not None and instance.status_wanted != before

    def skip_row(self, instance, original, row, import_validation_errors=None):
        if self.changes_status(instance):
            return False
        return super().skip_row(instance, original, row, import_validation_errors)

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        errors = dict(import_validation_errors or {})
        if self.changes_status(instance) and "status" not in errors:
            try:
                instance._meta.get_field("status").clean(instance.status_wanted, instance)
                step = self.status_step(instance.status_before_import, instance.status_wanted)
                if not callable(step):
                    raise ValidationError(step, code="workflow")
            except ValidationError as error:
                errors["status"] = error.error_list
        super().validate_instance(instance, errors, validate_unique)

    def before_save_instance(self, instance, row, **kwargs):
        super().before_save_instance(instance, row, **kwargs)
        if instance.status_before_import is None:
            self.record_new(instance, importing_user(kwargs))

    def after_save_instance(self, instance, row, **kwargs):
        super().after_save_instance(instance, row, **kwargs)
        # A dry run without a transaction saved nothing: nothing may be decided either. With
        # one, the step is taken and rolled back with the preview, its e-mails never sent.
        if kwargs.get("dry_run") and not kwargs.get("using_transactions"):
            return
        if self.changes_status(instance):
            step = self.status_step(instance.status_before_import, instance.status_wanted)
            outcome = step(instance, importing_user(kwargs))
            if not outcome:
                raise ValidationError({"status": self.refusal(outcome, instance)})


class NotedRowResult(RowResult):
    """A row's result with what staff should know before they confirm, which is no error."""

    def __init__(self):
        super().__init__()
        self.line = None  # the row of the sheet: row 1 holds the headings
        self.notes = []  # "“Exampleville” (Hungary) cannot be placed on the map…"
        self.example = False  # the template's example row, left out


class ImportNotesMixin:
    """For a ModelResource: notes the preview shows row by row (`note()` while a row is
    imported), and the template's example row left out (`is_example()`, HeadingsMixin's)."""

    def get_row_result_class(self):
        return NotedRowResult

    def is_example(self, row):
        return False

    def note(self, message):
        self.row_notes.append(str(message))

    def import_row(self, row, instance_loader, **kwargs):
        self.row_notes = []
        if self.is_example(row):
            row_result = self.get_row_result_class()()
            row_result.import_type = RowResult.IMPORT_TYPE_SKIP
            row_result.example = True
        else:
            row_result = super().import_row(row, instance_loader, **kwargs)
            row_result.notes = self.row_notes
        row_result.line = kwargs.get("row_number", 0) + 1
        return row_result


# What staff see of an import, before and after they confirm it.

# The order rows are shown in the preview: what the import adds, then what it changes.
PREVIEW_ORDER = {"new": 0, "update": 1, "delete": 2}


@dataclass(frozen=True)
class PreviewRow:
    line: int  # the row of the sheet: row 1 holds the headings
    import_type: str  # new, update or delete
    diff: list  # the library's rendering of each column, changes marked


@dataclass
class ImportSummary:
    """An import's result as staff read it: counts, errors in words, the rows that change."""

    counts: dict  # new, update, delete, skip, invalid, error
    errors: list  # "Row 4, column Country: “Atlantis” is not a Council of Europe member state…"
    rows: list  # PreviewRow of the rows that add, change or delete something, new ones first
    # "Row 2 is the template's example: it is left out.", "Row 5: “Exampleville” (Hungary)…"
    notes: list = field(default_factory=list)

    @property
    def text(self):
        """ "3 new, 2 changed, 131 unchanged (hidden)": what the file does, in one line."""
        new, changed, deleted, unchanged = (
            self.counts[key] for key in ("new", "update", "delete", "skip")
        )
        parts = [
            ngettext("%(count)s new", "%(count)s new", new) % {"count": new},
            ngettext("%(count)s changed", "%(count)s changed", changed) % {"count": changed},
        ]
        if deleted:
            parts.append(
                ngettext("%(count)s deleted", "%(count)s deleted", deleted) % {"count": deleted}
            )
        if unchanged:
            parts.append(
                ngettext("%(count)s unchanged (hidden)", "%(count)s unchanged (hidden)", unchanged)
                % {"count": unchanged}
            )
        return ", ".join(parts)


def summarise(result, resource):
    """The ImportSummary of a django-import-export Result, headings in the active language."""
    totals = dict(result.totals)
    counts = {key: totals.get(key, 0) for key in ("new", "update", "delete", "skip", "error")}
    counts["invalid"] = len(result.invalid_rows)
    notes = []
    for row in result.rows:
        if getattr(row, "example", False):
            counts["skip"] -= 1
            notes.append(
                _("Row %(row)s is the template’s example: it is left out.") % {"row": row.line}
            )
        for note in getattr(row, "notes", ()):
            notes.append(_("Row %(row)s: %(note)s") % {"row": row.line, "note": note})
    errors = []
    for error in result.base_errors:
        errors.append(str(error.error))
    for number, row_errors in result.row_errors():
        for error in row_errors:
            errors.append(_("Row %(row)s: %(error)s") % {"row": number + 1, "error": error.error})
    for row in result.invalid_rows:
        # Row 1 of the sheet holds the headings: the library's row 1 is the sheet's row 2.
        for column, messages in row.field_specific_errors.items():
            for message in messages:
                errors.append(
                    _("Row %(row)s, column %(column)s: %(error)s")
                    % {"row": row.number + 1, "column": resource.heading(column), "error": message}
                )
        for message in row.non_field_specific_errors:
            errors.append(_("Row %(row)s: %(error)s") % {"row": row.number + 1, "error": message})
    rows = sorted(
        (
            PreviewRow(line=number + 1, import_type=row.import_type, diff=row.diff)
            for number, row in enumerate(result.rows, start=1)
            if row.import_type in PREVIEW_ORDER
        ),
        key=lambda row: (PREVIEW_ORDER[row.import_type], row.line),
    )
    return ImportSummary(counts=counts, errors=errors, rows=rows, notes=notes)


class HeadedExportForm(SelectableFieldsExportForm):
    """The export page's choice of columns, each named as the file heads it, in the admin's
    language ("Member since", not "Joined On")."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        for resource_class in resources:
            resource = resource_class()
            if not hasattr(resource, "heading"):
                continue
            for name in resource.get_export_order():
                box = self.fields.get(self.create_boolean_field_name(resource_class, name))
                if box is not None:
                    box.label = resource.heading(name)


class SpreadsheetAdminMixin:
    """For an ImportExportModelAdmin whose resource has core.spreadsheet.HeadingsMixin.

    Adds the downloadable templates (CSV and XLSX: the headings in the admin's language and one
    example row), the expected columns in words on the import page, and the import's summary:
    counts, errors in words at the top, the rows that change first, unchanged rows hidden.
    """

    import_template_name = "admin/import_export/import.html"
    export_form_class = HeadedExportForm

    def get_urls(self):
        opts = self.model._meta
        template = path(
            "import/template.<str:extension>",
            self.admin_site.admin_view(self.import_template_view),
            name=f"{opts.app_label}_{opts.model_name}_import_template",
        )
        return [template, *super().get_urls()]

    def _template_formats(self):
        return {fmt().get_extension(): fmt for fmt in self.get_import_formats()}

    def import_template_view(self, request, extension):
        if not self.has_import_permission(request):
            raise PermissionDenied
        file_format = self._template_formats().get(extension)
        if file_format is None:
            raise Http404
        resource = self.get_import_resource_classes(request)[0]()
        native = file_format in BINARY_FORMATS  # XLSX: dates and numbers as such, as an export
        content = file_format().export_data(resource.template_dataset(native=native))
        opts = self.model._meta
        response = HttpResponse(content, content_type=file_format().get_content_type())
        filename = f"{opts.model_name}-import-template.{extension}"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        context = getattr(response, "context_data", None)
        if context is None:
            return response  # the import was confirmed: back to the list
        resource = self.get_import_resource_classes(request)[0]()
        opts = self.model._meta
        context["columns"] = resource.columns()
        context["import_help"] = getattr(resource, "import_help", "")
        context["templates"] = [
            (
                extension.upper(),
                reverse(
                    f"admin:{opts.app_label}_{opts.model_name}_import_template",
                    args=[extension],
                ),
            )
            for extension in self._template_formats()
        ]
        if context.get("result") is not None:
            context["summary"] = summarise(context["result"], resource)
        return response
