import datetime
import itertools

from django.core.files.base import ContentFile

from library.demo import minimal_pdf
from library.models import Document, DocumentFile

_numbers = itertools.count(1)


def make_document(languages=("en",), **fields):
    n = next(_numbers)
    values = {
        "title": f"Document {n}",
        "summary": f"Summary of document {n}.",
        "kind": Document.Kind.RESOLUTION,
        "status": Document.Status.PUBLISHED,
        "published_on": datetime.date(2014, 1, 1) + datetime.timedelta(days=n),
        **fields,
    }
    document = Document.objects.create(**values)
    for language in languages:
        add_file(document, language)
    return document


def add_file(document, language, content=None):
    item = DocumentFile(document=document, language=language)
    item.file.save(f"{language}.pdf", ContentFile(content or minimal_pdf(language)), save=False)
    item.save()
    return item
