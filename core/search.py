"""The site-wide search: each app registers what it lets visitors find; core imports no app.

An app declares its searchable models once, in its `AppConfig.ready()`, each in the same
shape:

    search.register("news", _("News"), lambda q: Article.objects.published().search(q),
                    snippet=lambda article: article.lead, position=20)

`search` receives the cleaned query and returns the public rows that match it, in the order
to show them: it starts from the model's "what is public" method, so nothing unpublished can
appear. A result shows the row's `str()`, its `snippet`, and links to `get_absolute_url()`. `matching()` below is the text filter those `search()` methods use.
"""

import functools
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii
from django.conf import settings
from django.db import connection
from django.db.models import Func, Q, TextField
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

from core.text import normalise

# A query longer than this is cut: nobody types more, and each word costs a condition.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 10
SNIPPET_LENGTH = 240
# Results are counted up to this many ("more than 1,000"), and browsed as far.
COUNT_LIMIT = 1000
# The overview, a few results of each kind, counts each kind up to this many ("20+"), from
# the one query that reads its first rows: no second query to count, for every kind, on every
# search; the pages of one kind count up to COUNT_LIMIT.
OVERVIEW_COUNT_LIMIT = 20


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    search: object
    snippet: object
    position: int


_kinds = {}


def register(key, label, search, *, snippet, position):
    """Let visitors find `search(query)`'s rows under `label`, each with `snippet(row)`; groups
    are shown by `position`: members 10, news 20, practices 30, events 40, documents 50,
    pages 90."""
    _kinds[key] = Kind(key, label, search, snippet, position)


def kinds():
    return sorted(_kinds.values(), key=lambda kind: kind.position)


def clean_query(text):
    """The query as searched: printable characters only, spaces collapsed, at most
    MAX_QUERY_LENGTH characters and MAX_WORDS words."""
    text = "".join(
        char if unicodedata.category(char)[0] not in "CZ" else " " for char in str(text or "")
    )
    return " ".join(text[:MAX_QUERY_LENGTH].split()[:MAX_WORDS])


def words(query):
    """The normalised words of a query: letters and digits only ("l'Ł-ódź!" → ["l", "lodz"])."""
    return re.findall(r"[a-z0-9]+", normalise(query))


# Text search configurations made by alliance's migration 0004: each language's stemming,
# with accents removed (unaccent); "" is for columns in no language (names).
TEXT_SEARCH_CONFIGS = {"en": "alliance_en", "fr": "alliance_fr", "": "alliance_simple"}


class Normalised(Func):
    """A column in the form of `core.text.normalise` (lower-case ASCII), on SQLite."""

    function = "alliance_normalise"
    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra):
        connection.ensure_connection()
        connection.connection.create_function(
            "alliance_normalise", 1, normalise, deterministic=True
        )
        return self.as_sql(compiler, connection, **extra)


def matching(queryset, query, fields, stored=None):
    """Rows of `queryset` matching every word of `query` in `fields`: {language: [fields]}
    ("" for columns in no particular language). `stored` names a column that holds
    `search_vector(fields)` on PostgreSQL, kept by the database (a large table's: see news's
    migration 0009), read instead of rebuilding the text of each row.

    PostgreSQL: full-text search, each language's columns with its own stemming and without
    accents, the query read as a visitor types it (websearch). Elsewhere: each normalised word
    must appear in one of the columns. Both ignore case and accents ("lodz" finds "Łódź").
    """
    if not words(query):
        return queryset.none()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery

        search = None
        for language in fields:
            config = TEXT_SEARCH_CONFIGS.get(language, "alliance_simple")
            # Made of [a-z0-9] words only, so what a visitor types is never read as operators;
            # each word may begin a longer one, as it may be part of one on SQLite.
            prefixes = " & ".join(f"{word}:*" for word in words(query))
            terms = SearchQuery(prefixes, config=config, search_type="raw")
            search = terms if search is None else search | terms
        if not stored:
            vector = search_vector(fields)
        else:
            from django.contrib.postgres.search import SearchVectorField
            from django.db.models.expressions import RawSQL

            # Not a model field: SQLite has no such column.
            table = connection.ops.quote_name(queryset.model._meta.db_table)
            column = f"{table}.{connection.ops.quote_name(stored)}"
            vector = RawSQL(column, (), output_field=SearchVectorField())
        return queryset.alias(search_vector=vector).filter(search_vector=search)
    columns = [column for group in fields.values() for column in group]
    aliases = {f"normalised_{column}": Normalised(column) for column in columns}
    queryset = queryset.alias(**aliases)
    for word in words(query):
        condition = Q()
        for alias in aliases:
            condition |= Q(**{f"{alias}__contains": word})
        queryset = queryset.filter(condition)
    return queryset


def search_vector(fields):
    """The text `matching()` searches on PostgreSQL: each language's columns with its own
    configuration. A model whose table is large indexes this very expression (a GIN index made
    with it in a migration, as news 0006 does), or each search reads every row."""
    from django.contrib.postgres.search import SearchVector

    vector = None
    for language, columns in fields.items():
        part = SearchVector(*columns, config=TEXT_SEARCH_CONFIGS.get(language, "alliance_simple"))
        vector = part if vector is None else vector + part
    return vector


