"""Nothing unpublished appears anywhere public: drafts, submitted, returned and archived
practices are on no list, search, feed, data file, profile, country page or sitemap, and
their address answers 404 to the public while staff see a preview."""

import pytest
from django.core.files.base import ContentFile

from practices import services
from practices.models import Attachment, Practice
from tests.factories import make_member, make_practice

pytestmark = pytest.mark.django_db

HIDDEN = [
    Practice.Status.DRAFT,
    Practice.Status.SUBMITTED,
    Practice.Status.RETURNED,
    Practice.Status.ARCHIVED,
]


@pytest.fixture
def member(db):
    return make_member(name="Cluj-Napoca", slug="cluj", country="RO")


def public_urls(member):
    return [
        "/en/practices/",
        "/fr/practices/",
        "/en/practices/?q=secret",
        "/en/practices/?theme=health",
        "/en/practices/?country=RO",
        "/en/practices/feed/",
        "/fr/practices/feed/atom/",
        "/sitemap.xml",
        "/data/practices.csv",
        "/data/practices.json",
        "/en/",
        member.get_absolute_url(),
        "/en/countries/ro/",
    ]


@pytest.mark.parametrize("status", HIDDEN)
def test_an_unpublished_practice_is_on_no_public_page(client, member, status):
    make_practice(
        title="Secret practice",
        slug="secret-practice",
        themes=["health"],
        members=[member],
        status=status,
    )

    for url in public_urls(member):
        text = b"".join(client.get(url)).decode()
        assert "Secret practice" not in text, url
        assert "secret-practice" not in text, url
    assert client.get("/en/practices/secret-practice/").status_code == 404
    assert 'value="health"' not in client.get("/en/practices/").text


def test_an_unpublished_practice_s_files_answer_404(client, member, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    practice = make_practice(slug="secret-practice", status=Practice.Status.SUBMITTED)
    attachment = Attachment(practice=practice, title="Report")
    attachment.file.save("report.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    attachment.save()

    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_staff_see_an_unpublished_practice_under_a_preview_banner(staff_client):
    make_practice(title="Secret practice", slug="secret-practice", status=Practice.Status.SUBMITTED)

    response = staff_client.get("/en/practices/secret-practice/")

    assert response.status_code == 200
    assert "Preview: not published" in response.text
    assert "This practice is submitted: only staff can see this page." in response.text
    assert '<meta name="robots" content="noindex, nofollow">' in response.text
    assert "no-cache" in response["Cache-Control"]


def test_a_published_practice_has_no_preview_banner_for_staff(staff_client):
    make_practice(slug="public-practice")

    assert "Preview" not in staff_client.get("/en/practices/public-practice/").text


def test_a_pending_member_is_never_named_on_a_practice(client):
    pending = make_member(name="Requesting town", status="pending", country="HU")
    make_practice(slug="with-pending", members=[pending])

    assert "Requesting town" not in client.get("/en/practices/with-pending/").text
    assert "Requesting town" not in client.get("/en/practices/").text
    assert "Requesting town" not in b"".join(client.get("/data/practices.csv")).decode()
    assert 'value="HU"' not in client.get("/en/practices/").text


@pytest.mark.parametrize("step", ["publish", "archive"])
def test_with_the_page_cache_on_the_public_sees_a_decision_at_once(
    client, public_cache, member, editor, step
):
    practice = make_practice(
        title="Cached practice",
        members=[member],
        status=Practice.Status.SUBMITTED if step == "publish" else Practice.Status.PUBLISHED,
    )
    urls = [
        "/en/practices/",
        member.get_absolute_url(),
        "/en/practices/feed/",
        "/data/practices.csv",
    ]
    before = {url: "Cached practice" in b"".join(client.get(url)).decode() for url in urls}

    if step == "publish":
        services.publish_practice(practice, by=editor)
    else:
        services.archive_practice(practice, by=editor)

    after = {url: "Cached practice" in b"".join(client.get(url)).decode() for url in urls}
    assert before == dict.fromkeys(urls, step == "archive")
    assert after == dict.fromkeys(urls, step == "publish")
