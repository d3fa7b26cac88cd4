"""Trigram indexes for the directory's search, on PostgreSQL only.

The search looks for each word anywhere in a name (`LIKE '%word%'`), which no B-tree index
can answer; PostgreSQL's pg_trgm GIN indexes can. SQLite has no such index and keeps its
scan, which is fast enough at the sizes SQLite serves. The indexes are not in the model's
Meta.indexes, as they cannot exist on every database: this migration creates them where they can.
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations
from django.db.models.functions import Upper

INDEXES = [
    # Member.objects.search(): search_name__contains, display_name_xx__icontains (UPPER … LIKE).
    GinIndex(fields=["search_name"], opclasses=["gin_trgm_ops"], name="members_search_trgm"),
    GinIndex(
        OpClass(Upper("display_name_en"), name="gin_trgm_ops"), name="members_name_en_trgm"
    ),
    GinIndex(
        OpClass(Upper("display_name_fr"), name="gin_trgm_ops"), name="members_name_fr_trgm"
    ),
]


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
        ("members", "0004_member_history"),
    ]

    operations = [
        # Does nothing on other databases (Django checks the vendor itself).
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes, elidable=True),
    ]
