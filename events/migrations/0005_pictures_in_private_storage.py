import core.images
from django.db import migrations


def move_pictures(apps, schema_editor):
    """The events' pictures leave MEDIA_ROOT for the private storage, under new names, with
    new renditions."""
    core.images.move_pictures(apps.get_model("events", "event"))


class Migration(migrations.Migration):

    dependencies = [
        ("events", "0004_picture_renditions"),
    ]

    operations = [
        migrations.RunPython(move_pictures, migrations.RunPython.noop),
    ]
