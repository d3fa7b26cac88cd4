"""Pagination that counts the rows once, or not at all when the page already knows the number."""

import hashlib

from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property

from core.cache import remember
from core.search import capped_count


class CountedPaginator(Paginator):
    """A paginator given its number of rows (from totals the page shows anyway): no COUNT."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        # Paginator.count is a cached_property: setting it here spares its query.
        self.count = count


class CappedPaginator(Paginator):
    """Pages through at most `limit` rows, counted no further (core.search.capped_count):
    the cost of a page does not grow with the table. `more` tells that rows were left out."""

    def __init__(self, object_list, per_page, *, limit, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.limit = limit
        self.more = False

    @cached_property
    def count(self):
        count, self.more = capped_count(self.object_list, self.limit)
        return count


# Below this many rows, a table is counted: the count is cheap and exact.
ESTIMATE_FROM = 10_000
# A filtered or searched list of the admin is counted as far as this many rows ("10000+").
FILTERED_COUNT_LIMIT = 10_000


class AtLeast(int):
    """A count that stopped at its limit: a number to the paginator and the admin's logic,
    "10000+" wherever a template prints it (the admin's pagination and search bar, whose
    templates print the count as it is: no template is copied to say "more than")."""

    def __str__(self):
        return f"{int(self)}+"


class EstimatedCountPaginator(Paginator):
    """For the admin's lists of large tables: on PostgreSQL, the planner's estimate of a whole
    table's rows (pg_class.reltuples, kept by ANALYZE and autovacuum) stands in for a full
    COUNT(*), which reads every row of the table on every page view. Any smaller table is
    counted exactly, and a filtered or searched list as far as FILTERED_COUNT_LIMIT rows: a
    word found in most of 200,000 practices costs no more than one found in 10,000 (the pages
    go as far, then the list is to be narrowed). Django's admin has no such option; pair it
    with `show_full_result_count = False` (core.admin.LargeTableMixin).
    """

    @cached_property
    def count(self):
        rows = self.object_list
        if isinstance(rows, QuerySet) and not rows.query.has_filters():
            connection = connections[rows.db]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                        [connection.ops.quote_name(rows.model._meta.db_table)],
                    )
                    found = cursor.fetchone()
                if found and found[0] >= ESTIMATE_FROM:
                    return found[0]
        if isinstance(rows, QuerySet) and rows.query.has_filters():
            count, more = capped_count(rows, FILTERED_COUNT_LIMIT)
            return AtLeast(count) if more else count
        return super().count


class RememberedCountPaginator(Paginator):
    """Counts its rows once until the public data change (core.cache.remember, under `key`):
    a list of tens of thousands of articles or documents is not counted on every view."""

    def __init__(self, object_list, per_page, *, key, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.key = key

    @cached_property
    def count(self):
        return remember(self.key, lambda: Paginator.count.func(self))


class FilteredListMixin:
    """For a public ListView whose filter form (`self.filters`, with `active`: the valid
    filters in use) narrows a list of public rows. A page number that is not a number, or is
    past the end, shows the nearest real page; the number of rows of each filtering is kept
    until the data change."""

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        filters = sorted(
            (name, getattr(value, "pk", value)) for name, value in self.filters.active.items()
        )
        # Hashed: the filters hold what visitors typed (spaces, any character), which a
        # cache key must not.
        digest = hashlib.sha256(repr(filters).encode()).hexdigest()
        key = f"list-count:{type(self).__module__}.{type(self).__qualname__}:{digest}"
        return RememberedCountPaginator(
            queryset,
            per_page,
            key=key,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            **kwargs,
        )

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()
