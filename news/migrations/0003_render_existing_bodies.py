from django.conf import settings
from django.db import migrations

from core.markup import render_markdown


def render_bodies(apps, schema_editor):
    """Articles saved before `body_html` existed get their cleaned HTML now."""
    Article = apps.get_model("news", "Article")
    for article in Article.objects.all():
        for code, _name in settings.LANGUAGES:
            source = getattr(article, f"body_{code}") or ""
            setattr(article, f"body_html_{code}", render_markdown(source) if source.strip() else "")
        article.save(update_fields=[f"body_html_{code}" for code, _name in settings.LANGUAGES])


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_sanitised_body_publisher_and_publish_permission"),
    ]

    operations = [
        migrations.RunPython(render_bodies, migrations.RunPython.noop),
    ]
