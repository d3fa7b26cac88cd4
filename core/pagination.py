"""Pagination of the public lists: Django's Paginator, told its number of rows when the page
knows it already or keeps it until the public data change, and each page's rows read once per
data change."""

import hashlib
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.functional import cached_property
from django.utils.translation import get_language

from core.cache import remember


class CountedPaginator(Paginator):
    """A Paginator given its number of rows, or a function giving it, instead of counting
    them on each view: the totals a page shows anyway, a count kept until the data change, a
    search's count capped at core.search.COUNT_LIMIT. Django's Paginator has no such
    argument, and a count of a large list is the most expensive query of its page."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = count

    @cached_property
    def count(self):
        return self.counted() if callable(self.counted) else self.counted


def filters_digest(active):
    """A cache key's part for a list's active filters ({"kind": "speech", "q": "…"}): hashed,
    as they hold what visitors typed (spaces, any character), which a cache key must not."""
    filters = sorted((name, getattr(value, "pk", value)) for name, value in active.items())
    return hashlib.sha256(repr(filters).encode()).hexdigest()


def keep_rows(page, name):
    """`page`'s rows (with what their queryset prefetches) read once per data change,
    scheduled change and language (core.cache.remember) under `name`, which names the list
    and its filters, and the page's number: a public list is read far more often than its
    rows change, and reading and building a page of rows is most of its cost. Per language:
    lists sort names as the language does."""
    key = f"list-page:{name}:{get_language()}:{page.paginator.per_page}:{page.number}"
    page.object_list = remember(key, lambda: list(page.object_list))
    return page


class FilteredListMixin:
    """For a public ListView narrowed by its filter form (`filter_form`, a
    core.filters.FilterForm): its `get_queryset()` returns `self.filtered(public rows)`; the
    context has `filters`, `filtered` and `query_string` (the filters, kept by the
    pagination links). A page number that is not a number, or is past
    the end, shows the nearest real page; the number of rows of each filtering, and the rows
    of each of its pages, are kept until the data change (`keep_rows`)."""

    filter_form = None

    def filtered(self, queryset):
        self.filters = self.filter_form(self.request.GET)
        return self.filters.filter(queryset)

    @cached_property
    def list_name(self):
        """The list and its filters, as cache keys name them."""
        view = f"{type(self).__module__}.{type(self).__qualname__}"
        return f"{view}:{filters_digest(self.filters.active)}"

    def get_count(self, queryset):
        """The number of rows of the filtered list."""
        return remember(f"list-count:{self.list_name}", queryset.count)

    def paginate_queryset(self, queryset, page_size):
        paginator = CountedPaginator(queryset, page_size, count=lambda: self.get_count(queryset))
        page = keep_rows(paginator.get_page(self.request.GET.get(self.page_kwarg)), self.list_name)
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        active = self.filters.active
        return super().get_context_data(
            filters=self.filters, filtered=bool(active), query_string=urlencode(active), **kwargs
        )
