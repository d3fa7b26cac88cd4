"""Files and links of a practice are added in the participants' space with the practice: the
files are checked by their content and kept in the private storage, sent to the member's
contact persons and the secretariat until the practice is published, then to everyone. A
contact removes one as they add it; only drafts and returned practices change."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from practices import services as practice_services
from practices.models import Attachment, Practice, PracticeLink
from tests.factories import make_practice

from .conftest import SPACE, sign_in

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
DRAFT = {"title_en": "Housing desk", "original_language": "en", "start_year": "2019"}


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def management(prefix, total, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def with_a_file_and_a_link(**fields):
    return {
        **DRAFT,
        **management("files", 1),
        "files-0-file": SimpleUploadedFile("evaluation.pdf", PDF, content_type="application/pdf"),
        "files-0-title": "Evaluation 2023",
        "files-0-language": "en",
        **management("links", 1),
        "links-0-url": "https://kosice.example.sk/housing",
        "links-0-title": "The desk’s page",
        **fields,
    }


def files_under(folder):
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def test_a_file_and_a_link_added_in_the_space_are_public_only_once_published(
    signed_in, secretariat, folders, django_capture_on_commit_callbacks
):
    signed_in.post(f"{SPACE}practices/new/", with_a_file_and_a_link())

    practice = Practice.objects.get()
    attachment = Attachment.objects.get(practice=practice)
    assert attachment.title == "Evaluation 2023"
    assert PracticeLink.objects.get(practice=practice).url == "https://kosice.example.sk/housing"
    # In the private storage, under a name no one can guess; nothing in the public folder.
    media, private = folders
    assert files_under(media) == []
    assert [path.suffix for path in files_under(private)] == [".pdf"]
    assert "evaluation" not in attachment.file.name
    public_file = attachment.get_absolute_url()

    # Before publication: the contact reaches it from the space, the public nowhere.
    anonymous = Client()
    assert anonymous.get(public_file).status_code == 404
    assert anonymous.get(practice.get_absolute_url()).status_code == 404
    own = signed_in.get(f"{SPACE}practices/{practice.pk}/files/{attachment.pk}/")
    assert own.status_code == 200 and body(own) == PDF
    assert "no-store" in own["Cache-Control"]
    page = signed_in.get(f"{SPACE}practices/{practice.pk}/").text
    assert "Evaluation 2023" in page and "The desk’s page" in page

    with django_capture_on_commit_callbacks(execute=True):
        practice_services.publish_practice(practice, secretariat)

    page = anonymous.get(practice.get_absolute_url()).text
    assert f'<a href="{public_file}" hreflang="en">Evaluation 2023</a>' in page
    assert '<a href="https://kosice.example.sk/housing" rel="noopener">The desk’s page</a>' in page
    assert body(anonymous.get(public_file)) == PDF


def test_the_preview_links_the_files_through_the_space(signed_in):
    signed_in.post(f"{SPACE}practices/new/", with_a_file_and_a_link(preview="1"))
    practice = Practice.objects.get()
    attachment = practice.attachments.get()

    page = signed_in.get(f"{SPACE}practices/{practice.pk}/preview/").text

    own = f"{SPACE}practices/{practice.pk}/files/{attachment.pk}/"
    assert f'href="{own}"' in page
    assert signed_in.get(own).status_code == 200


def test_a_file_that_is_not_what_its_name_says_is_refused(signed_in):
    data = with_a_file_and_a_link()
    data["files-0-file"] = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200)

    response = signed_in.post(f"{SPACE}practices/new/", data)

    assert response.status_code == 400
    summary = response.text.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_files-0-file">File 1, file</a>' in summary
    assert "not one of the accepted kinds" in summary
    assert not Attachment.objects.exists() and not Practice.objects.exists()


def test_a_file_without_a_name_is_named_after_the_uploaded_one(signed_in):
    signed_in.post(
        f"{SPACE}practices/new/",
        with_a_file_and_a_link(**{"files-0-title": "", "links-0-title": ""}),
    )

    assert Attachment.objects.get().title == "evaluation"
    assert PracticeLink.objects.get().title == "https://kosice.example.sk/housing"


@pytest.fixture
def draft(member):
    practice = make_practice(title="Housing desk", status=Practice.Status.DRAFT, members=[member])
    attachment = Attachment(practice=practice, title="Old plan", language="en")
    attachment.file.save("plan.pdf", ContentFile(PDF), save=False)
    attachment.save()
    PracticeLink.objects.create(practice=practice, title="Old page", url="https://old.example/")
    return practice


def existing(practice, **fields):
    attachment, link = practice.attachments.get(), practice.links.get()
    return {
        **DRAFT,
        **management("files", 2, initial=1),
        "files-0-id": str(attachment.pk),
        "files-0-title": attachment.title,
        "files-0-language": "en",
        "files-1-language": "en",  # the empty row, as a browser sends it
        **management("links", 2, initial=1),
        "links-0-id": str(link.pk),
        "links-0-url": link.url,
        "links-0-title": link.title,
        **fields,
    }


def test_a_contact_removes_a_file_and_a_link(signed_in, draft, folders):
    page = signed_in.get(f"{SPACE}practices/{draft.pk}/edit/").text
    assert "Old plan" in page and 'name="files-0-DELETE"' in page

    signed_in.post(
        f"{SPACE}practices/{draft.pk}/edit/",
        existing(draft, **{"files-0-DELETE": "on", "links-0-DELETE": "on"}),
    )

    assert not draft.attachments.exists() and not draft.links.exists()


def test_a_post_without_its_files_and_links_changes_none_of_them(signed_in, draft):
    response = signed_in.post(f"{SPACE}practices/{draft.pk}/edit/", DRAFT)

    assert response.status_code == 302
    assert draft.attachments.count() == 1 and draft.links.count() == 1


def test_another_members_contact_gets_none_of_the_files(client, other_contact, draft):
    attachment = draft.attachments.get()
    sign_in(client, other_contact.email)

    assert client.get(f"{SPACE}practices/{draft.pk}/files/{attachment.pk}/").status_code == 404
    assert client.get(attachment.get_absolute_url()).status_code == 404


def test_files_of_a_submitted_practice_no_longer_change(signed_in, draft, contact):
    practice_services.submit_practice(draft, by_contact=contact)

    response = signed_in.post(
        f"{SPACE}practices/{draft.pk}/edit/", existing(draft, **{"files-0-DELETE": "on"})
    )

    assert response.status_code == 302
    assert draft.attachments.count() == 1


def test_no_more_than_ten_files(signed_in):
    data = {**DRAFT, **management("files", 11)}
    for number in range(11):
        data[f"files-{number}-file"] = SimpleUploadedFile(f"f{number}.pdf", PDF)

    response = signed_in.post(f"{SPACE}practices/new/", data)

    assert response.status_code == 400
    assert not Attachment.objects.exists()
