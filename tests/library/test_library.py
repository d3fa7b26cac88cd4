import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from declarations.demo import ensure_declaration
from library.demo import minimal_pdf
from library.models import Document, DocumentFile
from tests.factories import add_file, make_document, make_event, make_theme

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+">([^<]+)</a>', html)


def test_the_list_shows_public_documents_only(client):
    make_document(title="Adopted")
    make_document(title="Draft text", status=Document.Status.DRAFT)
    make_document(title="For participants", participants_only=True)

    html = client.get("/en/library/").content.decode()

    assert titles(html) == ["Adopted"]


def test_filters_by_type_year_theme_and_language(client):
    housing = make_theme("housing", "Housing")
    wanted = make_document(title="Wanted", languages=["en", "ro"], published_on="2014-03-26")
    wanted.themes.add(housing)
    make_document(title="No Romanian", languages=["en"], published_on="2014-03-26").themes.add(
        housing
    )
    make_document(title="Other year", languages=["ro"], published_on="2015-03-26")
    make_document(
        title="A report", languages=["ro"], kind=Document.Kind.REPORT, published_on="2014-03-26"
    )

    html = client.get(
        "/en/library/?type=resolution&year=2014&theme=housing&language=ro"
    ).content.decode()

    assert titles(html) == ["Wanted"]
    assert '<option value="ro" selected lang="ro">Română</option>' in html


def test_search_is_accent_insensitive_and_reads_the_reference(client):
    make_document(title="Situation des Roms en Roumanie", reference="Resolution 366 (2014)")
    make_document(title="Other")

    assert titles(client.get("/en/library/?q=roumanie").content.decode()) == [
        "Situation des Roms en Roumanie"
    ]
    assert titles(client.get("/en/library/?q=366").content.decode()) == [
        "Situation des Roms en Roumanie"
    ]
    assert [d.title for d in Document.objects.published().search("ROUMANIE")] == [
        "Situation des Roms en Roumanie"
    ]


def test_the_page_lists_each_language_in_its_own_name_with_hreflang(client):
    document = make_document(languages=["fr", "ro", "en"])

    html = client.get(document.get_absolute_url()).content.decode()
    html = html.split('id="files-title"', 1)[1].split("</section>", 1)[0]

    links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">([^<]+)</a>', html)
    assert [(lang, name) for _href, lang, name in links] == [
        ("en", "English"),
        ("fr", "Français"),
        ("ro", "Română"),
    ]
    assert links[2][0] == f"/en/library/{document.slug}/ro/"


def test_a_file_is_served_so_that_nothing_in_it_runs(client):
    document = make_document(languages=["ro"])

    response = client.get(f"/en/library/{document.slug}/ro/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_files_of_drafts_and_participants_documents_are_not_served(client):
    draft = make_document(status=Document.Status.DRAFT)
    private = make_document(participants_only=True)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(private.get_absolute_url()).status_code == 404
    assert client.get(f"/en/library/{draft.slug}/en/").status_code == 404
    assert client.get(f"/en/library/{private.slug}/en/").status_code == 404


def test_participants_documents_are_in_the_participants_queryset_only():
    private = make_document(participants_only=True)

    assert private not in Document.objects.published()
    assert private in Document.objects.for_participants()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 200),  # a Windows executable
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("image.pdf", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
    ],
)
def test_hostile_uploads_are_refused_whatever_their_name(name, content):
    document = make_document(languages=[])
    item = DocumentFile(document=document, language="en", file=SimpleUploadedFile(name, content))

    with pytest.raises(ValidationError) as error:
        item.full_clean()

    assert "file" in error.value.message_dict


def test_a_pdf_upload_is_accepted_and_its_size_kept():
    document = make_document(languages=[])
    content = minimal_pdf("ok")
    item = DocumentFile(
        document=document, language="ro", file=SimpleUploadedFile("anything.bin", content)
    )

    item.full_clean()
    item.save()

    assert item.size == len(content)


def test_one_file_per_language():
    document = make_document(languages=["en"])
    duplicate = DocumentFile(
        document=document, language="en", file=SimpleUploadedFile("a.pdf", minimal_pdf("a"))
    )

    with pytest.raises(ValidationError):
        duplicate.full_clean()


