"""PostgreSQL text search configurations for the site search: each language's own stemming,
with accents removed first (unaccent), so that "lodz" finds "Łódź". Nothing on SQLite."""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

# (configuration, copied from, stemming dictionary)
CONFIGURATIONS = [
    ("alliance_en", "english", "english_stem"),
    ("alliance_fr", "french", "french_stem"),
    ("alliance_simple", "simple", "simple"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, parent, dictionary in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {parent})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} ALTER MAPPING FOR "
            f"hword, hword_part, word WITH unaccent, {dictionary}"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _parent, _dictionary in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("alliance", "0003_page_history"),
    ]

    operations = [
        # Does nothing on other databases (Django checks the vendor itself).
        UnaccentExtension(),
        migrations.RunPython(create, drop, elidable=True),
    ]
