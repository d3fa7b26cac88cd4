from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "library"
    verbose_name = _("Library")

    def ready(self):
        from core import search, workflows

        from .models import Document, DocumentFile

        # Published documents not kept for the participants are public; their files and links
        # too.
        workflows.watch(Document, public=Document.objects.published)
        workflows.watch(DocumentFile)
        for relation in ("themes", "events", "members", "articles"):
            workflows.watch_relation(getattr(Document, relation).through)

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
