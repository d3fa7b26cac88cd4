"""The library's documents where lower apps' pages show them (the Declaration's page, an event's
page): those apps cannot import the library, their templates load these tags."""

from django import template

from core.cache import remember

from ..models import Document, DocumentFile

register = template.Library()


@register.simple_tag
def declaration_copies(declaration):
    """The files of the library's public copies of `declaration`, one per language; read
    once per data change, as the Declaration's page is among the most read."""
    if declaration is None:
        return []

    def copies():
        files = (
            DocumentFile.objects.filter(
                document__in=Document.objects.published().filter(declaration=declaration)
            )
            .select_related("document")
            .only("language", "file", "size", "document__slug")
        )
        by_language = {}
        for item in sorted(files, key=lambda item: (item.position, item.pk)):
            by_language.setdefault(item.language, item)
        return list(by_language.values())

    return remember(f"declaration-copies:{declaration.pk}", copies)


@register.simple_tag
def event_documents(event):
    """The public documents related to an event."""
    return list(Document.objects.published().filter(events=event).summaries())
