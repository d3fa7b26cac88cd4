"""The daily job deletes the files no row names any more, and the data files no longer served."""

import os
import time

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import tasks
from background.models import ScheduledJob
from core import open_data, stale_files
from members.models import Member
from news.models import Article
from tests.factories import make_article, make_member

pytestmark = pytest.mark.django_db

TWO_DAYS = 2 * 24 * 3600


@pytest.fixture
def roots(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    settings.DATA_FILES_ROOT = str(tmp_path / "data-files")
    settings.SITE_URL = "http://testserver"
    cache.clear()
    return tmp_path


def plant(path, age=TWO_DAYS):
    """A file at `path`, last modified `age` seconds ago."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"content")
    then = time.time() - age
    os.utime(path, (then, then))
    return path


def test_old_orphans_are_deleted_young_ones_referenced_files_and_renditions_kept(roots):
    article = make_article()
    Article.objects.filter(pk=article.pk).update(image="news/2026/picture.jpg")
    member = make_member()
    Member.objects.filter(pk=member.pk).update(logo="members/logos/logo.png")
    private, public = roots / "private-media", roots / "media"
    picture = plant(private / "news/2026/picture.jpg")
    rendition = plant(private / "news/2026/picture.480w.webp")
    logo = plant(public / "members/logos/logo.png")
    orphan = plant(private / "news/2026/rolled-back.jpg")
    orphan_rendition = plant(private / "news/2026/rolled-back.960w.webp")
    public_orphan = plant(public / "members/logos/left-by-an-old-version.png")
    young = plant(private / "library/saving-now.pdf", age=3600)

    assert stale_files.remove_stale_files() == 3

    assert picture.exists() and rendition.exists() and logo.exists() and young.exists()
    assert not orphan.exists()
    assert not orphan_rendition.exists()
    assert not public_orphan.exists()


def test_the_data_files_of_older_versions_are_deleted_the_served_ones_kept(roots, client):
    make_member(name="Strasbourg", country="FR")
    assert open_data.build_data_files()
    data = roots / "data-files"
    served = sorted(path for path in data.rglob("*") if path.is_file())
    for path in served:
        os.utime(path, (time.time() - TWO_DAYS,) * 2)
    older_version = plant(data / "data/members.csv.0123456789abcdef0123456789abcdef")
    older_gzip = plant(data / "data/members.csv.0123456789abcdef0123456789abcdef.gz")
    no_longer_a_file = plant(data / "data/withdrawn.csv.json")
    half_written = plant(data / "data/tmpa1b2c3")

    assert stale_files.remove_stale_files() == 4

    assert sorted(path for path in data.rglob("*") if path.is_file()) == served
    for path in (older_version, older_gzip, no_longer_a_file, half_written):
        assert not path.exists()
    assert hasattr(client.get("/data/members.csv"), "file_to_stream")  # served as built


def test_hidden_files_and_the_data_files_kept_inside_media_are_left_alone(roots, settings):
    settings.DATA_FILES_ROOT = str(roots / "media" / "data-files")
    make_member(name="Strasbourg", country="FR")
    assert open_data.build_data_files()
    hidden = plant(roots / "media" / ".gitkeep")
    built = [path for path in (roots / "media" / "data-files").rglob("*") if path.is_file()]
    for path in built:
        os.utime(path, (time.time() - TWO_DAYS,) * 2)

    assert stale_files.remove_stale_files() == 0

    assert hidden.exists()
    assert all(path.exists() for path in built)


def test_the_job_runs_every_day_on_the_workers_schedule(roots, database_tasks, settings):
    job = settings.SCHEDULED_TASKS["delete-stale-files"]
    assert job["at"] == settings.DAILY_TASKS_AT
    settings.SCHEDULED_TASKS = {"delete-stale-files": job}
    orphan = plant(roots / "private-media" / "library" / "orphan.pdf")
    tasks.ensure_schedule()

    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())
    database_tasks()

    assert not orphan.exists()
    row = ScheduledJob.objects.get()
    assert row.last_succeeded is True
    assert row.last_outcome == "1 stale file(s) deleted"


def test_when_most_uploads_look_stale_none_is_deleted_and_the_job_fails(roots, settings):
    # As with a worker connected to an empty database: no row names any file.
    article = make_article()
    Article.objects.filter(pk=article.pk).update(image="news/2026/kept.jpg")
    kept = plant(roots / "private-media" / "news/2026/kept.jpg")
    files = [plant(roots / "private-media" / "library" / f"{n}.pdf") for n in range(21)]

    with pytest.raises(RuntimeError, match="21 of the 22 uploaded files are named by no row"):
        stale_files.remove_stale_files()

    assert kept.exists() and all(path.exists() for path in files)
