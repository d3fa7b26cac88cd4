"""Files no one will read again, deleted by a daily job (SCHEDULED_TASKS "delete-stale-files").

django-cleanup deletes a file with its row or when another replaces it, but some files are
left with no row: the upload of a form whose transaction was rolled back, a file stored by an
older version of the site, a run stopped half-way. In MEDIA_ROOT and PRIVATE_MEDIA_ROOT a file
that no file field of any model names (nor, for a picture, as one of its renditions,
core.images) is stale; in DATA_FILES_ROOT, a file that no current data file's manifest names
(core.open_data: the copies of older data versions, a manifest of a file the site no longer
has, a half-written temporary file).

Only files older than STALE_AFTER are deleted: a younger one may belong to a save still in
progress, whose row is not committed yet.
"""

import datetime
import logging
import os
import time
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.tasks import task

from . import open_data
from .images import RENDITION_WIDTHS, rendition_name

logger = logging.getLogger(__name__)

STALE_AFTER = datetime.timedelta(days=1)
# More stale uploads than both of these at once is taken for a wrong database, not leftovers.
MAX_STALE_UPLOADS = 20
MAX_STALE_SHARE = 0.5


def referenced_files():
    """{absolute folder of a storage: {names its files are stored under}} for every file
    field of every model, each picture's renditions included."""
    names = {}
    for model in apps.get_models():
        if model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, models.FileField):
                continue
            storage = field.storage
            if not isinstance(storage, FileSystemStorage):
                continue
            kept = names.setdefault(os.path.abspath(storage.location), set())
            # The base manager: a default manager hiding some rows would hide their files.
            stored = model._base_manager.exclude(**{field.attname: ""}).exclude(
                **{f"{field.attname}__isnull": True}
            )
            for name in stored.values_list(field.attname, flat=True).iterator():
                kept.add(name)
                kept.update(rendition_name(name, width) for width in RENDITION_WIDTHS)
    return names


def built_files():
    """The names (relative to DATA_FILES_ROOT) of the files the current data files need."""
    root = Path(settings.DATA_FILES_ROOT)
    kept = set()
    for path in open_data.data_file_paths():
        kept.add(path.lstrip("/") + ".json")  # its manifest (core.open_data)
        copy = open_data.built_copy(path, compressed=False)
        if copy is not None:
            kept.add(copy.relative_to(root).as_posix())
            kept.add(copy.relative_to(root).as_posix() + ".gz")
    return kept


def _files(root, skipped):
    """(absolute path, name relative to `root`, last modified) of each file under `root`; not
    in the folders `skipped`, not hidden, not a link."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [
            name
            for name in subfolders
            if os.path.join(folder, name) not in skipped and not name.startswith(".")
        ]
        for name in files:
            path = os.path.join(folder, name)
            if name.startswith(".") or os.path.islink(path):
                continue
            try:
                modified = os.lstat(path).st_mtime
            except FileNotFoundError:
                continue
            yield path, Path(os.path.relpath(path, root)).as_posix(), modified


def remove_stale_files(now=None):
    """Delete the stale files older than STALE_AFTER; their number."""
    before = (now or time.time()) - STALE_AFTER.total_seconds()
    media = [os.path.abspath(settings.MEDIA_ROOT), os.path.abspath(settings.PRIVATE_MEDIA_ROOT)]
    data = os.path.abspath(settings.DATA_FILES_ROOT) if settings.DATA_FILES_ROOT else None
    backups = getattr(settings, "BACKUP_DIR", None)
    others = {
        os.path.abspath(folder)
        for folder in (settings.STATIC_ROOT, backups, *media, data)
        if folder
    }
    # Each root is walked alone: another root inside it (a misconfiguration) is left to its rule.
    found = {root: [] for root in [*media, *([data] if data else [])] if os.path.isdir(root)}
    for root, files in found.items():
        files += _files(root, others - {root})
    candidates = [
        (root, path, name)
        for root, files in found.items()
        for path, name, modified in files
        if modified < before
    ]
    if not candidates:
        return 0
    # Read after the listing: a row committed in between keeps its file.
    kept = referenced_files()
    if data:
        kept[data] = built_files()
    stale = [(root, path) for root, path, name in candidates if name not in kept.get(root, ())]
    uploads = sum(len(found.get(root, ())) for root in media)
    stale_uploads = sum(1 for root, _path in stale if root in media)
    if stale_uploads > MAX_STALE_UPLOADS and stale_uploads > uploads * MAX_STALE_SHARE:
        # An empty or wrong database would make every upload look stale: delete none, and fail
        # where staff see it (the job's row, the admin's home, the error reports).
        raise RuntimeError(
            f"{stale_uploads} of the {uploads} uploaded files are named by no row: is the worker "
            "connected to the right database? No file was deleted."
        )
    deleted = 0
    for _root, path in stale:
        try:
            os.remove(path)
        except FileNotFoundError:
            continue
        logger.info("Deleted the stale file %s", path)
        deleted += 1
    return deleted


@task
def delete_stale_files():
    return f"{remove_stale_files()} stale file(s) deleted"
