from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from core import search

        from .models import Document

        search.register(
            "documents",
            _("Documents"),
            lambda query: (
                Document.objects.published()
                .search(query)
                .order_by("-published_on", "pk")
                .only("title", "reference", "slug", "summary")  # what a result shows
            ),
            snippet=lambda document: document.summary,
            position=50,
        )
