from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from core import files
from core.pagination import FilteredListMixin
from events.models import Event
from members.models import Member
from news.models import Article

from .forms import DocumentFilterForm
from .models import Document, DocumentFile


class DocumentListView(FilteredListMixin, ListView):
    template_name = "library/document_list.html"
    paginate_by = 20
    filter_form = DocumentFilterForm

    def get_queryset(self):
        documents = self.filtered(Document.objects.published().summaries())
        # Each card links to the document's file in each language.
        return documents.prefetch_related(
            Prefetch(
                "files",
                queryset=DocumentFile.objects.only("document", "language").order_by("language"),
            )
        )


class DocumentDetailView(DetailView):
    template_name = "library/document_detail.html"
    context_object_name = "document"

    def get_queryset(self):
        return Document.objects.published().prefetch_related(
            "themes",
            "files",
            Prefetch("members", queryset=Member.objects.named().by_public_name()),
            Prefetch("events", queryset=Event.objects.published().summaries()),
            Prefetch("articles", queryset=Article.objects.published().summaries()),
        )

    def get_context_data(self, **kwargs):
        files = sorted(self.object.files.all(), key=lambda item: item.position)
        return super().get_context_data(files=files, **kwargs)


@require_safe
def document_file(request, slug, language):
    """One language's file of a document, to anyone once the document is public (and to staff
    who may view documents before), served so that nothing in it runs."""
    item = get_object_or_404(
        DocumentFile.objects.select_related("document"), document__slug=slug, language=language
    )
    allowed = files.access(request, item.document, Document.objects.published())
    return files.serve_private(request, item.file, f"{slug}-{language}", allowed=allowed)
