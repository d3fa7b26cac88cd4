from django.db import migrations


def link_join_form(apps, schema_editor):
    from alliance.content import link_join_form

    link_join_form(apps.get_model("alliance", "Page"))


class Migration(migrations.Migration):
    dependencies = [("alliance", "0004_search_configurations")]

    operations = [migrations.RunPython(link_join_form, migrations.RunPython.noop)]
