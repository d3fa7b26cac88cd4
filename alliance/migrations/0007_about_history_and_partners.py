from django.db import migrations


def add_history_and_partners(apps, schema_editor):
    from alliance.content import add_history_and_partners

    add_history_and_partners(apps.get_model("alliance", "Page"))


class Migration(migrations.Migration):
    dependencies = [("alliance", "0006_page_search_document")]

    operations = [migrations.RunPython(add_history_and_partners, migrations.RunPython.noop)]
