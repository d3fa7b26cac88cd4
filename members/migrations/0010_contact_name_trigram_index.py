"""A trigram index for the admin's search of contact persons' names, on PostgreSQL only.

The members' list in the admin finds a member by its contact person's name as well as by its
own names (members.admin.MemberAdmin.get_search_results): `contact_name__icontains`, which
Django writes `UPPER("contact_name"::text) LIKE UPPER('%…%')`. This index is of that very
expression; without it each search read all the members four times over (count, dates, page),
about 300 ms at 100,000 members. SQLite keeps its scan.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

NAME = "member_contact_name_trgm"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {NAME} ON members_member "
            "USING gin ((UPPER(contact_name::text)) gin_trgm_ops)"
        )


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("members", "0009_public_profile_fields")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(add_index, remove_index, elidable=True),
    ]
