"""Public detail pages read once per data change."""

from django.utils import translation

from .cache import remember


class KeptDetailMixin:
    """For a public DetailView: the object, and what its page reads with it (`read_with()`,
    added to the context), are read once per data change, scheduled change and language
    (core.cache.remember) instead of on every request: an article, a practice or a member's
    page is read far more often than staff or members change it, and a change renews it at
    once (core.workflows). Per language: lists sort names as the language does.

    `reads_each_time()`: True where the page must read the database itself (a member of
    staff previewing a draft); nothing is kept then. An address with no public object is a
    404 and is never kept. The key is `kept_name`, the language and the slug.
    """

    kept_name = None

    def reads_each_time(self):
        return False

    def read_with(self, obj):
        """What the page shows beside the object: a dict for its context."""
        return {}

    def get_object(self, queryset=None):
        if self.reads_each_time():
            found = super().get_object(queryset)
            self.kept_context = self.read_with(found)
            return found
        slug = self.kwargs[self.slug_url_kwarg]
        key = f"{self.kept_name}:{translation.get_language()}:{slug}"
        found, self.kept_context = remember(key, self.read_kept)
        return found

    def read_kept(self):
        found = super().get_object()
        return found, self.read_with(found)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.kept_context, **kwargs)