def trigram_index(app_label, model_name, field, name):
    """A migration operation adding a pg_trgm GIN index on `field`, on PostgreSQL only, for
    the `LIKE '%word%'` filters no B-tree index answers (SQLite keeps its scan). Undone, it
    drops the index and leaves the extension, which other indexes use. The earlier trigram
    migrations (members, declarations, practices) spell the same steps out."""
    from django.contrib.postgres.indexes import GinIndex
    from django.db import migrations

    index = GinIndex(fields=[field], opclasses=["gin_trgm_ops"], name=name)

    def add_index(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
            schema_editor.add_index(apps.get_model(app_label, model_name), index)

    def remove_index(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(apps.get_model(app_label, model_name), index)

    return migrations.RunPython(add_index, remove_index, elidable=True)


def stored_search_document(app_label, model_name, fields, column, index):
    """A migration operation keeping `search_vector(fields)` of each row in a stored generated
    column with a GIN index, on PostgreSQL only (SQLite has no such column, and the model does
    not declare it): the search reads it (`matching(..., stored=column)`) instead of rebuilding
    the text of every row on every search, which costs about a millisecond per long row.
    `fields` are frozen in the migration that calls this.
    """
    from django.db import migrations
    from django.db.models.sql import Query

    def table_of(apps):
        return apps.get_model(app_label, model_name)._meta.db_table

    def add_column(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        model = apps.get_model(app_label, model_name)
        # The expression as the search builds it, with bare column names (alias_cols=False).
        query = Query(model, alias_cols=False)
        expression = search_vector(fields).resolve_expression(query)
        sql, params = expression.as_sql(query.get_compiler(connection=connection), connection)
        sql = sql % tuple(schema_editor.quote_value(param) for param in params)
        table = schema_editor.quote_name(table_of(apps))
        schema_editor.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} tsvector GENERATED ALWAYS AS ({sql}) STORED"
        )
        schema_editor.execute(f"CREATE INDEX {index} ON {table} USING gin ({column})")

    def remove_column(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            table = schema_editor.quote_name(table_of(apps))
            schema_editor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {column}")

    return migrations.RunPython(add_column, remove_column, elidable=True)


def capped_count(queryset, limit=None):
    """The number of rows, counting no further than `limit` (COUNT_LIMIT): a search that
    matches most of a large table costs the same at 1,000 rows as at 100,000. Returns
    (count, more): `more` when there are more than `limit`, then `count` is `limit`."""
    limit = limit or COUNT_LIMIT
    count = queryset.order_by()[: limit + 1].count()
    return min(count, limit), count > limit


def translated_fields(*names):
    """{"en": ["title_en", …], "fr": ["title_fr", …]} for modeltranslation's columns."""
    return {code: [f"{name}_{code}" for name in names] for code, _name in settings.LANGUAGES}


def _folded(text):
    """`text` folded as `normalise` does, with where each folded character came from."""
    if text.isascii():
        # Most text: each character folds to one, in its place.
        return text.lower(), range(len(text))
    pieces = [_fold(char) for char in text]
    origins = [position for position, piece in enumerate(pieces) for _char in piece]
    return "".join(pieces), origins


@functools.lru_cache(maxsize=4096)
def _fold(char):
    return anyascii(char).lower()


def _spans(text, query_words):
    """(start, end) of each word of `text` that holds one of the query's words, accent-blind:
    the whole word, so that a highlight never splits it ("Emilia-<mark>Romagna</mark>")."""
    folded, origins = _folded(text)
    spans = []
    for word in query_words:
        for found in re.finditer(re.escape(word), folded):
            start, end = origins[found.start()], origins[found.end() - 1] + 1
            while start > 0 and text[start - 1].isalnum():
                start -= 1
            while end < len(text) and text[end].isalnum():
                end += 1
            spans.append((start, end))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text, query):
    """`text` escaped, with the words of `query` in <mark>: "Łódź" for "lodz"."""
    text = str(text or "")
    out, last = [], 0
    for start, end in _spans(text, words(query)):
        out.append(escape(text[last:start]))
        out.append(f"<mark>{escape(text[start:end])}</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def snippet(text, query, length=SNIPPET_LENGTH):
    """A stretch of `text` (HTML tags removed) around its first match, highlighted."""
    text = str(text or "")
    # strip_tags parses HTML, slowly: most snippets (leads, summaries) are plain text.
    text = " ".join((strip_tags(text) if "<" in text else text).split())
    if len(text) > length:
        spans = _spans(text, words(query))
        start = max(0, spans[0][0] - length // 3) if spans else 0
        end = start + length
        text = ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")
    return highlight(text, query)


@dataclass
class Result:
    title: str
    snippet: str
    url: str


@dataclass
class Group:
    kind: Kind
    count: int
    results: list
    more: bool = False  # more than `count` (COUNT_LIMIT) rows match


def results(kind, rows, query):
    return [
        Result(
            title=highlight(str(row), query),
            snippet=snippet(kind.snippet(row), query),
            url=row.get_absolute_url(),
        )
        for row in rows
    ]
