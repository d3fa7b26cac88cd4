"""What the site holds about a person, as data they can be given (GDPR, right of access)."""

import json

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone


def as_data(instances):
    """Rows as plain dicts: every stored field, links as ids, dates in ISO 8601."""
    return [
        {"id": item["pk"], **item["fields"]}
        for item in serializers.serialize("python", list(instances))
    ]


def history_of(instance):
    """Every history record of `instance`, oldest first, naming who made each change."""
    records = instance.history.order_by("history_date", "history_id").select_related("history_user")
    rows = []
    for record, row in zip(records, as_data(records), strict=True):
        row["history_user"] = record.history_user.get_username() if record.history_user else None
        row["history_type"] = record.get_history_type_display()
        rows.append(row)
    return rows


def with_history(instances):
    """Rows of `instances` as data, each with its full history."""
    instances = list(instances)
    return [
        {**row, "history": history_of(instance)}
        for instance, row in zip(instances, as_data(instances), strict=True)
    ]


# Records an app holds about the person behind another app's record:
# {model: [(key, finder, erase)]}. An app declares them for the apps below it, which cannot
# import it.
_related = {}


def register_related(model, key, finder, erase=None):
    """Export `finder(instance)` under `key` with every `model` record a person asks for.

    `erase(instance, by)` forgets what the app holds about that person when they ask to be
    forgotten, and says what it erased in words ("2 event registrations"), "" if nothing. It
    runs before the `model` record forgets the person, so it can still find them.
    """
    _related.setdefault(model, []).append((key, finder, erase))


def related_data(instance):
    """{key: rows with their history} of what every app declared about `instance`'s person."""
    return {
        key: with_history(finder(instance))
        for key, finder, _erase in _related.get(type(instance), [])
    }


def erase_related(instance, by):
    """Forget what every app holds about `instance`'s person: what was erased, in words."""
    erasers = [erase for _key, _finder, erase in _related.get(type(instance), []) if erase]
    return [str(text) for text in (erase(instance, by) for erase in erasers) if text]


def forget_in_admin_log(instance):
    """Write the admin's log of changes to `instance` under its (now anonymous) name."""
    LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(instance), object_id=str(instance.pk)
    ).update(object_repr=str(instance)[:200])


def download(data, name):
    """A JSON file to hand to the person: alliance-personal-data-<name>-<date>.json."""
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    filename = f"alliance-personal-data-{name}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
