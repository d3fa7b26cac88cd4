"""What every open data file answers with, whichever app makes it, and its copy built ahead.

A data file (`/data/members.csv`…) is a view decorated with `data_file`; its columns are
declared once, as `Column`s that both its writer and the page /data/ read. Rendering one
costs a read of every public row (megabytes, up to seconds), so the task worker builds each
file ahead, once the data change, into DATA_FILES_ROOT, with a gzipped copy beside it;
requests are then answered from those files with `ETag`, `Content-Length` and the compressed
copy when the client accepts it. A file is served only while it was built at the current data version
(`core.cache.data_version`, which time alone never moves on: no file depends on the clock):
after a change, until the worker has rebuilt it (DATA_FILES_DELAY seconds later),
or before the first build, the view renders it as before.

Built once for all servers: DATA_FILES_ROOT is shared storage (like MEDIA_ROOT), a build is
queued at most once per DATA_FILES_DELAY whichever server saw the change, and one build runs
at a time (a lock in the shared cache).
"""

import csv
import datetime
import functools
import gzip
import hashlib
import io
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import DisallowedHost
from django.http import FileResponse, HttpResponseNotModified, JsonResponse, StreamingHttpResponse
from django.tasks import default_task_backend, task
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags
from django.utils.text import format_lazy
from django.views.decorators.http import require_safe

from . import cache as public_pages
from .spreadsheet import safe_cell

logger = logging.getLogger(__name__)

QUEUED_KEY = "data-files:queued"
BUILDING_KEY = "data-files:building"
# The headers of the rendered file that its built copy keeps.
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Access-Control-Allow-Origin", "Link")
# Manifests written in an earlier form are not served (their headers may lack some).
MANIFEST_FORMAT = 3
# Those a "not modified" answer repeats.
NOT_MODIFIED_HEADERS = ("Access-Control-Allow-Origin", "Link")


def data_file(view):
    """An open data file: GET, or HEAD for its headers alone; readable from any origin; its
    licence named in a `Link: <…>; rel="license"` header (DATA_LICENSE_URL). Its copy built
    ahead, when current, is served before the view (`serve_built`, by
    core.cache.ServeAheadMiddleware)."""

    def render(request, *args, **kwargs):
        return open_data_headers(view(request, *args, **kwargs))

    return built_ahead(render, view)


def built_ahead(render, view=None):
    """A view whose whole response is built ahead after each change, like the data files: for
    a large file at a fixed address that changes only with the data, never with the clock
    (the iCalendar feed). GET or HEAD; under a language prefix it is built in each language."""
    # Named after the view it renders, if any (data_file); never wrapping itself.
    wrapped = require_safe(functools.wraps(view)(render) if view else render)
    wrapped.builds_ahead = render
    return wrapped


@dataclass(frozen=True)
class Column:
    """A column of a data file (a key of its JSON rows) and what it holds, in words a reader
    of /data/ understands (translatable)."""

    name: str
    description: str


def in_each_language(name, description):
    """The columns of a translated field, one per language (title_en, title_fr…), each
    described as `description` followed by its language."""
    return [
        Column(f"{name}_{code}", format_lazy("{} ({})", description, language))
        for code, language in settings.LANGUAGES
    ]


def column_names(columns):
    """The header of a file whose columns are `columns`."""
    return [column.name for column in columns]


# Rows of a CSV file written at a time: a chunk a row costs more than the row itself.
CSV_CHUNK_ROWS = 500


class _Buffer(io.StringIO):
    def take(self):
        text = self.getvalue()
        self.seek(0)
        self.truncate()
        return text


