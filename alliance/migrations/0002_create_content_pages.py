from django.db import migrations


def create_pages(apps, schema_editor):
    from alliance.content import ensure_pages

    ensure_pages(apps.get_model("alliance", "Page"))


class Migration(migrations.Migration):
    dependencies = [("alliance", "0001_initial")]

    operations = [migrations.RunPython(create_pages, migrations.RunPython.noop)]
