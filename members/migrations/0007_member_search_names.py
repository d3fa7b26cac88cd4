"""Search members by every name a visitor may know them by, local or translated.

`search_names` holds the normalised local name and display names; the directory's search looks
for each word in it. On PostgreSQL one trigram index on it replaces the three that served the
former search (the local name, and each display name compared with UPPER … LIKE).
"""

from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import migrations, models
from django.db.models.functions import Upper

from core.text import normalise

NEW_INDEX = GinIndex(
    fields=["search_names"], opclasses=["gin_trgm_ops"], name="members_search_names_trgm"
)
OLD_INDEXES = [
    GinIndex(fields=["search_name"], opclasses=["gin_trgm_ops"], name="members_search_trgm"),
    GinIndex(
        OpClass(Upper("display_name_en"), name="gin_trgm_ops"), name="members_name_en_trgm"
    ),
    GinIndex(
        OpClass(Upper("display_name_fr"), name="gin_trgm_ops"), name="members_name_fr_trgm"
    ),
]


def fill_search_names(apps, schema_editor):
    Member = apps.get_model("members", "Member")
    changed = []
    for member in Member.objects.only("name", "display_name_en", "display_name_fr").iterator():
        names = [member.name, member.display_name_en or "", member.display_name_fr or ""]
        member.search_names = "\n".join(dict.fromkeys(normalise(n) for n in names if n))
        changed.append(member)
    Member.objects.bulk_update(changed, ["search_names"], batch_size=1000)


def swap_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    member = apps.get_model("members", "Member")
    for index in OLD_INDEXES:
        schema_editor.remove_index(member, index)
    schema_editor.add_index(member, NEW_INDEX)


def swap_back(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    member = apps.get_model("members", "Member")
    schema_editor.remove_index(member, NEW_INDEX)
    for index in OLD_INDEXES:
        schema_editor.add_index(member, index)


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0006_member_place_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="historicalmember",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.AddField(
            model_name="member",
            name="search_names",
            field=models.TextField(default="", editable=False),
        ),
        migrations.RunPython(fill_search_names, migrations.RunPython.noop),
        migrations.RunPython(swap_indexes, swap_back),
    ]