def file_response(rows, columns, filename, key=None):
    """An open data file of `rows` (dicts by column name, read as they come): CSV when
    `filename` ends with ".csv", a header line of `columns` then a line per row, each cell
    made safe for spreadsheets, sent as it is written; else JSON, {"count": N, key: [rows]}
    with the columns' keys only."""
    names = column_names(columns)
    if not filename.endswith(".csv"):
        listed = [{name: row[name] for name in names} for row in rows]
        return JsonResponse(
            {"count": len(listed), key: listed}, json_dumps_params={"ensure_ascii": False}
        )
    buffer = _Buffer()
    writer = csv.writer(buffer)

    def lines():
        writer.writerow(names)
        for number, row in enumerate(rows, start=1):
            writer.writerow([safe_cell("" if row[name] is None else row[name]) for name in names])
            if number % CSV_CHUNK_ROWS == 0:
                yield buffer.take()
        yield buffer.take()

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def open_data_headers(response):
    response["Access-Control-Allow-Origin"] = "*"
    response["Link"] = f'<{settings.DATA_LICENSE_URL}>; rel="license"'
    return response


# Building ---------------------------------------------------------------------------------


def data_file_paths():
    """{path: view} of every file built ahead that the site's URLs name (plain routes, no
    parameters), in each language for those under a language prefix."""
    found = {}

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if getattr(pattern, "pattern", None) is not None and not getattr(
                    pattern.pattern, "converters", None
                ):
                    walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                view = getattr(pattern.callback, "builds_ahead", None)
                if view is not None:
                    found["/" + prefix + str(pattern.pattern)] = view

    # A language prefix (i18n_patterns) reads as the active language's.
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            walk(get_resolver().url_patterns, "")
    return found


@functools.cache
def _built_paths():
    return frozenset(data_file_paths())


def _root():
    return Path(settings.DATA_FILES_ROOT)


def _manifest_path(path):
    return _root() / (path.lstrip("/") + ".json")


def _write_atomically(target, data):
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, delete=False) as temporary:
        temporary.write(data)
    os.replace(temporary.name, target)


def _body(response):
    if response.streaming:
        # Read to its end (its cursor released), not closed: close() would announce the end
        # of a request and close the database connection under the next file's build.
        return b"".join(response.streaming_content)
    return response.content


def build_data_files():
    """Render every data file into DATA_FILES_ROOT at the current data version.

    Each file is written under a name holding its digest, then its manifest (what requests
    read first) is replaced: a reader sees the old file or the new one, whole. Returns the
    number of files built, or None when another process is building them.
    """
    if not cache.add(BUILDING_KEY, 1, timeout=settings.DATA_FILES_BUILD_TIMEOUT):
        return None
    try:
        # Changes from now on queue another build.
        cache.delete(QUEUED_KEY)
        # A scheduled change coming due (an article going live) changes pages, never the data
        # version, nor a file built ahead, which must not depend on the clock.
        version = public_pages.data_version()
        site = urlsplit(settings.SITE_URL)
        factory = RequestFactory()
        built = 0
        for path, view in data_file_paths().items():
            request = factory.get(
                path,
                headers={"host": site.netloc or "localhost"},
                secure=site.scheme == "https",
            )
            try:
                with translation.override(public_pages.language_of(path) or None):
                    response = view(request)
            except DisallowedHost:
                logger.error("SITE_URL's host is not in ALLOWED_HOSTS: %s not built", path)
                continue
            if response.status_code != 200:
                continue
            body = _body(response)
            digest = hashlib.md5(body, usedforsecurity=False).hexdigest()
            name = f"{path.rsplit('/', 1)[-1]}.{digest}"
            folder = _manifest_path(path).parent
            # mtime=0: the same content always gives the same bytes (and the same ETag).
            compressed = gzip.compress(body, compresslevel=9, mtime=0)
            if not (folder / name).exists():
                _write_atomically(folder / name, body)
                _write_atomically(folder / (name + ".gz"), compressed)
            manifest = {
                "format": MANIFEST_FORMAT,
                "version": version,
                "file": name,
                "etag": digest,
                "size": len(body),
                "gzip_size": len(compressed),
                "headers": {
                    header: response[header] for header in KEPT_HEADERS if header in response
                },
                "built": timezone.now().isoformat(),
            }
            previous = _read_manifest(path)
            _write_atomically(_manifest_path(path), json.dumps(manifest).encode())
            if previous and previous["file"] != name:
                # A reader that has just opened it keeps reading it (POSIX).
                for old in (previous["file"], previous["file"] + ".gz"):
                    (folder / old).unlink(missing_ok=True)
            built += 1
        return built
    finally:
        cache.delete(BUILDING_KEY)


