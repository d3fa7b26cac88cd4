"""What is public when the digests begin is not news: it is noted as seen before any
subscription, so the first digests list only what staff publish from now on."""

import datetime

from django.db import migrations
from django.utils import timezone


def note_what_is_public(apps, schema_editor):
    Publication = apps.get_model("subscriptions", "Publication")
    now = timezone.now()
    # Each model's published() as it stands at this migration (managers are not available here).
    public = {
        "practice": apps.get_model("practices", "Practice").objects.filter(status="published"),
        "event": apps.get_model("events", "Event").objects.filter(
            status__in=["published", "cancelled"]
        ),
        "document": apps.get_model("library", "Document").objects.filter(
            status="published", participants_only=False
        ),
        "article": apps.get_model("news", "Article").objects.filter(
            status="published", published_at__lte=now, participants_only=False
        ),
    }
    seen_at = now - datetime.timedelta(seconds=1)
    for kind, rows in public.items():
        Publication.objects.bulk_create(
            [
                Publication(kind=kind, object_id=pk, seen_at=seen_at)
                for pk in rows.values_list("pk", flat=True).iterator()
            ],
            ignore_conflicts=True,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_subscriptions_and_publications_seen"),
        ("events", "0007_typographic_apostrophes"),
        ("library", "0003_typographic_apostrophes"),
        ("news", "0013_typographic_apostrophes"),
        ("practices", "0010_typographic_apostrophes"),
    ]

    operations = [migrations.RunPython(note_what_is_public, migrations.RunPython.noop)]
