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

from core.search import stored_search_document, translated_fields

FIELDS = {
    **translated_fields("title", "lead", "body", "quote", "speaker_role", "event", "place"),
    "": ["speaker_name", "quote_speaker"],
}


class Migration(migrations.Migration):
    dependencies = [("news", "0008_article_participants_only")]

    operations = [
        stored_search_document("news", "Article", FIELDS, "search_document", "news_article_search")
    ]
