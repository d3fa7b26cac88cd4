from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Editors"
# Editors write, schedule and publish news and its tags. Deleting a published article would
# break its address: an editor moves it back to draft instead, and the secretariat deletes.
PERMISSIONS = [
    "add_article",
    "change_article",
    "view_article",
    "publish_article",
    "add_tag",
    "change_tag",
    "delete_tag",
    "view_tag",
]


def create_editors(apps, schema_editor):
    # On a fresh database the permissions are only made after all migrations: make them now.
    news = apps.get_app_config("news")
    news.models_module = True
    create_permissions(news, apps=apps, verbosity=0)
    news.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="news", codename__in=PERMISSIONS)
    )


def remove_editors(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("news", "0003_render_existing_bodies"),
    ]

    operations = [
        migrations.RunPython(create_editors, remove_editors),
    ]