def test_the_declaration_page_and_form_link_to_its_copies_in_every_language(client):
    declaration = ensure_declaration()
    make_document(
        kind=Document.Kind.DECLARATION, declaration=declaration, languages=["ro", "en", "hu"]
    )
    make_document(
        kind=Document.Kind.DECLARATION,
        declaration=declaration,
        status=Document.Status.DRAFT,
        languages=["de"],
    )

    for path in ["/en/declaration/", "/en/declaration/sign/"]:
        html = client.get(path).content.decode()
        assert "Read the Declaration in your language" in html
        section = html.split("Read the Declaration in your language", 1)[1].split("</section>")[0]
        assert re.findall(r'hreflang="(\w+)"', section) == ["en", "hu", "ro"]


def test_an_event_page_lists_its_public_documents(client):
    event = make_event()
    make_document(title="Conclusions").events.add(event)
    make_document(title="Unpublished notes", status=Document.Status.DRAFT).events.add(event)

    html = client.get(event.get_absolute_url()).content.decode()

    assert "Conclusions" in html
    assert "Unpublished notes" not in html


def test_the_sitemap_lists_public_documents_only(client):
    public = make_document()
    private = make_document(participants_only=True)

    xml = client.get("/sitemap.xml").content.decode()

    assert f"/en/library/{public.slug}/" in xml
    assert f"/library/{private.slug}/" not in xml


def test_a_new_file_shows_at_once_with_the_page_cache_on(client, public_cache):
    document = make_document(languages=["en"])
    assert "Magyar" not in client.get(document.get_absolute_url()).content.decode()

    add_file(document, "hu")

    assert "Magyar" in client.get(document.get_absolute_url()).content.decode()


def make_many(count):
    theme = make_theme("education", "Education")
    Document.objects.bulk_create(
        Document(
            title=f"Bulk {n}",
            slug=f"bulk-{n}",
            status=Document.Status.PUBLISHED,
            published_on=f"{2000 + n % 20}-01-01",
            kind=Document.Kind.REPORT,
        )
        for n in range(count)
    )
    documents = list(Document.objects.all())
    Document.themes.through.objects.bulk_create(
        Document.themes.through(document=document, theme=theme) for document in documents
    )
    DocumentFile.objects.bulk_create(
        DocumentFile(
            document=document, language=language, file=f"library/x/{language}.pdf", size=10
        )
        for document in documents
        for language in ("en", "ro")
    )


@pytest.mark.parametrize("count", [10, 300])
@pytest.mark.parametrize(
    "query", ["", "?type=report&year=2001&theme=education&language=ro&q=bulk&page=1"]
)
def test_the_list_takes_a_constant_number_of_queries(
    client, django_assert_max_num_queries, count, query
):
    make_many(count)

    with django_assert_max_num_queries(7):
        response = client.get(f"/en/library/{query}")

    assert response.status_code == 200


def test_the_list_reads_the_files_of_its_page_only(client):
    """The files of a page's documents come from their own table: sorting them by the
    documents' dates would read every document in the library on each page."""
    make_many(30)
    first_page = list(Document.objects.published()[:20])

    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/library/").content.decode()

    files_sql = [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].startswith('SELECT "library_documentfile".')
    ]
    assert len(files_sql) == 1
    assert '"library_document"' not in files_sql[0].split("WHERE")[0]
    for document in first_page:  # each still lists its languages, in their order
        assert f'href="/en/library/{document.slug}/en/"' in html
        assert html.index(f"/{document.slug}/en/") < html.index(f"/{document.slug}/ro/")


@pytest.mark.parametrize("languages", [["en"], ["en", "fr", "ro", "hu", "de", "bg", "sk", "el"]])
def test_the_document_page_takes_a_constant_number_of_queries(
    client, django_assert_max_num_queries, languages
):
    document = make_document(languages=languages)
    document.events.add(*(make_event() for _ in range(len(languages))))

    with django_assert_max_num_queries(7):
        response = client.get(document.get_absolute_url())

    assert response.status_code == 200


def test_the_feed_lists_public_documents_only(client):
    import feedparser

    make_document(title="In the feed", reference="Resolution 366 (2014)")
    make_document(title="Draft text", status=Document.Status.DRAFT)
    make_document(title="Participants text", participants_only=True)

    feed = feedparser.parse(client.get("/en/library/feed/").content)

    assert [entry.title for entry in feed.entries] == ["Resolution 366 (2014): In the feed"]
