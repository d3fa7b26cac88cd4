"""Where uploaded files are kept, under what name, and who may fetch them.

Two storages (settings.STORAGES). "default" is MEDIA_ROOT, which the front web server serves
as it is: only what every visitor may see lies there (members' approved logos). "private" is
PRIVATE_MEDIA_ROOT, outside it: library documents, practices' files, the pictures of
articles, practices and events, the logos members propose. A private file is sent only by a
view that asked who may read its row (`access()`, with the model's own `published()`) and
then `serve_private()`, by the front server (X-Accel-Redirect) or by Django.

Every uploaded file is stored under a random name with the extension its content shows
(core.uploads.detect), never the name its uploader gave it: "report.html" that is a PDF is
stored as "….pdf", and no one can guess a file's address. Files are deleted with their row or
when replaced (django-cleanup; the pictures' renditions with them, core.images).
"""

import os
import secrets
from pathlib import PurePosixPath
from urllib.parse import quote

from django.conf import settings
from django.core import checks
from django.core.files.storage import FileSystemStorage, storages
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename
from django.views.static import serve

from .uploads import SHOWN_INLINE, content_type_of, detect

# Who a file may be sent to (`access()`): anyone (its row is public), or only the person asking.
PUBLIC = "public"
PRIVATE = "private"
# A file is never a page: nothing in it may run, even if a browser tried to render it.
FILE_POLICY = "default-src 'none'; sandbox"


class PrivateStorage(FileSystemStorage):
    """Files in PRIVATE_MEDIA_ROOT (read when used, so a test may move it): no address of
    their own, each is sent by the view of its kind."""

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError(f"{name} is private: it has no public address (core.files).")


def private_storage():
    """The private storage, for a field's `storage=` (a callable: migrations name it)."""
    return storages["private"]


def is_private(storage):
    return isinstance(storage, PrivateStorage)


def name_by_content(content):
    """A random name with the extension `content` shows ("x9Tq….pdf"), whatever it was called."""
    extension = detect(content)
    token = secrets.token_urlsafe(18)
    return f"{token}.{extension}" if extension else token


class NamedByContent:
    """A stored file named by `name_by_content()`, whatever the uploader called it. A private
    one's address is its row's file view (`private_url()`)."""

    def save(self, name, content, save=True):
        super().save(name_by_content(content), content, save)

    @property
    def url(self):
        if self and is_private(self.storage):
            return self.private_url()
        return super().url

    def private_url(self):
        return self.instance.get_absolute_url()


class NamedFieldFile(NamedByContent, FieldFile):
    pass


class UploadedFileField(models.FileField):
    """A file field whose files are named by their content. With `storage=private_storage`,
    the model's `get_absolute_url()` is the view that sends the file."""

    attr_class = NamedFieldFile


def access(request, row, public, *, participants=None, participant=False):
    """Who `row`'s files may be sent to: PUBLIC when `row` is in `public` (its model's
    `published()`, the rule its pages use); PRIVATE when the person asking may read it
    otherwise (a signed-in `participant` and `row` in `participants`, or staff who may view
    the model); None for anyone else (404)."""
    if public.filter(pk=row.pk).exists():
        return PUBLIC
    if participant and participants is not None and participants.filter(pk=row.pk).exists():
        return PRIVATE
    user = request.user
    opts = row._meta
    if (
        user.is_active
        and user.is_staff
        and user.has_perm(f"{opts.app_label}.view_{opts.model_name}")
    ):
        return PRIVATE
    return None


def serve_private(request, field_file, download_name, *, allowed):
    """A private file as a response: 404 unless `allowed` (what `access()` said); from the
    front server when PRIVATE_MEDIA_ACCEL_PREFIX is set (X-Accel-Redirect), else by Django.

    Never run or sniffed by a browser (its type from its stored extension, nosniff, a
    sandbox); downloaded unless an image or PDF; kept by shared caches only when public."""
    if allowed not in (PUBLIC, PRIVATE) or not field_file:
        raise Http404
    name = field_file.name
    storage = field_file.storage
    content_type = content_type_of(name)
    extension = PurePosixPath(name).suffix.lower()
    filename = get_valid_filename(f"{download_name}{extension}") or f"file{extension}"
    as_attachment = content_type not in SHOWN_INLINE
    prefix = settings.PRIVATE_MEDIA_ACCEL_PREFIX
    if prefix:
        if not storage.exists(name):
            raise Http404
        response = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(name)
        response["Content-Disposition"] = content_disposition_header(as_attachment, filename)
    else:
        try:
            handle = storage.open(name, "rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        response = FileResponse(
            handle, content_type=content_type, as_attachment=as_attachment, filename=filename
        )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    if allowed == PUBLIC:
        # The front server answers the conditional requests of a file it sends: the page
        # cache would keep the empty answer with one tag for every file (no-cache keeps it out).
        patch_cache_control(
            response, public=True, max_age=settings.PAGE_MAX_AGE, no_cache=bool(prefix)
        )
    else:
        add_never_cache_headers(response)
        patch_cache_control(response, private=True)
        response["X-Robots-Tag"] = "noindex"
    return response


def public_media(request, path, document_root=None, show_indexes=False):
    """MEDIA_ROOT served by Django in development (DEBUG), with the headers the front server
    gives these files in production (docs/deployment.md)."""
    response = serve(request, path, document_root=document_root, show_indexes=False)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = FILE_POLICY
    return response


def move_to_private(model, field, *, after=None):
    """For the migrations: each file of `model.field` stored in MEDIA_ROOT moves to the private
    storage under a name by its content; `after(public, private, old, new)` then does the
    rest (the renditions). A row whose file is missing from the disk is left as it is."""
    public, private = storages["default"], storages["private"]
    rows = model._default_manager.exclude(**{field: ""}).values_list("pk", field)
    for pk, old in rows.iterator():
        if not old or not public.exists(old) or private.exists(old):
            continue
        with public.open(old, "rb") as content:
            folder = PurePosixPath(old).parent
            new = private.save(str(folder / name_by_content(content)), content)
        model._default_manager.filter(pk=pk).update(**{field: new})
        if after is not None:
            after(public, private, old, new)
        public.delete(old)


@checks.register(checks.Tags.security)
def check_private_media_root(app_configs=None, **kwargs):
    """PRIVATE_MEDIA_ROOT must not lie under MEDIA_ROOT, which the front server publishes."""
    private = os.path.abspath(settings.PRIVATE_MEDIA_ROOT)
    public = os.path.abspath(settings.MEDIA_ROOT)
    if private == public or private.startswith(public.rstrip(os.sep) + os.sep):
        return [
            checks.Error(
                "PRIVATE_MEDIA_ROOT lies inside MEDIA_ROOT: private files would be public.",
                hint="Choose a folder outside MEDIA_ROOT.",
                id="core.E001",
            )
        ]
    return []
