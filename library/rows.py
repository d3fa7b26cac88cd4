"""The summaries of a list of documents (core.rows says why in Python)."""

from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.rows import PageMemo, join, summary_card

from .models import Document


def document_summaries(documents):
    """The <li> of each document: title, kind, reference, date, first words of its summary and
    a link to its file in each language (prefetched)."""
    memo = PageMemo()
    languages = _("Languages:")

    def card(document):
        meta = format_html(
            '{}{} · <time datetime="{}">{}</time>',
            capfirst(memo.label(Document.Kind, document.kind)),
            format_html(" · {}", document.reference) if document.reference else "",
            document.published_on.isoformat(),
            memo.date(document.published_on, "DATE_FORMAT"),
        )
        files = document.files.all()
        links = ""
        if files:
            links = format_html(
                '\n  <p class="small mb-0"><span class="visually-hidden">{} </span>{}</p>',
                languages,
                format_html_join(
                    " · ",
                    '<a href="{}" hreflang="{}" lang="{}">{}</a>',
                    (
                        (file.get_absolute_url(), file.language, file.language, file.native_name)
                        for file in files
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
