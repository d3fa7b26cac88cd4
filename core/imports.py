"""Spreadsheet imports in the admin that respect the workflows.

A status (approved, verified, withdrawn…) is a decision: a row that changes the status of an
existing record saves its other fields as they are, then takes the step through the same
service as the admin's actions, with the importing staff member; a step the workflow does not
have is refused with a row error. New rows are created in their status: records kept on paper.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


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
        return _("An import cannot change this status: use the actions of the list.")

    def record_new(self, instance, user):
        pass

    def refusal(self, outcome, instance):
        """The row error when the service did not take the step it was asked for."""
        return _("The status changed while the file was being imported: import it again.")

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
