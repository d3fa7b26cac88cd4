"""A trigram index for the practices' search, on PostgreSQL only.

The search looks for each normalised word anywhere in `search_text` (`LIKE '%word%'`), which no
B-tree index can answer; a pg_trgm GIN index can. SQLite keeps its scan. Trigrams rather than
full-text search: the words are matched inside others too ("educ" finds "education"), in both
languages at once, with the same normalisation (core.text.normalise) as the members' search.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = GinIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name="practices_search_trgm")


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("practices", "Practice"), INDEX)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("practices", "Practice"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("practices", "0003_practices")]

    operations = [
        # Does nothing on other databases (Django checks the vendor itself).
        TrigramExtension(),
        migrations.RunPython(add_index, remove_index, elidable=True),
    ]
