"""A backup restored into an empty database holds the same rows, on SQLite and on PostgreSQL.

Each step runs as `manage.py` would on a server, in its own process against its own database.
"""

import json
import os
import subprocess
import sys
import uuid

import psycopg2
import pytest
from dj_database_url import parse
from django.conf import settings

ROWS = """
import json, sys, django
django.setup()
if sys.argv[1:] == ["prepare"]:
    from django.core.management import call_command
    from tests.factories import make_member, make_signature
    call_command("migrate", verbosity=0)
    call_command("load_demo", admin=True, verbosity=0)
    for status in ["approved", "pending", "rejected"]:
        make_member(status=status, name=f"Łódź {status}")
    make_signature()
    make_signature(status="pending", consent_to_publish=False)
from django.contrib.auth import get_user_model
from alliance.models import Page
from declarations.models import Declaration, Signature
from members.models import Member
from news.models import Article
rows = {
    model._meta.label: sorted(map(list, model._default_manager.values_list("pk", *fields)))
    for model, fields in [
        (Member, ["name", "status", "contact_email"]),
        (Signature, ["full_name", "status", "email"]),
        (Declaration, ["title"]),
        (Article, ["title", "status"]),
        (Page, ["title"]),
        (get_user_model(), ["username", "password"]),
    ]
}
print(json.dumps(rows, default=str))
"""

CHANGE = """
import django
django.setup()
from members.models import Member
Member.objects.all().delete()
"""


def manage(database_url, *args, script=None, script_args=()):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": database_url,
        "DEMO_ADMIN_PASSWORD": "a-strong-password-77",
    }
    command = ["-c", script, *script_args] if script else ["manage.py", *args]
    result = subprocess.run(
        [sys.executable, *command],
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def rows(database_url, *script_args):
    output = manage(database_url, script=ROWS, script_args=script_args)
    return json.loads(output.strip().splitlines()[-1])


def prepare_and_back_up(source, directory):
    """Rows in `source`, backed up: (the rows, the backup file)."""
    before = rows(source, "prepare")  # migrate, load the demo content, add members and signatures
    output = manage(source, "backup", "--directory", str(directory))
    (backup,) = directory.iterdir()
    assert str(backup) in output
    assert before["members.Member"] and before["declarations.Signature"]
    return before, backup


@pytest.fixture(scope="module")
def sqlite_backup(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sqlite")
    source = f"sqlite:///{folder / 'alliance.sqlite3'}"
    before, backup = prepare_and_back_up(source, folder / "backups")
    return source, before, backup


def test_sqlite_backup_restored_into_an_empty_database_holds_the_same_rows(sqlite_backup, tmp_path):
    _, before, backup = sqlite_backup
    empty = f"sqlite:///{tmp_path / 'empty.sqlite3'}"

    manage(empty, "restore", str(backup), "--noinput")

    assert backup.name.startswith("alliance-") and backup.suffix == ".sqlite3"
    assert rows(empty) == before


def test_sqlite_restore_undoes_later_changes(sqlite_backup):
    source, before, backup = sqlite_backup
    manage(source, script=CHANGE)
    assert rows(source)["members.Member"] == []

    manage(source, "restore", str(backup), "--noinput")

    assert rows(source) == before


@pytest.fixture
def postgres_databases():
    """Two scratch databases next to the test database: a source and an empty target."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        pytest.skip("DATABASE_URL is not PostgreSQL")
    server = parse(url)
    names = [f"{server['NAME']}_backup_{uuid.uuid4().hex[:8]}_{role}" for role in ("a", "b")]
    admin = psycopg2.connect(
        host=server["HOST"],
        port=server["PORT"],
        user=server["USER"],
        password=server["PASSWORD"],
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'CREATE DATABASE "{name}"')
    base = url.rsplit("/", 1)[0]
    yield [f"{base}/{name}" for name in names]
    with admin.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


def test_postgresql_backup_restored_into_an_empty_database_holds_the_same_rows(
    postgres_databases, tmp_path
):
    source, empty = postgres_databases
    before, backup = prepare_and_back_up(source, tmp_path / "backups")

    manage(empty, "restore", str(backup), "--noinput")

    assert backup.suffix == ".dump"
    assert backup.read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    assert rows(empty) == before
