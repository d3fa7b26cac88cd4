"""The change history of members, signatures, declarations, articles and pages.

django-simple-history records every `save()` and `delete()`. The workflows change a status with
a conditional UPDATE instead (its row count decides who won), which bypasses `save()`:
`core.workflows.transition()` calls `record_change()` once it has won, so that each decision
still names who took it.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone


def record_change(instance, by, reason):
    """Add a history record of `instance` as it is now, made by `by` (a user or None)."""
    history = type(instance).history.model
    values = {field.attname: getattr(instance, field.attname) for field in history.tracked_fields}
    return history.objects.create(
        history_date=timezone.now(),
        history_type="~",
        history_user=by if getattr(by, "pk", None) else None,
        history_change_reason=str(reason)[:100],
        **values,
    )


def deleted_records(model):
    """The last history record of each deleted row of `model` that is still deleted, newest first."""
    history = model.history.model
    return (
        history.objects.filter(history_type="-")
        .exclude(**{f"{model._meta.pk.attname}__in": model.objects.values("pk")})
        .order_by("-history_date")
        .select_related("history_user")
    )


class RestoreConflict(Exception):
    """The row cannot come back as it was, e.g. the same authority has asked to join again."""


def restore(record, by):
    """Put a deleted row back from its last history record; return the restored instance.

    Links to rows deleted since (a user, a member) are left empty rather than refused.
    """
    instance = record.instance
    for field in instance._meta.concrete_fields:
        if field.is_relation and getattr(instance, field.attname) is not None:
            related = field.related_model._base_manager.filter(pk=getattr(instance, field.attname))
            if field.null and not related.exists():
                setattr(instance, field.attname, None)
    instance._history_user = by if getattr(by, "pk", None) else None
    instance._change_reason = "restored"
    model = type(instance)
    try:
        with transaction.atomic():
            instance.save(force_insert=True)
            # An insert stamps "created" anew: the row keeps the date it was first made.
            created = {
                field.attname: getattr(record, field.attname)
                for field in model._meta.concrete_fields
                if getattr(field, "auto_now_add", False)
            }
            if created:
                model._base_manager.filter(pk=instance.pk).update(**created)
                instance.refresh_from_db(fields=list(created))
    except IntegrityError as error:
        raise RestoreConflict(str(error)) from error
    # A row the public sees is back on the cached pages by its save (core.workflows.watch).
    return instance
