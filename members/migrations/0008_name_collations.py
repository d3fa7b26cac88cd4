"""Each language's collation, and on PostgreSQL the index the directory's order reads.

Lists of members sort by the name they show (members.models.shown_name()) with the
collation of the visitor's language (core/collation.py). PostgreSQL gets one ICU collation
per language and, per language, an index of the approved members in that order, so that a
page of the directory still reads its rows from an index. SQLite registers the collations on
each connection instead and has no such index (like the trigram indexes of 0005).
"""

from django.contrib.postgres.operations import CreateCollation
from django.db import migrations, models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce, Collate, NullIf


def _index(language):
    languages = dict.fromkeys([language, "en"])
    shown = Coalesce(
        *(NullIf(F(f"display_name_{code}"), Value("")) for code in languages), F("name")
    )
    return models.Index(
        Collate(shown, f"alliance_{language}"),
        F("id"),
        condition=Q(status="approved"),
        name=f"members_approved_name_{language}",
    )


INDEXES = [_index("en"), _index("fr")]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    member = apps.get_model("members", "Member")
    for index in INDEXES:
        schema_editor.add_index(member, index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    member = apps.get_model("members", "Member")
    for index in INDEXES:
        schema_editor.remove_index(member, index)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_member_search_names"),
    ]

    operations = [
        # Do nothing on other databases (Django checks the vendor itself).
        CreateCollation("alliance_en", provider="icu", locale="en"),
        CreateCollation("alliance_fr", provider="icu", locale="fr"),
        migrations.RunPython(add_indexes, remove_indexes, elidable=True),
    ]
