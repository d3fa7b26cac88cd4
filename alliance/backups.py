"""Backups: the database and every stored file in one archive, restored only where nothing is.

An archive, `alliance-<UTC timestamp>.tar.gz` in BACKUP_DIR, holds the database (pg_dump's
custom format for PostgreSQL, SQLite's backup API for SQLite: a file in WAL mode is never
copied as it lies), every file of MEDIA_ROOT under `media/` and of PRIVATE_MEDIA_ROOT under
`private-media/`, and `manifest.json`: when, the engine, the applied migrations, each file's
size and SHA-256. DATA_FILES_ROOT is left out: its files are rebuilt from the data.

`manage.py backup` and `manage.py restore` (and `make backup` / `make restore`) call these.
"""

import datetime
import hashlib
import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
from collections import defaultdict
from pathlib import Path, PurePosixPath

import django
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

MANIFEST = "manifest.json"
DUMPS = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
# Where each folder's files lie in the archive.
FOLDERS = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}
NAME = re.compile(r"^alliance-(\d{8}-\d{6})\.tar\.gz$")
STAMP = "%Y%m%d-%H%M%S"
# An archive being written: never taken for a backup, removed by the next backup when stale.
PARTIAL_PREFIX = ".alliance-"
PARTIAL_SUFFIX = ".partial"
CHUNK = 1024 * 1024


def backup_dir():
    return Path(settings.BACKUP_DIR)


def folders():
    """{name in the archive: folder on disk}"""
    return {name: Path(getattr(settings, setting)) for name, setting in FOLDERS.items()}


