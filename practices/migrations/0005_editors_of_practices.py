"""The "Editors of practices" group, and the practices' rights for the news "Editors" too.

They write, submit, publish, return and archive practices and edit the themes. Deleting a
published practice would break its address: they archive it, and the secretariat deletes.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors of practices"
EDITORS = "Editors"
PERMISSIONS = [
    "add_practice",
    "change_practice",
    "view_practice",
    "publish_practice",
    "add_theme",
    "change_theme",
    "view_theme",
    "add_practicelink",
    "change_practicelink",
    "delete_practicelink",
    "view_practicelink",
    "add_attachment",
    "change_attachment",
    "delete_attachment",
    "view_attachment",
]


def create_groups(apps, schema_editor):
    # On a fresh database the permissions are only made after all migrations: make them now.
    practices = apps.get_app_config("practices")
    practices.models_module = True
    create_permissions(practices, apps=apps, verbosity=0)
    practices.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="practices", codename__in=PERMISSIONS
    )
    for name in (GROUP, EDITORS):
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()
    editors = apps.get_model("auth", "Group").objects.filter(name=EDITORS).first()
    if editors is not None:
        editors.permissions.remove(
            *apps.get_model("auth", "Permission").objects.filter(
                content_type__app_label="practices"
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0004_create_editors_group"),
        ("practices", "0004_search_trigram_index"),
    ]

    operations = [
        migrations.RunPython(create_groups, remove_groups),
    ]
