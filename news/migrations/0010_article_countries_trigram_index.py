"""A trigram index on the countries an article concerns, on PostgreSQL only.

A country's page lists the latest articles about it (`ArticleQuerySet.about_country`). For a
country few articles concern, reading the articles by date until ten match read nearly all of
them: 4 ms at 5,000 articles, ten times that at 50,000. The codes are stored as "FR,GR"; each
one, bounded by the start, the end or a comma, is a word pg_trgm can look up. SQLite keeps
its scan.
"""

from django.db import migrations

from core.search import trigram_index


class Migration(migrations.Migration):
    dependencies = [("news", "0009_article_search_index")]

    operations = [trigram_index("news", "Article", "countries", "news_countries_trgm")]
