"""An index for the site search of articles, on PostgreSQL only.

The search (core.search.matching) compares each article's text, read with each language's
stemming, with the query; without an index that text is rebuilt from every row on every search
(about a second at 5,000 articles). A GIN index of the very same expression answers it. The
columns are those of `ArticleQuerySet.search`, frozen here; tests/news/test_search_index.py
checks that the search still uses the index. SQLite keeps its scan.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations

from core.search import search_vector, translated_fields

FIELDS = {
    **translated_fields("title", "lead", "body", "quote", "speaker_role", "event", "place"),
    "": ["speaker_name", "quote_speaker"],
}
NAME = "news_article_search"


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        index = GinIndex(search_vector(FIELDS), name=NAME)
        schema_editor.add_index(apps.get_model("news", "Article"), index)


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("news", "0008_article_participants_only")]

    operations = [migrations.RunPython(add_index, remove_index, elidable=True)]
