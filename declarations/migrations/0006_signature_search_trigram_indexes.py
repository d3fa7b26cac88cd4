"""Trigram indexes for the search of signatories, on PostgreSQL only.

The Declaration's page and the admin look for each normalised word anywhere in the signatory's
name or authority (`LIKE '%word%'` in `search_name`, `search_authority`): with hundreds of
thousands of signatures, only a pg_trgm GIN index answers that without reading every row.
SQLite keeps its scan.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    GinIndex(fields=["search_name"], opclasses=["gin_trgm_ops"], name="signature_name_trgm"),
    GinIndex(
        fields=["search_authority"], opclasses=["gin_trgm_ops"], name="signature_authority_trgm"
    ),
]


def add_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in INDEXES:
            schema_editor.add_index(apps.get_model("declarations", "Signature"), index)


def remove_indexes(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for index in INDEXES:
            schema_editor.remove_index(apps.get_model("declarations", "Signature"), index)


class Migration(migrations.Migration):
    dependencies = [("declarations", "0005_signature_source_form_or_paper")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add_indexes, remove_indexes, elidable=True),
    ]
