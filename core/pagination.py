"""Pagination that counts the rows once, or not at all when the page already knows the number."""

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """A paginator given its number of rows (from totals the page shows anyway): no COUNT."""

    def __init__(self, object_list, per_page, *, count, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        # Paginator.count is a cached_property: setting it here spares its query.
        self.count = count
