"""The summaries of a list of documents (core.rows says why in Python)."""

from collections import defaultdict

from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.links import slug_url
from core.rows import PageMemo, join, summary_card

from .languages import NATIVE_NAMES
from .models import Document, DocumentFile


def document_summaries(documents):
    """The <li> of each document: title, kind, reference, date, first words of its summary and
    a link to its file in each language."""
    memo = PageMemo()
    languages = _("Languages:")
    documents = list(documents)
    file_languages = languages_of_files([document.pk for document in documents])

    def card(document):
        meta = format_html(
            '{}{} · <time datetime="{}">{}</time>',
            capfirst(memo.label(Document.Kind, document.kind)),
            format_html(" · {}", document.reference) if document.reference else "",
            document.published_on.isoformat(),
            memo.date(document.published_on, "DATE_FORMAT"),
        )
        files = file_languages[document.pk]
        links = ""
        if files:
            links = format_html(
                '\n  <p class="small mb-0"><span class="visually-hidden">{} </span>{}</p>',
                languages,
                format_html_join(
                    " · ",
                    '<a href="{}" hreflang="{}" lang="{}">{}</a>',
                    (
                        (
                            slug_url("library:file", document.slug, language=language),
                            language,
                            language,
                            NATIVE_NAMES.get(language, language),
                        )
                        for language in files
                    ),
                ),
            )
        return summary_card(
            memo,
            document,
            "document",
            meta,
            text_field="summary",
            picture=False,
            text_class="mb-1",
            after=links,
        )

    return join(card(document) for document in documents)


def languages_of_files(ids):
    """{document id: [language of each of its files]} for the documents `ids`, in the order
    of the languages' codes (DocumentFile.Meta.ordering). One query of plain values: a
    prefetch built a model instance and a related manager for each file and document, 3 ms of
    the library's first page."""
    found = defaultdict(list)
    files = (
        DocumentFile.objects.filter(document_id__in=ids)
        .order_by("document_id", "language")
        .values_list("document_id", "language")
    )
    for document_id, language in files:
        found[document_id].append(language)
    return found
