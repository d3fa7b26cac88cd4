"""Private files stay private: nothing that is not public lies under the publicly served
MEDIA_ROOT; each file is sent to whom may read its document, practice, article or event (by
the rule its pages use), under a name no one can guess, and goes with its row."""

import io

import pytest
from django.core import checks
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.files import move_to_private
from core.images import rendition_name
from library.models import Document, DocumentFile
from news.models import Article
from participants import auth, services
from participants.models import ContactPerson, ProfileChangeRequest
from practices.models import Attachment, Practice
from tests.alliance.conftest import page_cache  # noqa: F401
from tests.factories import (
    add_file,
    make_article,
    make_document,
    make_event,
    make_member,
    make_practice,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


def files_under(folder):
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def jpeg(size=(1600, 900)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (30, 60, 110)).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def participant(client, django_user_model):
    """A signed-in contact person (the sign-in link's backend, as participants.auth has it)."""
    user = django_user_model.objects.create_user("zuzana")
    ContactPerson.objects.create(
        member=make_member(name="Košice"), name="Zuzana", email="z@kosice.example.sk", user=user
    )
    client.force_login(user, backend=auth.BACKEND)
    return client


@pytest.fixture
def staff(client, django_user_model):
    user = django_user_model.objects.create_superuser("secretariat", "s@example.org", "pw")
    client.force_login(user)
    return client


# Documents


@pytest.mark.parametrize(
    "fields",
    [{"participants_only": True}, {"status": Document.Status.DRAFT}],
    ids=["participants-only", "draft"],
)
def test_a_document_that_is_not_public_has_no_file_under_the_public_media(client, folders, fields):
    media, _private = folders
    make_document(slug="pb-2026", **fields)

    assert client.get("/en/library/pb-2026/").status_code == 404
    assert client.get("/en/library/pb-2026/en/").status_code == 404
    assert files_under(media) == []


def test_a_public_document_is_sent_to_anyone_and_may_be_kept_by_shared_caches(client, folders):
    make_document(slug="resolution-366")

    response = client.get("/en/library/resolution-366/en/")

    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")
    assert "public" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert files_under(folders[0]) == []


@pytest.mark.usefixtures("page_cache")
def test_the_page_cache_stops_sending_a_file_once_its_document_is_kept_for_participants(client):
    document = make_document(slug="pb-2026")
    assert client.get("/en/library/pb-2026/en/").status_code == 200
    assert client.get("/en/library/pb-2026/en/").status_code == 200  # from the page cache

    document.participants_only = True
    document.save()

    assert client.get("/en/library/pb-2026/en/").status_code == 404


@pytest.mark.usefixtures("page_cache")
def test_staff_previews_are_never_kept_by_the_page_cache(client, staff):
    make_document(slug="draft", status=Document.Status.DRAFT)
    assert staff.get("/en/library/draft/en/").status_code == 200

    staff.logout()

    assert client.get("/en/library/draft/en/").status_code == 404


def test_a_participants_document_is_sent_to_a_signed_in_participant_only(client, participant):
    make_document(slug="pb-2026", participants_only=True)

    response = participant.get("/en/participants/library/pb-2026/en/")

    assert response.status_code == 200
    assert body(response).startswith(b"%PDF")
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    participant.logout()
    assert client.get("/en/participants/library/pb-2026/en/").status_code == 302


def test_staff_who_may_view_documents_fetch_a_draft_never_kept_by_a_cache(staff):
    make_document(slug="draft", status=Document.Status.DRAFT)

    response = staff.get("/en/library/draft/en/")

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_deleted_document_takes_its_files_with_it(folders, django_capture_on_commit_callbacks):
    _media, private = folders
    document = make_document(languages=("en", "fr"))
    assert len(files_under(private)) == 2

    with django_capture_on_commit_callbacks(execute=True):
        document.delete()

    assert files_under(private) == []


def test_a_replaced_file_is_deleted(folders, django_capture_on_commit_callbacks):
    _media, private = folders
    item = make_document(languages=("en",)).files.get()
    old = item.file.name

    with django_capture_on_commit_callbacks(execute=True):
        item.file.save("new.pdf", ContentFile(PDF))

    assert files_under(private) == [item.file.name]
    assert item.file.name != old


# Names


def test_a_file_is_named_by_its_content_and_never_by_its_uploader(client):
    document = make_document(slug="report", languages=())
    item = add_file(document, "en")
    item.file.save("report.html", ContentFile(PDF))

    response = client.get("/en/library/report/en/")

    assert item.file.name.endswith(".pdf") and "report" not in item.file.name
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="report-en.pdf"'
    assert "sandbox" in response["Content-Security-Policy"]


def test_an_office_file_is_downloaded_never_shown(client):
    practice = make_practice(slug="school-mediators")
    attachment = Attachment(practice=practice, title="Budget sheet")
    attachment.file.save("budget.html", ContentFile(b"PK\x03\x04" + b"\x00" * 60), save=False)
    attachment.save()

    response = client.get(f"/en/practices/school-mediators/files/{attachment.pk}/")

    assert not attachment.file.name.endswith(".html")
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


def test_two_uploads_of_the_same_name_get_different_unguessable_names():
    first = make_document(languages=("en",)).files.get().file.name
    second = make_document(languages=("en",)).files.get().file.name

    assert first != second
    assert len(first.rsplit("/", 1)[1].split(".")[0]) >= 20


# Practices' files


def test_a_draft_practice_s_files_are_not_sent_until_it_is_published(client, folders):
    practice = make_practice(slug="draft-practice", status=Practice.Status.DRAFT)
    attachment = Attachment(practice=practice, title="Report")
    attachment.file.save("report.pdf", ContentFile(PDF), save=False)
    attachment.save()
    address = f"/en/practices/draft-practice/files/{attachment.pk}/"

    assert client.get(address).status_code == 404
    assert files_under(folders[0]) == []

    Practice.objects.filter(pk=practice.pk).update(
        status=Practice.Status.PUBLISHED, published_at="2026-01-01T00:00Z"
    )
    assert client.get(address).status_code == 200


# Pictures


def picture_addresses(html):
    import re

    return re.findall(r'(?:src|srcset)="([^" ]+)', html) + re.findall(r", (/pictures/\S+) ", html)


def test_a_draft_practice_s_image_and_its_renditions_are_not_sent(client, folders):
    media, _private = folders
    practice = make_practice(status=Practice.Status.DRAFT, image=jpeg(), image_alt="A class")
    original = f"/pictures/{practice.image.name}"
    copy = f"/pictures/{rendition_name(practice.image.name, 480)}"

    assert client.get(original).status_code == 404
    assert client.get(copy).status_code == 404
    assert files_under(media) == []

    practice.status = Practice.Status.PUBLISHED
    practice.published_at = practice.created_at
    practice.save()
    assert client.get(original).status_code == 200
    response = client.get(copy)
    assert response.status_code == 200 and response["Content-Type"] == "image/webp"


def test_a_participant_sees_the_image_of_their_own_draft_practice_and_no_other_member_s(
    participant,
):
    own_member = ContactPerson.objects.get(name="Zuzana").member
    own = make_practice(status=Practice.Status.DRAFT, image=jpeg(), image_alt="A class")
    own.members.add(own_member)
    other = make_practice(status=Practice.Status.DRAFT, image=jpeg(), image_alt="A school")
    other.members.add(make_member(name="Graz"))

    assert participant.get(f"/pictures/{own.image.name}").status_code == 200
    assert participant.get(f"/pictures/{rendition_name(own.image.name, 480)}").status_code == 200
    assert participant.get(f"/pictures/{other.image.name}").status_code == 404


def test_the_page_of_a_published_article_shows_pictures_that_load(client):
    article = make_article(slug="seminar", image=jpeg(), image_alt="Delegates")

    html = client.get(article.get_absolute_url()).content.decode()

    addresses = {a for a in picture_addresses(html) if a.startswith("/pictures/")}
    assert len(addresses) == 3  # 480, 960 and 1440 px wide
    for address in addresses:
        assert client.get(address).status_code == 200


def test_a_participants_article_s_image_goes_to_participants_and_staff_only(
    client, participant, django_user_model
):
    article = make_article(participants_only=True, image=jpeg(), image_alt="Delegates")
    address = f"/pictures/{article.image.name}"

    assert participant.get(address).status_code == 200
    participant.logout()
    assert client.get(address).status_code == 404
    client.force_login(django_user_model.objects.create_superuser("boss", "b@example.org", "x"))
    assert client.get(address).status_code == 200


def test_a_draft_event_s_image_is_not_sent(client):
    event = make_event(status="draft", image=jpeg(), image_alt="The hall")

    assert client.get(f"/pictures/{event.image.name}").status_code == 404


def test_an_unknown_picture_is_not_found(client):
    assert client.get("/pictures/news/2026/nothing.jpg").status_code == 404
    assert client.get("/pictures/library/x.pdf").status_code == 404
    assert client.get("/pictures/news/2026/nothing.480w.webp").status_code == 404


def test_a_replaced_picture_goes_with_its_renditions(folders, django_capture_on_commit_callbacks):
    _media, private = folders
    article = make_article(image=jpeg(), image_alt="Delegates")
    old = files_under(private)
    assert len(old) == 4

    with django_capture_on_commit_callbacks(execute=True):
        article.image = jpeg()
        article.save()
    with django_capture_on_commit_callbacks(execute=True):
        Article.objects.get(pk=article.pk).delete()

    assert files_under(private) == []


# Logos


def test_a_proposed_logo_is_private_until_approved_then_public(
    client, staff, folders, django_capture_on_commit_callbacks
):
    media, private = folders
    member = make_member(name="Košice")
    request = ProfileChangeRequest(member=member, changes={})
    buffer = io.BytesIO()
    Image.new("RGB", (200, 100), "red").save(buffer, "PNG")
    request.logo.save("logo.png", ContentFile(buffer.getvalue()))
    address = request.logo.url

    assert files_under(media) == []
    assert staff.get(address).status_code == 200
    staff.logout()
    assert client.get(address).status_code == 404

    with django_capture_on_commit_callbacks(execute=True):
        services.approve_change_request(request, by=None)

    member.refresh_from_db()
    assert files_under(media) == [member.logo.name]
    assert files_under(private) == []
    assert client.get(address).status_code == 404
    assert not ProfileChangeRequest.objects.get().logo


def test_a_rejected_request_s_logo_is_deleted(folders, django_capture_on_commit_callbacks):
    _media, private = folders
    request = ProfileChangeRequest(member=make_member(name="Lyon"), changes={})
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(buffer, "PNG")
    request.logo.save("logo.png", ContentFile(buffer.getvalue()))
    assert len(files_under(private)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.reject_change_request(request, by=None, reason="Not our logo.")

    assert files_under(private) == []


# The front server


def test_the_front_server_sends_the_file_when_configured(client, settings):
    settings.PRIVATE_MEDIA_ACCEL_PREFIX = "/_private/"
    item = make_document(slug="resolution-366").files.get()

    response = client.get("/en/library/resolution-366/en/")

    assert response["X-Accel-Redirect"] == f"/_private/{item.file.name}"
    assert response.content == b""
    assert response["Content-Type"] == "application/pdf"
    assert "no-cache" in response["Cache-Control"]  # never kept empty by the page cache


def test_private_files_may_not_lie_under_the_public_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"

    assert [error.id for error in checks.run_checks(tags=["security"])] == ["core.E001"]


# Files stored before


def test_files_stored_in_the_public_media_move_to_the_private_storage(folders):
    media, private = folders
    document = make_document(languages=())
    # As the rows and files were before: in MEDIA_ROOT, named by the uploader.
    moved, missing = DocumentFile.objects.bulk_create(
        [
            DocumentFile(document=document, language="en", file="library/x/en.pdf"),
            DocumentFile(document=document, language="fr", file="library/x/fr.pdf"),
        ]
    )
    storages["default"].save("library/x/en.pdf", ContentFile(PDF))

    move_to_private(DocumentFile, "file")

    moved.refresh_from_db()
    missing.refresh_from_db()
    assert files_under(media) == []
    assert files_under(private) == [moved.file.name]
    assert moved.file.name.endswith(".pdf") and moved.file.name != "library/x/en.pdf"
    assert missing.file.name == "library/x/fr.pdf"
