import core.images
from django.db import migrations


def move_pictures(apps, schema_editor):
    """The articles' pictures leave MEDIA_ROOT for the private storage, under new names, with
    new renditions."""
    core.images.move_pictures(apps.get_model("news", "article"))


class Migration(migrations.Migration):

    dependencies = [
        ("news", "0010_article_countries_trigram_index"),
    ]

    operations = [
        migrations.RunPython(move_pictures, migrations.RunPython.noop),
    ]
