"""One archive holds the database and every stored file; restored into an empty database and
empty folders it gives back the same site: the same rows, the same files byte for byte, and a
staff sign-in that works.

Each step runs as `manage.py` would on a server, in its own process, against its own database
and folders (DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT). On PostgreSQL the databases are
created for the test and dropped afterwards; on SQLite they are files.
"""

import hashlib
import http.cookiejar
import io
import json
import os
import re
import secrets
import stat
import subprocess
import sys
import tarfile
import urllib.error
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import psycopg2
import pytest
from dj_database_url import parse
from django.conf import settings

from alliance import backups
from alliance.tasks import back_up
from bench.servers import gunicorn

STAFF_PASSWORD = "a-strong-staff-password-5150"

FILL = """
import io, json, sys, django
django.setup()
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from PIL import Image
from tests.factories import make_article, make_member, make_signature
from tests.factories import make_document

def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())

call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
for status in ["approved", "pending", "rejected"]:
    make_member(status=status, name=f"Łódź {status}")
member = make_member(name="Kraków")
member.logo.save("logo.png", png("red"))  # public media
make_signature()
make_signature(status="pending", consent_to_publish=False)
document = make_document(title="Backed-up resolution")  # its file in private storage
article = make_article(title="Backed-up article")
article.image.save("picture.png", png("blue"))  # private, with its renditions
get_user_model().objects.create_superuser("secretariat", "secretariat@example.org", sys.argv[1])
print(json.dumps({"document_file": document.files.get().get_absolute_url()}))
"""

STATE = """
import json, django
django.setup()
from django.db import connection
with connection.cursor() as cursor:
    names = connection.introspection.table_names(cursor)
    tables = {}
    for name in names:
        cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(name)}")
        tables[name] = cursor.fetchone()[0]
state = {"tables": tables}
if tables:
    from django.contrib.auth import get_user_model
    from declarations.models import Signature
    from library.models import DocumentFile
    from members.models import Member
    from news.models import Article
    state["rows"] = {
        model._meta.label: sorted(map(list, model._default_manager.values_list("pk", *fields)))
        for model, fields in [
            (Member, ["name", "status", "contact_email", "logo"]),
            (Signature, ["full_name", "status", "email"]),
            (DocumentFile, ["file", "size"]),
            (Article, ["title", "status", "image"]),
            (get_user_model(), ["username", "password", "is_staff"]),
        ]
    }
print(json.dumps(state, default=str))
"""

DELETE_MEMBERS = """
import django
django.setup()
from members.models import Member
Member.objects.all().delete()
"""


