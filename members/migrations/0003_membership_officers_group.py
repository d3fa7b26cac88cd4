"""The "Membership officers" group: staff who review join requests and keep the members list."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Membership officers"

# Review, edit, add (by hand or by import) and export members; see who signed the Declaration.
# Deleting members is not part of the work: a request is rejected, a member leaves.
PERMISSIONS = [
    ("members", "view_member"),
    ("members", "add_member"),
    ("members", "change_member"),
    ("declarations", "view_signature"),
    ("declarations", "view_declaration"),
]


def create_group(apps, schema_editor):
    # On a new database the permissions are only created after all migrations: make them now.
    for app_label in {app_label for app_label, _codename in PERMISSIONS}:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.set(
        [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in PERMISSIONS
        ]
    )


def delete_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("declarations", "0001_initial"),
        ("members", "0002_join_request_language_and_duplicates"),
    ]

    operations = [migrations.RunPython(create_group, delete_group)]