@task
def build_data_files_task():
    built = build_data_files()
    if built is None:
        # Another build is running, from data read before this change: build again after it.
        queue_build(force=True)
        return "another build was running: queued again"
    return f"{built} data file(s) built"


def queue_build(force=False):
    """Queue one build DATA_FILES_DELAY seconds from now, unless one is queued already."""
    delay = settings.DATA_FILES_DELAY
    if not force and not cache.add(QUEUED_KEY, 1, timeout=max(delay * 10, 60)):
        return
    try:
        if delay and default_task_backend.supports_defer:
            run_after = timezone.now() + datetime.timedelta(seconds=delay)
            build_data_files_task.using(run_after=run_after).enqueue()
        else:
            build_data_files_task.enqueue()
    except Exception:
        # The next change queues it again; until then the files are rendered per request.
        cache.delete(QUEUED_KEY)
        logger.exception("Could not queue the build of the data files")


def _queue_after_change():
    # After each committed change; queue_build() queues one build for many changes.
    if settings.DATA_FILES_ROOT:
        queue_build()


# Serving ----------------------------------------------------------------------------------


def _read_manifest(path):
    try:
        return json.loads(_manifest_path(path).read_bytes())
    except (OSError, ValueError):
        return None


def built_copy(path, compressed=True):
    """The file holding the built copy of the file at `path` (gzipped, or not), or None."""
    manifest = _read_manifest(path)
    if manifest is None:
        return None
    return _manifest_path(path).parent / (manifest["file"] + (".gz" if compressed else ""))


# The manifests as last read, by file: one built at the current data version is read from
# disk once per process, not at each request. A build for a newer version writes a newer
# manifest, which the version's mismatch sends this process to read.
_manifests = {}


def _current_manifest(path, version):
    """The manifest of the file at `path` built at data version `version`, or None."""
    where = _manifest_path(path)
    manifest = _manifests.get(where)
    if manifest is None or manifest.get("version") != version:
        manifest = _read_manifest(path)
        if manifest is None or manifest.get("format") != MANIFEST_FORMAT:
            _manifests.pop(where, None)
            return None
        _manifests[where] = manifest
    return manifest if manifest["version"] == version else None


def serve_built(request):
    """The built copy of this file, if it was built at the current data version."""
    if not settings.DATA_FILES_ROOT or request.path not in _built_paths():
        return None
    version = public_pages.data_version()
    manifest = _current_manifest(request.path, version)
    if manifest is None:
        return None
    compressed = public_pages.accepts_gzip(request)
    etag = '"{}{}"'.format(manifest["etag"], "-gz" if compressed else "")
    if etag in parse_etags(request.META.get("HTTP_IF_NONE_MATCH", "")):
        response = HttpResponseNotModified()
        for header in NOT_MODIFIED_HEADERS:
            if header in manifest["headers"]:
                response[header] = manifest["headers"][header]
    else:
        name = manifest["file"] + (".gz" if compressed else "")
        try:
            handle = open(_manifest_path(request.path).parent / name, "rb")  # noqa: SIM115
        except FileNotFoundError:  # replaced by a newer build in between: render it
            return None
        # FileResponse sets Content-Length and lets gunicorn send the file with sendfile().
        response = FileResponse(handle)
        for header in KEPT_HEADERS:  # not the ones FileResponse guessed from the name
            if header in manifest["headers"]:
                response[header] = manifest["headers"][header]
            elif header in response:
                del response[header]
        if compressed:
            response["Content-Encoding"] = "gzip"
    response["ETag"] = etag
    patch_vary_headers(response, ["Accept-Encoding"])
    return response


def install():
    """Build the files after each change, serve their built copies (AppConfig.ready)."""
    public_pages.on_renewal(_queue_after_change)
    public_pages.serve_ahead(serve_built)
