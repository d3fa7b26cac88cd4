"""The text of each article for the site search, kept in a column, on PostgreSQL only.

The search (core.search.matching) compares each article's text, read with each language's
stemming, with the query. Rebuilt from every row on every search, that text cost about a
second at 5,000 articles; an index of the expression alone was not enough, since the planner
still reads rows one by one (and rebuilds their text) when a word is in most of them. So the
text is a stored generated column, `search_document`, which PostgreSQL keeps up to date on
every write, with a GIN index. The model does not declare it (SQLite has no such column):
`ArticleQuerySet.search` names it to `matching`. The columns read are those of
`news.models.SEARCH_FIELDS`, frozen here.
"""

from django.db import migrations
from django.db.models.sql import Query

from core.search import search_vector, translated_fields

FIELDS = {
    **translated_fields("title", "lead", "body", "quote", "speaker_role", "event", "place"),
    "": ["speaker_name", "quote_speaker"],
}
COLUMN = "search_document"
INDEX = "news_article_search"


def add_column(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    model = apps.get_model("news", "Article")
    # The expression as the search builds it, with bare column names (alias_cols=False).
    query = Query(model, alias_cols=False)
    expression = search_vector(FIELDS).resolve_expression(query)
    sql, params = expression.as_sql(query.get_compiler(connection=connection), connection)
    sql = sql % tuple(schema_editor.quote_value(param) for param in params)
    table = schema_editor.quote_name(model._meta.db_table)
    schema_editor.execute(
        f"ALTER TABLE {table} ADD COLUMN {COLUMN} tsvector GENERATED ALWAYS AS ({sql}) STORED"
    )
    schema_editor.execute(f"CREATE INDEX {INDEX} ON {table} USING gin ({COLUMN})")


def remove_column(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        table = schema_editor.quote_name(apps.get_model("news", "Article")._meta.db_table)
        schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [("news", "0008_article_participants_only")]

    operations = [migrations.RunPython(add_column, remove_column, elidable=True)]