class Site:
    """A database and its two folders, as a server's environment names them."""

    def __init__(self, database_url, folder):
        self.database_url = database_url
        self.media = folder / "media"
        self.private = folder / "private-media"
        self.backups = folder / "backups"
        self.env = {
            **{
                name: value
                for name, value in os.environ.items()
                if name not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "REDIS_URL", "TASKS_BACKEND")
            },
            "DJANGO_SETTINGS_MODULE": "tests.server_settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "0",
            "SESSION_COOKIE_SECURE": "0",
            "CSRF_COOKIE_SECURE": "0",
            "CONN_MAX_AGE": "0",
            "LOG_LEVEL": "ERROR",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(self.media),
            "PRIVATE_MEDIA_ROOT": str(self.private),
            "DATA_FILES_ROOT": str(folder / "data-files"),
            "BACKUP_DIR": str(self.backups),
        }

    def run(self, *args, script=None, check=True):
        command = ["-c", script, *args] if script else ["manage.py", *args]
        result = subprocess.run(
            [sys.executable, *command],
            env=self.env,
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if check:
            assert result.returncode == 0, result.stderr
        return result

    def state(self):
        return json.loads(self.run(script=STATE).stdout.strip().splitlines()[-1])

    def files(self):
        """{"media/…" or "private-media/…": bytes} of every stored file."""
        found = {}
        for name, folder in (("media", self.media), ("private-media", self.private)):
            for path in sorted(folder.rglob("*")) if folder.exists() else []:
                if path.is_file():
                    found[f"{name}/{path.relative_to(folder).as_posix()}"] = path.read_bytes()
        return found


@contextmanager
def new_databases(count, folder):
    """`count` new empty databases: on PostgreSQL next to the test database, else SQLite files."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield [f"sqlite:///{folder / f'site-{n}.sqlite3'}" for n in range(count)]
        return
    server = parse(url)
    names = [f"{server['NAME']}_backup_{uuid.uuid4().hex[:10]}" for _ in range(count)]
    admin = psycopg2.connect(
        host=server["HOST"],
        port=server["PORT"],
        user=server["USER"],
        password=server["PASSWORD"],
        dbname="postgres",
    )
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'CREATE DATABASE "{name}"')
        base = url.rsplit("/", 1)[0]
        yield [f"{base}/{name}" for name in names]
    finally:
        with admin.cursor() as cursor:
            for name in names:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory):
    """A site filled and backed up: (the site, its state, its files, the archive, the output
    of the backup, the document file's address)."""
    folder = tmp_path_factory.mktemp("source")
    with new_databases(1, folder) as (url,):
        site = Site(url, folder)
        filled = json.loads(site.run(STAFF_PASSWORD, script=FILL).stdout.strip().splitlines()[-1])
        # Archives of faked dates: the retention rule deletes the one of 2020, keeps today's.
        site.backups.mkdir()
        old = site.backups / "alliance-20200106-020000.tar.gz"
        old.write_bytes(b"an old archive")
        output = site.run("backup").stdout
        yield site, site.state(), site.files(), output, filled["document_file"]


@pytest.fixture
def empty(tmp_path):
    """A new empty database and folders that do not exist yet."""
    with new_databases(1, tmp_path) as (url,):
        yield Site(url, tmp_path)


def archive_of(site):
    (path,) = backups.archives(site.backups)
    return path


def rewrite(archive, target, change, added=None):
    """A copy of `archive` at `target`, each file passed through `change(name, bytes)`: new
    bytes, or None to leave the file out; then the files `added` ({name: bytes})."""
    with tarfile.open(archive, "r:gz") as source, tarfile.open(target, "w:gz") as copy:
        for member in source:
            content = change(member.name, source.extractfile(member).read())
            if content is not None:
                member.size = len(content)
                copy.addfile(member, io.BytesIO(content))
        for name, content in (added or {}).items():
            member = tarfile.TarInfo(name)
            member.size = len(content)
            copy.addfile(member, io.BytesIO(content))
    return target


def assert_untouched(site):
    """An empty database (no table) and no stored file."""
    assert site.state() == {"tables": {}}
    assert site.files() == {}


def test_a_backup_is_one_private_archive_with_the_database_every_file_and_a_manifest(backed_up):
    site, _state, files, output, _url = backed_up

    archive = archive_of(site)
    assert re.fullmatch(r"alliance-\d{8}-\d{6}\.tar\.gz", archive.name)
    assert str(archive) in output
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    # Nothing half-written is left; the faked archive of 2020 fell to the retention rule.
    assert sorted(path.name for path in site.backups.iterdir()) == [archive.name]
    assert "alliance-20200106-020000.tar.gz (retention rule)" in output
    with tarfile.open(archive) as content:
        manifest = json.load(content.extractfile("manifest.json"))
        dump = content.extractfile(backups.DUMPS[manifest["engine"]]).read()
    assert manifest["engine"] == ("postgresql" if "postgres" in site.database_url else "sqlite")
    assert dump.startswith(b"PGDMP" if manifest["engine"] == "postgresql" else b"SQLite format 3")
    assert "0001_initial" in manifest["migrations"]["members"]
    assert {name for name in files if name.startswith("media/members/logos/")}
    assert {name for name in files if name.startswith("private-media/library/")}
    assert {name for name in files if name.startswith("private-media/news/")}
    listed = {entry["path"]: (entry["size"], entry["sha256"]) for entry in manifest["files"]}
    del listed[backups.DUMPS[manifest["engine"]]]
    assert listed == {
        name: (len(content), hashlib.sha256(content).hexdigest()) for name, content in files.items()
    }


class Browser:
    """A visitor with cookies that follows no redirect."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), self.NoRedirect()
        )

    def open(self, url, fields=None):
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        request = urllib.request.Request(url, data=data, headers={"Referer": url})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()


def sign_in(base, password):
    browser = Browser()
    _status, _headers, form = browser.open(base + "/admin/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form)[1].decode()
    status, headers, _body = browser.open(
        base + "/admin/login/",
        {
            "csrfmiddlewaretoken": token,
            "username": "secretariat",
            "password": password,
            "next": "/admin/",
        },
    )
    return browser, status, headers


def test_a_backup_restored_into_an_empty_database_and_folders_gives_back_the_same_site(
    backed_up, empty
):
    source, state, files, _output, document_url = backed_up

    result = empty.run("restore", str(archive_of(source)))

    assert "Restored the database and" in result.stdout
    assert empty.state() == state
    assert empty.files() == files
    assert source.state() == state  # the source was only read
    with gunicorn(empty.env, workers=1) as (base, _process):
        _browser, status, _headers = sign_in(base, "a-wrong-password")
        assert status == 200  # the form again, with an error
        browser, status, headers = sign_in(base, STAFF_PASSWORD)
        assert (status, headers["Location"]) == (302, "/admin/")
        status, _headers, page = browser.open(base + "/admin/")
        assert status == 200 and b"secretariat" in page
        # The restored row and its restored private file belong together.
        status, _headers, document = browser.open(base + document_url)
        assert status == 200
        assert document in files.values() and document.startswith(b"%PDF")


def test_a_restore_over_data_is_refused_and_changes_nothing_unless_forced(backed_up, empty):
    source, state, files, _output, _url = backed_up
    archive = archive_of(source)
    empty.run("restore", str(archive))
    empty.run(script=DELETE_MEMBERS)
    (empty.private / "added-later.txt").write_bytes(b"a file stored after the backup")
    changed, changed_files = empty.state(), empty.files()
    assert changed["rows"]["members.Member"] == []

    refused = empty.run("restore", str(archive), check=False)

    assert refused.returncode != 0
    assert "The database already holds data" in refused.stderr
    assert "Nothing was changed" in refused.stderr
    assert (empty.state(), empty.files()) == (changed, changed_files)

    empty.run("restore", str(archive), "--force", "--noinput")

    assert empty.state() == state
    assert empty.files() == files


def test_a_restore_into_folders_that_hold_files_is_refused_and_changes_nothing(backed_up, empty):
    source, _state, _files, _output, _url = backed_up
    (empty.media / "members").mkdir(parents=True)
    (empty.media / "members" / "kept.png").write_bytes(b"a file of another site")

    refused = empty.run("restore", str(archive_of(source)), check=False)

    assert refused.returncode != 0
    assert "already holds 1 file(s)" in refused.stderr
    assert empty.state() == {"tables": {}}
    assert empty.files() == {"media/members/kept.png": b"a file of another site"}


def test_a_damaged_archive_is_refused_and_changes_nothing(backed_up, empty, tmp_path):
    source, _state, files, _output, _url = backed_up
    logo = next(name for name in files if name.startswith("media/members/logos/"))

    def change_one_byte(name, content):
        if name != logo:
            return content
        middle = len(content) // 2
        return content[:middle] + bytes([content[middle] ^ 1]) + content[middle + 1 :]

    damaged = rewrite(archive_of(source), tmp_path / "damaged.tar.gz", change_one_byte)

    refused = empty.run("restore", str(damaged), check=False)

    assert refused.returncode != 0
    assert f"is damaged: 1 file(s) differ from their checksum, such as {logo}" in refused.stderr
    assert_untouched(empty)


def test_an_archive_that_lacks_a_file_of_its_manifest_is_refused_and_changes_nothing(
    backed_up, empty, tmp_path
):
    source, _state, files, _output, _url = backed_up
    document = next(name for name in files if name.startswith("private-media/library/"))
    incomplete = rewrite(
        archive_of(source),
        tmp_path / "incomplete.tar.gz",
        lambda name, content: None if name == document else content,
    )

    refused = empty.run("restore", str(incomplete), check=False)

    assert refused.returncode != 0
    assert f"lacks 1 file(s) its manifest lists, such as {document}" in refused.stderr
    assert_untouched(empty)


def test_an_archive_with_a_file_outside_the_folders_is_refused(backed_up, empty, tmp_path):
    source, _state, _files, _output, _url = backed_up
    escaping = "media/../../escaped.txt"

    def add_an_escaping_file(name, content):
        if name != "manifest.json":
            return content
        manifest = json.loads(content)
        manifest["files"].append(
            {"path": escaping, "size": 1, "sha256": hashlib.sha256(b"x").hexdigest()}
        )
        return json.dumps(manifest).encode()

    hostile = rewrite(
        archive_of(source), tmp_path / "hostile.tar.gz", add_an_escaping_file, {escaping: b"x"}
    )

    refused = empty.run("restore", str(hostile), check=False)

    assert refused.returncode != 0
    assert "which no backup holds" in refused.stderr
    assert not (tmp_path.parent / "escaped.txt").exists()
    assert_untouched(empty)


# The retention rule, on archives of faked dates.

NOW = backups.archive_time("alliance-20260315-040000.tar.gz")  # a Sunday


def names(*stamps):
    return [Path(f"alliance-{stamp}.tar.gz") for stamp in stamps]


def test_every_archive_of_the_last_days_is_kept():
    recent = names("20260315-020000", "20260314-020000", "20260314-140000", "20260302-020000")

    assert backups.to_keep(recent, NOW, keep_days=14, keep_weeks=0) == set(recent)


def test_older_archives_keep_only_the_newest_of_each_week_for_the_last_weeks():
    archives = names(
        "20260315-020000",  # today
        "20260301-020000",  # 14 days old: past the days, newest of its week (23 Feb to 1 Mar)
        "20260228-020000",  # same week, older: deleted
        "20260223-020000",  # same week, older: deleted
        "20260222-020000",  # newest of the week before
        "20260118-020000",  # 8 weeks old exactly: past the weeks, deleted
        "20250101-020000",  # a year old: deleted
    )

    kept = backups.to_keep(archives, NOW, keep_days=14, keep_weeks=8)

    assert kept == set(names("20260315-020000", "20260301-020000", "20260222-020000"))


def test_the_newest_archive_is_always_kept():
    archives = names("20250101-020000", "20241231-020000")

    assert backups.to_keep(archives, NOW, keep_days=0, keep_weeks=0) == set(archives[:1])


def test_pruning_deletes_what_the_rule_drops_and_stale_half_written_archives_only(tmp_path):
    for path in names("20260315-020000", "20260228-020000", "20260227-020000"):
        (tmp_path / path).write_bytes(b"archive")
    stale = tmp_path / ".alliance-x1.partial"
    being_written = tmp_path / ".alliance-x2.partial"
    other = tmp_path / "notes.txt"
    for path in (stale, being_written, other):
        path.write_bytes(b"")
    os.utime(stale, (NOW.timestamp() - 2 * 86400,) * 2)
    os.utime(being_written, (NOW.timestamp() - 60,) * 2)

    deleted = backups.prune(tmp_path, NOW, keep_days=14, keep_weeks=8)

    assert sorted(path.name for path in deleted) == [
        ".alliance-x1.partial",
        "alliance-20260227-020000.tar.gz",
    ]
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        ".alliance-x2.partial",
        "alliance-20260228-020000.tar.gz",
        "alliance-20260315-020000.tar.gz",
        "notes.txt",
    ]


@pytest.mark.django_db
def test_a_backup_that_stops_halfway_leaves_no_archive(tmp_path, monkeypatch, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "members").mkdir(parents=True)
    (settings.MEDIA_ROOT / "members" / "logo.png").write_bytes(b"a logo")

    def fail(*args):
        raise OSError("No space left on device")

    monkeypatch.setattr(backups, "stored_files", fail)
    with pytest.raises(OSError, match="No space left"):
        backups.backup(tmp_path / "backups")

    assert list((tmp_path / "backups").iterdir()) == []
    with pytest.raises(backups.CommandError, match="No backup archive"):
        backups.latest_backup(tmp_path / "backups")


@pytest.mark.django_db
def test_the_scheduled_backup_writes_an_archive_into_backup_dir(tmp_path, settings):
    settings.BACKUP_DIR = tmp_path / "backups"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"

    outcome = back_up.call()

    assert str(backups.latest_backup(settings.BACKUP_DIR)) in outcome


@pytest.mark.parametrize(
    ("schedule", "job"),
    [("", None), ("02:30", {"task": "alliance.tasks.back_up", "at": "02:30"})],
)
def test_the_worker_backs_up_daily_only_when_backup_schedule_is_set(schedule, job):
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from django.conf import settings; "
            "print(json.dumps(settings.SCHEDULED_TASKS.get('backup')))",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "alliance.settings",
            "BACKUP_SCHEDULE": schedule,
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )

    assert json.loads(result.stdout.strip().splitlines()[-1]) == job
