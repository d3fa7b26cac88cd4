"""Pagination of the public lists: Django's Paginator, told its number of rows when the page
knows it already or keeps it until the public data change."""

import hashlib
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.utils.functional import cached_property

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


class FilteredListMixin:
    """For a public ListView narrowed by its filter form (`filter_form`, a
    core.filters.FilterForm): its `get_queryset()` returns `self.filtered(public rows)`; the
    context has `filters`, `filtered` and `query_string` (the filters, kept by the
    pagination links). A page number that is not a number, or is past
    the end, shows the nearest real page; the number of rows of each filtering is kept until
    the data change."""

    filter_form = None

    def filtered(self, queryset):
        self.filters = self.filter_form(self.request.GET)
        return self.filters.filter(queryset)

    def get_count(self, queryset):
        """The number of rows of the filtered list."""
        filters = sorted(
            (name, getattr(value, "pk", value)) for name, value in self.filters.active.items()
        )
        # Hashed: the filters hold what visitors typed (spaces, any character), which a
        # cache key must not.
        digest = hashlib.sha256(repr(filters).encode()).hexdigest()
        key = f"list-count:{type(self).__module__}.{type(self).__qualname__}:{digest}"
        return remember(key, queryset.count)

    def paginate_queryset(self, queryset, page_size):
        paginator = CountedPaginator(queryset, page_size, count=lambda: self.get_count(queryset))
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        active = self.filters.active
        return super().get_context_data(
            filters=self.filters, filtered=bool(active), query_string=urlencode(active), **kwargs
        )
