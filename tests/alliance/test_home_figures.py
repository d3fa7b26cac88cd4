"""The figures on the home page are kept until the data change, and follow them at once: a
member approved is counted on the next request, with the page cache on or off, with the
figures kept in Redis or, without Redis, in each process under the server's data version."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.db import connection

from members.models import Member
from members.services import approve_member
from tests.factories import make_member

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


@pytest.fixture(
    params=[("off", "no Redis"), ("on", "no Redis"), ("off", "Redis"), ("on", "Redis")],
    ids=lambda param: f"page cache {param[0]}, {param[1]}",
)
def kept(request):
    page_cache, store = request.param
    settings = request.getfixturevalue("redis_page_cache" if store == "Redis" else "page_cache")
    settings.COUNTER_CACHE_SECONDS = 600
    if page_cache == "off":
        settings.PAGE_CACHE_SECONDS = 0
    return settings


def test_a_member_approved_is_counted_on_the_next_request(
    client, kept, django_capture_on_commit_callbacks
):
    staff = User.objects.create_user("staff", is_staff=True)
    make_member(name="Graz", country="AT")
    make_member(name="Linz", country="AT")
    pending = make_member(name="Wels", country="AT", status=Member.Status.PENDING)
    assert "<strong>2</strong> cities and regions" in client.get("/en/").content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        assert approve_member(pending, by=staff)

    assert "<strong>3</strong> cities and regions" in client.get("/en/").content.decode()


def test_the_figures_are_kept_until_the_data_change(client, kept):
    make_member(name="Graz", country="AT")
    client.get("/en/")
    # Changed without the workflows (no renewal): what the page shows is what it kept.
    Member.objects.update(status=Member.Status.PENDING)

    content = client.get("/en/").content.decode()

    assert "<strong>1</strong> city or region" in content


def database_url():
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True)
def test_without_redis_an_approval_in_another_process_renews_this_ones_figures(client, settings):
    """Two workers of one server without Redis: each keeps the figures in its own memory, and
    the data version they are kept under holds the server's stamp, which any worker's change
    renews."""
    settings.COUNTER_CACHE_SECONDS = 600
    staff = User.objects.create_user("staff", is_staff=True)
    make_member(name="Graz", country="AT")
    pending = make_member(name="Wels", country="AT", status=Member.Status.PENDING)
    assert "<strong>1</strong> city or region" in client.get("/en/").content.decode()

    approval = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "shell",
            "-c",
            "from django.contrib.auth.models import User; from members.models import Member; "
            "from members.services import approve_member; "
            f"approve_member(Member.objects.get(pk={pending.pk}), User.objects.get(pk={staff.pk}))",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.settings",
            "DATABASE_URL": database_url(),
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert approval.returncode == 0, approval.stderr
    assert Member.objects.get(pk=pending.pk).status == Member.Status.APPROVED
    assert "<strong>2</strong> cities and regions" in client.get("/en/").content.decode()
