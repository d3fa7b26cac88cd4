"""More header lines of an outgoing e-mail (a digest's List-Unsubscribe)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("background", "0003_typographic_apostrophes")]

    operations = [
        migrations.AddField(
            model_name="outgoingemail",
            name="headers",
            field=models.JSONField(blank=True, default=dict, verbose_name="headers"),
        ),
    ]
