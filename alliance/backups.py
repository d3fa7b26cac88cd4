"""Backups of the database: pg_dump's custom format for PostgreSQL, the backup API for SQLite.

`manage.py backup` and `manage.py restore` (and `make backup` / `make restore`) call these.
"""

import os
import shutil
import sqlite3
import subprocess

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone

BACKUP_DIR = settings.BASE_DIR / "backups"
SUFFIXES = {"postgresql": ".dump", "sqlite": ".sqlite3"}


def engine(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in SUFFIXES:
        raise CommandError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def new_backup_path(directory=BACKUP_DIR, alias="default"):
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return directory / f"alliance-{stamp}{SUFFIXES[engine(alias)]}"


def latest_backup(directory=BACKUP_DIR, alias="default"):
    candidates = sorted(directory.glob(f"alliance-*{SUFFIXES[engine(alias)]}"))
    if not candidates:
        raise CommandError(f"No backup of this database kind in {directory}.")
    return candidates[-1]


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


def backup(path, alias="default"):
    """Write a consistent copy of the whole database to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if engine(alias) == "postgresql":
        program, env = postgres_command("pg_dump", alias)
        run([program, "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"], env)
        return
    connection = connections[alias]
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


def restore(path, alias="default"):
    """Replace the database's content with the backup at `path`, in one transaction."""
    if not path.is_file():
        raise CommandError(f"No backup file at {path}.")
    if engine(alias) == "postgresql":
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
                str(path),
            ],
            env,
        )
        return
    connection = connections[alias]
    connection.ensure_connection()
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
