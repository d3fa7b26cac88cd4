"""The text of each content page for the site search, kept in a column, on PostgreSQL only
(core.search.stored_search_document, as news's articles): the about page and the privacy notice
are long, and their text cost about 2 ms to rebuild on every search. The columns are those of
`alliance.models.SEARCH_FIELDS`, frozen here."""

from django.db import migrations

from core.search import stored_search_document, translated_fields

FIELDS = translated_fields("title", "lead", "body")


class Migration(migrations.Migration):
    dependencies = [("alliance", "0005_link_join_form_on_about_page")]

    operations = [
        stored_search_document("alliance", "Page", FIELDS, "search_document", "alliance_page_search")
    ]
