"""Files staff and members upload (attachments, documents, images): checked by what they are.
Where they are kept and how they are sent, so that a browser never runs them: core/files.py.

The type is read from the file's first bytes with `filetype` (a small, pure-Python reader of
magic numbers), never from its name or the browser's claim: an executable renamed
"report.pdf" is refused. SVG is not accepted at all (it can carry script); office documents
are the Office Open XML and OpenDocument formats and the older binary ones.
"""

import mimetypes
from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# Kinds of file, each the extensions `filetype` may report for it and its content type.
PDF = {"pdf": "application/pdf"}
IMAGES = {
    "jpg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
    "gif": "image/gif",
}
OFFICE = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
    "doc": "application/msword",
    "xls": "application/vnd.ms-excel",
    "ppt": "application/vnd.ms-powerpoint",
    "rtf": "application/rtf",
}
DOCUMENTS = {**PDF, **OFFICE}
ATTACHMENTS = {**PDF, **IMAGES, **OFFICE}
# Shown in the browser rather than downloaded: they cannot run anything.
SHOWN_INLINE = {"application/pdf", *IMAGES.values()}


def detect(upload):
    """The extension `filetype` reads from the file's first bytes, or None."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(position)
    kind = filetype.guess(head)
    return kind.extension if kind else None


@deconstructible
class FileKindValidator:
    """Accepts a file whose content is one of `kinds` ({extension: content type}) and whose
    size is at most settings.MAX_UPLOAD_BYTES."""

    def __init__(self, kinds):
        self.kinds = dict(kinds)

    def __call__(self, upload):
        size = getattr(upload, "size", None)
        if size is not None and size > settings.MAX_UPLOAD_BYTES:
            raise ValidationError(
                _("This file is %(size)s; files may be %(limit)s at most."),
                code="file_too_large",
                params={
                    "size": filesizeformat(size),
                    "limit": filesizeformat(settings.MAX_UPLOAD_BYTES),
                },
            )
        extension = detect(upload)
        if extension not in self.kinds:
            raise ValidationError(
                _(
                    "This file is not one of the accepted kinds (%(kinds)s), whatever its name "
                    "says. Save it in one of them and upload it again."
                ),
                code="file_kind",
                params={"kinds": ", ".join(sorted({k.upper() for k in self.kinds}))},
            )

    def __eq__(self, other):
        return isinstance(other, FileKindValidator) and self.kinds == other.kinds


def content_type_of(name):
    """The content type to serve a stored file with, from the kinds accepted on upload."""
    extension = PurePath(name).suffix.lower().lstrip(".")
    extension = "jpg" if extension == "jpeg" else extension
    return ATTACHMENTS.get(extension) or mimetypes.guess_type(name)[0] or "application/octet-stream"
