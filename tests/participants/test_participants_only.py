"""Articles and documents kept for the participants: in the space, nowhere public."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from library.models import Document, DocumentFile
from news.models import Article
from tests.factories import make_article

from .conftest import SPACE

pytestmark = pytest.mark.django_db

TITLE = "Minutes of the participants’ meeting"


@pytest.fixture
def kept():
    return make_article(title=TITLE, participants_only=True)


@pytest.fixture
def document():
    document = Document.objects.create(
        title="Internal guide",
        status=Document.Status.PUBLISHED,
        participants_only=True,
        published_on=datetime.date(2024, 1, 1),
    )
    DocumentFile.objects.create(
        document=document, language="en", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf")
    )
    return document


def public_responses(client, article):
    urls = [
        "/en/news/",
        "/en/news/feed/",
        "/en/news/feed/atom/",
        "/sitemap.xml",
        "/en/search/?q=minutes",
        "/en/",
        article.get_absolute_url(),
    ]
    return {url: client.get(url) for url in urls}


def test_a_participants_only_article_is_nowhere_public(client, kept):
    make_article(title="Public news")
    for url, response in public_responses(client, kept).items():
        if url == kept.get_absolute_url():
            assert response.status_code == 404
        else:
            assert response.status_code == 200, url
            assert TITLE.encode() not in response.content, url
    assert not Article.objects.published().filter(pk=kept.pk).exists()


def test_nowhere_public_with_the_page_cache_on_either(public_cache, client, kept):
    test_a_participants_only_article_is_nowhere_public(client, kept)


def test_the_space_shows_the_article_and_the_document(signed_in, kept, document):
    listing = signed_in.get(f"{SPACE}news/").content.decode()
    article = signed_in.get(f"{SPACE}news/{kept.slug}/")
    file = signed_in.get(f"{SPACE}library/{document.slug}/en/")

    assert "Minutes of the participants’ meeting" in listing and "Internal guide" in listing
    assert article.status_code == 200
    assert file.status_code == 200 and file["Content-Type"] == "application/pdf"


def test_the_documents_file_is_refused_to_the_public(client, document):
    assert client.get(f"/en/library/{document.slug}/en/").status_code == 404
    assert client.get(f"{SPACE}library/{document.slug}/en/").status_code == 302


def test_a_scheduled_or_draft_article_is_not_shown_in_the_space_either(signed_in):
    make_article(
        title="Scheduled minutes",
        participants_only=True,
        published_at=timezone.now() + datetime.timedelta(days=1),
    )
    make_article(title="Draft minutes", participants_only=True, status=Article.Status.DRAFT)

    listing = signed_in.get(f"{SPACE}news/").content.decode()

    assert "Scheduled minutes" not in listing and "Draft minutes" not in listing


def test_a_public_article_opened_in_the_space_goes_to_its_public_page(signed_in):
    article = make_article(title="Open news")
    response = signed_in.get(f"{SPACE}news/{article.slug}/")
    assert response.status_code == 302
    assert response["Location"] == article.get_absolute_url()


def test_staff_can_make_an_article_public_again_and_publish_now_is_not_offered(staff_client, kept):
    page = staff_client.get(f"/admin/news/article/{kept.pk}/change/").content.decode()
    assert "participants_only" in page
    assert "Publish now" not in page