def engine(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DUMPS:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def archive_time(path):
    """When the archive at `path` was made (from its name), or None if it is not an archive."""
    match = NAME.match(Path(path).name)
    if match is None:
        return None
    return datetime.datetime.strptime(match[1], STAMP).replace(tzinfo=datetime.UTC)


def archives(directory):
    """The complete archives in `directory`, oldest first."""
    if not directory.is_dir():
        return []
    return sorted(path for path in directory.iterdir() if archive_time(path) is not None)


def latest_backup(directory=None):
    directory = directory or backup_dir()
    found = archives(directory)
    if not found:
        raise CommandError(f"No backup archive (alliance-….tar.gz) in {directory}.")
    return found[-1]


# --- Backing up ---------------------------------------------------------------------------


def postgres_command(program, alias):
    """The program's path and the environment that points libpq at the database."""
    path = shutil.which(program)
    if path is None:
        raise CommandError(
            f"{program} is missing: install PostgreSQL's client tools "
            "(Debian: apt-get install postgresql-client)."
        )
    database = connections[alias].settings_dict
    env = {
        **os.environ,
        "PGHOST": database["HOST"] or "",
        "PGPORT": str(database["PORT"] or ""),
        "PGUSER": database["USER"] or "",
        "PGPASSWORD": database["PASSWORD"] or "",
        "PGDATABASE": database["NAME"],
        "PGCONNECT_TIMEOUT": "10",
    }
    return path, {name: value for name, value in env.items() if value != ""}


def run(args, env):
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise CommandError(f"{os.path.basename(args[0])} failed: {result.stderr.strip()}")


def dump_database(path, alias="default"):
    """Write a consistent copy of the whole database to `path`."""
    if engine(alias) == "postgresql":
        program, env = postgres_command("pg_dump", alias)
        run([program, "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"], env)
        return
    # A connection of its own: Django's may be inside a transaction, which SQLite's backup
    # would wait for forever; in WAL mode it reads the last committed state, blocking no one.
    source = sqlite3.connect(connections[alias].settings_dict["NAME"])
    target = sqlite3.connect(path)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def applied_migrations(alias="default"):
    """{app label: [applied migration names]}"""
    applied = defaultdict(list)
    for app, name in sorted(MigrationRecorder(connections[alias]).applied_migrations()):
        applied[app].append(name)
    return dict(applied)


class Hashing(io.RawIOBase):
    """A file read through: counts and hashes what tarfile copies from it."""

    def __init__(self, handle):
        self.handle = handle
        self.sha256 = hashlib.sha256()
        self.size = 0

    def readable(self):
        return True

    def read(self, size=-1):
        data = self.handle.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def add_file(archive, source, name):
    """Copy the file at `source` into `archive` as `name`: its manifest entry, or None if it
    was deleted meanwhile (a row deleted since the listing)."""
    try:
        handle = open(source, "rb")  # noqa: SIM115 (a with block would also catch addfile's errors)
    except FileNotFoundError:
        return None
    with handle:
        info = tarfile.TarInfo(name)
        stat = os.fstat(handle.fileno())
        info.size, info.mtime, info.mode = stat.st_size, int(stat.st_mtime), 0o600
        reader = Hashing(handle)
        archive.addfile(info, reader)
    return {"path": name, "size": reader.size, "sha256": reader.sha256.hexdigest()}


def stored_files(folder):
    """The regular files under `folder` (relative POSIX paths), sorted; none if it is absent."""
    found = []
    for root, directories, files in os.walk(folder):
        directories.sort()
        for name in files:
            path = Path(root, name)
            if path.is_file() and not path.is_symlink():
                found.append(path.relative_to(folder).as_posix())
    return sorted(found)


def backup(directory=None, alias="default", now=None):
    """Write one archive of the database and every stored file into `directory`; return its
    path and its manifest. Written under a temporary name, renamed when complete."""
    directory = Path(directory or backup_dir())
    now = now or timezone.now()
    kind = engine(alias)
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = directory / f"alliance-{now.astimezone(datetime.UTC).strftime(STAMP)}.tar.gz"
    if path.exists():
        raise CommandError(f"{path} already exists: wait a second and back up again.")
    descriptor, partial = tempfile.mkstemp(
        prefix=PARTIAL_PREFIX, suffix=PARTIAL_SUFFIX, dir=directory
    )  # mode 0600
    try:
        with tempfile.TemporaryDirectory() as scratch:
            dump = Path(scratch, DUMPS[kind])
            dump_database(dump, alias)
            with (
                os.fdopen(descriptor, "wb") as output,
                tarfile.open(fileobj=output, mode="w:gz", compresslevel=6) as archive,
            ):
                # The database first: files uploaded meanwhile are kept, unnamed, and the daily
                # deletion of stale files removes them after a restore.
                files = [add_file(archive, dump, DUMPS[kind])]
                for name, folder in folders().items():
                    for relative in stored_files(folder):
                        entry = add_file(archive, folder / relative, f"{name}/{relative}")
                        if entry is not None:
                            files.append(entry)
                manifest = {
                    "format": 1,
                    "created_at": now.astimezone(datetime.UTC).isoformat(),
                    "engine": kind,
                    "django": django.get_version(),
                    "migrations": applied_migrations(alias),
                    "files": files,
                }
                content = json.dumps(manifest, indent=1, ensure_ascii=False).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size, info.mtime, info.mode = len(content), int(now.timestamp()), 0o600
                archive.addfile(info, io.BytesIO(content))
                output.flush()
                os.fsync(output.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return path, manifest


# --- Retention ----------------------------------------------------------------------------


def to_keep(paths, now, keep_days, keep_weeks):
    """The archives kept: all of the last `keep_days` days, the newest of each (ISO) week for
    the last `keep_weeks` weeks, and always the newest of all."""
    dated = sorted(((archive_time(path), path) for path in paths), reverse=True)
    kept = set()
    weeks = set()
    for when, path in dated:
        age, week = now - when, when.isocalendar()[:2]
        recent = age < datetime.timedelta(days=keep_days)
        weekly = age < datetime.timedelta(weeks=keep_weeks) and week not in weeks
        if recent or weekly:
            kept.add(path)
        weeks.add(week)
    if dated:
        kept.add(dated[0][1])
    return kept


def prune(directory=None, now=None, keep_days=None, keep_weeks=None):
    """Delete the archives the retention rule no longer keeps, and partial archives left by a
    backup that stopped over a day ago; return the paths deleted."""
    directory = Path(directory or backup_dir())
    now = now or timezone.now()
    keep_days = settings.BACKUP_KEEP_DAYS if keep_days is None else keep_days
    keep_weeks = settings.BACKUP_KEEP_WEEKS if keep_weeks is None else keep_weeks
    found = archives(directory)
    kept = to_keep(found, now, keep_days, keep_weeks)
    deleted = [path for path in found if path not in kept]
    if directory.is_dir():
        stale = now.timestamp() - 24 * 3600
        deleted += [
            path
            for path in directory.glob(f"{PARTIAL_PREFIX}*{PARTIAL_SUFFIX}")
            if path.stat().st_mtime < stale
        ]
    for path in deleted:
        path.unlink(missing_ok=True)
    return deleted


# --- Restoring ----------------------------------------------------------------------------


class Refused(CommandError):
    """The restore changed nothing."""

    def __init__(self, message):
        super().__init__(f"{message} Nothing was changed.")


def open_archive(path):
    if not Path(path).is_file():
        raise Refused(f"No backup archive at {path}.")
    try:
        return tarfile.open(path, mode="r:gz")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise Refused(f"{path} is not a readable backup archive ({error}).") from error


def safe_name(name):
    """Whether `name` is a file the archive may hold: the manifest, a dump, or a file of a
    folder, never outside them."""
    parts = PurePosixPath(name).parts
    if name.startswith("/") or ".." in parts or "." in parts:
        return False
    if name == MANIFEST or name in DUMPS.values():
        return True
    return len(parts) >= 2 and parts[0] in FOLDERS


def read_members(path, on_file):
    """Call `on_file(member, reader)` for each file of the archive, after checking its name and
    kind; return the manifest's bytes."""
    manifest = None
    seen = set()
    with open_archive(path) as archive:
        try:
            for member in archive:
                if not member.isfile() or not safe_name(member.name) or member.name in seen:
                    raise Refused(
                        f"{path} holds {member.name!r}, which no backup holds (or holds twice)."
                    )
                seen.add(member.name)
                reader = archive.extractfile(member)
                if member.name == MANIFEST:
                    manifest = reader.read()
                else:
                    on_file(member, reader)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
            raise Refused(f"{path} is damaged ({error}).") from error
    if manifest is None:
        raise Refused(f"{path} has no {MANIFEST}: it is not a complete backup.")
    return manifest


def verify(path):
    """Check every file of the archive against its manifest without writing anything; return
    the manifest. Refused when a file is damaged, missing, or not in the manifest."""
    found = {}

    def measure(member, reader):
        digest = hashlib.sha256()
        size = 0
        while chunk := reader.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
        found[member.name] = {"size": size, "sha256": digest.hexdigest()}

    try:
        manifest = json.loads(read_members(path, measure))
        listed = {entry["path"]: entry for entry in manifest["files"]}
        kind = manifest["engine"]
    except (ValueError, KeyError, TypeError) as error:
        raise Refused(f"{path}'s {MANIFEST} is unreadable ({error}).") from error
    missing = sorted(set(listed) - set(found))
    if missing:
        raise Refused(
            f"{path} lacks {len(missing)} file(s) its manifest lists, such as {missing[0]}: "
            "restoring it would lose them."
        )
    unlisted = sorted(set(found) - set(listed))
    if unlisted:
        raise Refused(f"{path} holds {unlisted[0]}, which its manifest does not list.")
    damaged = sorted(
        name
        for name, entry in listed.items()
        if (entry.get("size"), entry.get("sha256")) != (found[name]["size"], found[name]["sha256"])
    )
    if damaged:
        raise Refused(
            f"{path} is damaged: {len(damaged)} file(s) differ from their checksum, "
            f"such as {damaged[0]}."
        )
    if kind not in DUMPS or DUMPS[kind] not in listed:
        raise Refused(f"{path} holds no database dump.")
    return manifest


def tables_with_rows(alias="default"):
    """The database's tables that hold at least one row."""
    connection = connections[alias]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        names = connection.introspection.table_names(cursor)
        found = []
        for name in names:
            cursor.execute(f"SELECT 1 FROM {quote(name)} LIMIT 1")
            if cursor.fetchone():
                found.append(name)
    return found


def files_in(folder):
    return stored_files(folder) if folder.is_dir() else []


def check_empty(alias="default"):
    """Refuse unless the database and the folders hold nothing."""
    tables = tables_with_rows(alias)
    if tables:
        raise Refused(
            f"The database already holds data ({len(tables)} table(s) with rows, such as "
            f"{tables[0]}). Restore into a new, empty database (do not run migrate first), "
            "or add --force to replace its content."
        )
    for folder in folders().values():
        present = files_in(folder)
        if present:
            raise Refused(
                f"{folder} already holds {len(present)} file(s), such as {present[0]}. "
                "Restore into empty folders, or add --force to replace their content."
            )


def migration_difference(manifest):
    """(migrations the backup's database had that this code lacks, migrations of this code the
    backup's database lacks): a backup of a newer version, or an older one to migrate."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    return sorted(applied - known), sorted(known - applied)


def restore_database(dump, kind, alias="default"):
    if kind == "postgresql":
        program, env = postgres_command("pg_restore", alias)
        connections[alias].close()
        run(
            [
                program,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                f"--dbname={env['PGDATABASE']}",
                str(dump),
            ],
            env,
        )
        return
    connection = connections[alias]
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{dump}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def empty_folder(folder):
    """Delete what `folder` holds, not the folder itself (it may be a mount point)."""
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def restore(path, alias="default", force=False):
    """Restore the archive at `path`: its database, then its files. Refused, with nothing
    changed, when the database or the folders hold anything (unless `force`) or when the
    archive is damaged or incomplete. Return the manifest."""
    kind = engine(alias)
    if not force:
        check_empty(alias)
    manifest = verify(path)
    if manifest["engine"] != kind:
        raise Refused(f"{path} is a backup of a {manifest['engine']} database, this one is {kind}.")
    checksums = {entry["path"]: entry["sha256"] for entry in manifest["files"]}
    destinations = folders()

    def copy(reader, target, name):
        digest = hashlib.sha256()
        with open(target, "xb") as output:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                output.write(chunk)
        if digest.hexdigest() != checksums[name]:
            raise CommandError(f"{path} changed while it was being restored ({name}).")

    with tempfile.TemporaryDirectory() as scratch:
        # The database first: pg_restore runs in one transaction, so if it fails nothing changed.
        dump = Path(scratch, DUMPS[kind])
        with open_archive(path) as archive, archive.extractfile(DUMPS[kind]) as reader:
            copy(reader, dump, DUMPS[kind])
        restore_database(dump, kind, alias)
    for folder in destinations.values():
        if force:
            empty_folder(folder)
        folder.mkdir(parents=True, exist_ok=True)

    def restore_file(member, reader):
        if member.name in DUMPS.values():
            return
        name, relative = member.name.split("/", 1)
        target = destinations[name] / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        copy(reader, target, member.name)

    try:
        read_members(path, restore_file)
    except Refused as error:
        raise CommandError(
            f"The database is restored but not every file: {error.args[0]}".replace(
                " Nothing was changed.", ""
            )
        ) from error
    return manifest
