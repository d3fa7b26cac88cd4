"""The demo reads as an institution's site: invented but plausible names and texts (no "Sample"
titles, no placeholder surnames), dates that reach the present, documents of several pages, and
one note, on the about page, saying that the content is for demonstration."""

import datetime
import io
import re
import zlib

import pytest
from django.core.management import call_command
from django.utils import timezone

from declarations.models import Signature
from events.models import Event
from library.models import DocumentFile
from members.models import Member
from news.models import Article
from participants.models import ContactPerson
from practices.models import Practice

# Words of placeholder content, and the surnames used as placeholders ("John Doe").
PLACEHOLDER = re.compile(r"\b(sample|lorem|ipsum|test|dummy|placeholder)\b", re.IGNORECASE)
PLACEHOLDER_SURNAMES = {
    "Doe", "Example", "Mustermann", "Musterfrau", "Dupont", "Durand", "Bloggs", "Fulanez",
    "Nordmann", "Meikäläinen", "Kowalski", "Rossi", "Novák", "Jansen", "Sampleton",
}  # fmt: skip


@pytest.fixture
def demo(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    call_command("load_demo", stdout=io.StringIO())


def visible(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def test_no_title_text_or_name_of_the_demo_is_a_placeholder(demo):
    texts = [
        *Article.objects.values_list("title_en", "title_fr", "lead_en", "body_en", "body_fr"),
        *Event.objects.values_list("title_en", "title_fr", "summary_en", "programme_en"),
        *Practice.objects.values_list("title_en", "title_fr", "body_en", "body_fr"),
        *Member.objects.values_list("description_en", "description_fr", "contact_role"),
        *ContactPerson.objects.values_list("name", "role"),
    ]
    placeholders = [text for row in texts for text in row if text and PLACEHOLDER.search(text)]
    names = [
        *Signature.objects.values_list("full_name", flat=True),
        *Member.objects.values_list("contact_name", flat=True),
        *ContactPerson.objects.values_list("name", flat=True),
    ]

    assert not placeholders
    assert not [name for name in names if set(name.split()) & PLACEHOLDER_SURNAMES]
    assert len(set(names)) > 0.9 * len(names)  # people, not one name repeated


@pytest.mark.parametrize(
    "path", ["/en/", "/fr/", "/en/news/", "/en/events/", "/en/practices/", "/en/library/"]
)
def test_the_public_lists_show_no_sample(client, demo, path):
    assert not PLACEHOLDER.search(visible(client.get(path)))


def test_the_about_page_says_once_that_the_content_is_for_demonstration(client, demo):
    english = visible(client.get("/en/about/"))
    french = visible(client.get("/fr/about/"))
    call_command("load_demo", stdout=io.StringIO())

    assert "This site shows demonstration content." in english
    assert "Ce site présente un contenu de démonstration." in french
    assert visible(client.get("/en/about/")).count("demonstration content") == 1
    member = Member.objects.approved().order_by("name").first()
    assert "demonstration" not in visible(client.get(member.get_absolute_url()))


def test_the_demo_dates_reach_the_present(demo):
    today = timezone.localdate()
    recent = today - datetime.timedelta(days=45)

    articles = Article.objects.published().order_by("published_at")
    assert timezone.localdate(articles.last().published_at) >= today - datetime.timedelta(days=14)
    assert articles.first().published_at.year == 2018  # the CAHROM statement
    assert Article.objects.published().filter(published_at__date__gte=recent).count() >= 2
    assert timezone.localdate(Practice.objects.latest("published_at").published_at) >= recent
    assert Member.objects.approved().latest("joined_on").joined_on >= recent
    assert Member.objects.approved().earliest("joined_on").joined_on.year == 2013
    assert Signature.objects.public().latest("signed_on").signed_on >= recent
    assert Event.objects.published().upcoming().count() >= 2
    past = Event.objects.published().filter(ends_at__lt=timezone.now())
    assert past.filter(starts_at__date__gte=recent).exists()  # one held in the last weeks


def test_the_demo_documents_are_pdfs_of_several_pages(demo):
    files = DocumentFile.objects.all()

    assert files.count() >= 8
    for item in files:
        with item.file.open("rb") as handle:
            content = handle.read()
        assert content.startswith(b"%PDF-")
        assert page_count(content) >= 3, item.file.name


def page_count(pdf):
    """The page objects of a PDF, in its compressed object streams too (WeasyPrint keeps them
    there)."""
    parts = [pdf]
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.DOTALL):
        try:
            parts.append(zlib.decompress(stream))
        except zlib.error:
            continue  # a stream of another filter: no page object in it
    return sum(len(re.findall(rb"/Type\s*/Page\b", part)) for part in parts)
