"""Staff write practices in the admin, move them through the workflow with its actions, and
attach files that are checked by what they contain."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from practices.models import Practice
from tests.factories import make_practice

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
CHANGELIST = reverse("admin:practices_practice_changelist")


def form_data(**fields):
    data = {
        "title_en": "Roma health mediators",
        "title_fr": "",
        "slug": "",
        "summary_en": "Mediators between Roma families and the health services.",
        "summary_fr": "",
        "body_en": "",
        "body_fr": "",
        "original_language": "en",
        "start_year": "2016",
        "end_year": "",
        "links-TOTAL_FORMS": "0",
        "links-INITIAL_FORMS": "0",
        "attachments-TOTAL_FORMS": "1",
        "attachments-INITIAL_FORMS": "0",
        "attachments-0-title": "Evaluation",
        "attachments-0-language": "en",
        "attachments-0-position": "0",
    }
    for name in ("target_groups", "partners", "results", "lessons", "contact_role", "image_alt"):
        data[f"{name}_en"] = data[f"{name}_fr"] = ""
    data.update(budget="", funding="", contact_email="")
    data.update(fields)
    return data


def add(client, upload):
    return client.post(
        reverse("admin:practices_practice_add"), form_data(**{"attachments-0-file": upload})
    )


def test_an_editor_adds_a_practice_with_a_pdf_as_a_draft(client, editor, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)

    response = add(client, SimpleUploadedFile("evaluation.pdf", PDF, "application/pdf"))

    assert response.status_code == 302, response.content
    practice = Practice.objects.get()
    assert practice.status == Practice.Status.DRAFT
    assert practice.attachments.get().size == len(PDF)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("report.pdf", EXE, "application/pdf"),
            "This file is not one of the accepted kinds",
        ),
        (
            SimpleUploadedFile("logo.svg", SVG, "image/svg+xml"),
            "This file is not one of the accepted kinds",
        ),
        (
            SimpleUploadedFile("big.pdf", PDF + b" " * 500, "application/pdf"),
            "files may be 100\xa0bytes at most",
        ),
    ],
    ids=["executable-renamed-pdf", "svg-with-script", "oversized"],
)
def test_a_hostile_upload_is_refused_with_a_clear_message(
    client, editor, tmp_path, settings, upload, message
):
    settings.MEDIA_ROOT = tmp_path
    settings.MAX_UPLOAD_BYTES = 100 if upload.name == "big.pdf" else settings.MAX_UPLOAD_BYTES
    client.force_login(editor)

    response = add(client, upload)

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Practice.objects.exists()
    assert not list(tmp_path.rglob("*.*"))


def test_an_svg_image_with_script_is_refused(client, editor, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(editor)
    data = form_data(
        **{"attachments-TOTAL_FORMS": "0"},
        image=SimpleUploadedFile("photo.png", SVG, "image/png"),
        image_alt_en="A photo",
    )

    response = client.post(reverse("admin:practices_practice_add"), data)

    assert response.status_code == 200
    assert not Practice.objects.exists()


def test_the_status_is_not_typed_in_the_form(client, editor):
    practice = make_practice(status=Practice.Status.DRAFT)
    client.force_login(editor)

    client.post(
        reverse("admin:practices_practice_change", args=[practice.pk]),
        form_data(status="published", **{"attachments-TOTAL_FORMS": "0"}),
    )

    practice.refresh_from_db()
    assert practice.status == Practice.Status.DRAFT


def test_a_practice_written_in_french_only_is_saved_and_one_without_a_title_is_not(client, editor):
    client.force_login(editor)
    french_only = form_data(
        title_en="",
        title_fr="Médiatrices de santé roms",
        summary_en="",
        summary_fr="Des médiatrices entre les familles roms et les services de santé.",
        original_language="fr",
        **{"attachments-TOTAL_FORMS": "0"},
    )

    saved = client.post(reverse("admin:practices_practice_add"), french_only)
    untitled = client.post(
        reverse("admin:practices_practice_add"),
        form_data(title_en="", **{"attachments-TOTAL_FORMS": "0"}),
    )

    assert saved.status_code == 302
    practice = Practice.objects.get(title_fr="Médiatrices de santé roms")
    assert practice.slug == "mediatrices-de-sante-roms"
    assert untitled.status_code == 200
    assert "Give the practice a title, in English or in French." in untitled.content.decode()
    assert Practice.objects.count() == 1


def test_the_actions_move_practices_through_the_workflow_and_say_what_they_did(client, editor):
    draft = make_practice(status=Practice.Status.DRAFT)
    published = make_practice(status=Practice.Status.PUBLISHED)
    client.force_login(editor)

    response = client.post(
        CHANGELIST,
        {"action": "publish_selected", "_selected_action": [draft.pk, published.pk]},
        follow=True,
    )

    assert (
        "1 practice published, 1 could not take this step and was left as it was." in response.text
    )
    draft.refresh_from_db()
    assert draft.status == Practice.Status.PUBLISHED


def test_returning_asks_for_the_comment_first(
    client, editor, mailoutbox, django_capture_on_commit_callbacks
):
    practice = make_practice(
        status=Practice.Status.SUBMITTED, submitter_email="office@town.example.org"
    )
    client.force_login(editor)
    data = {"action": "return_selected", "_selected_action": [practice.pk]}

    asked = client.post(CHANGELIST, data)
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(
            CHANGELIST, {**data, "post": "yes", "comment": "Add the budget."}, follow=True
        )

    assert "Return practices to their submitters" in asked.text
    assert "1 practice returned." in done.text
    practice.refresh_from_db()
    assert practice.status == Practice.Status.RETURNED
    assert [message.to for message in mailoutbox] == [["office@town.example.org"]]


def test_staff_without_the_publish_permission_cannot_publish(client, django_user_model):
    from django.contrib.auth.models import Permission

    writer = django_user_model.objects.create_user("writer", is_staff=True)
    writer.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_practice", "change_practice"])
    )
    practice = make_practice(status=Practice.Status.SUBMITTED)
    client.force_login(writer)

    client.post(CHANGELIST, {"action": "publish_selected", "_selected_action": [practice.pk]})

    practice.refresh_from_db()
    assert practice.status == Practice.Status.SUBMITTED


def test_the_news_editors_may_publish_practices_too(django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("news-editor", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))

    assert user.has_perm("practices.publish_practice")
    assert not user.has_perm("practices.delete_practice")


def test_every_change_is_in_the_history(client, editor):
    practice = make_practice(status=Practice.Status.DRAFT)
    client.force_login(editor)

    response = client.get(reverse("admin:practices_practice_history", args=[practice.pk]))

    assert response.status_code == 200
    assert practice.history.count() >= 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans")
def test_the_admin_list_reads_its_first_page_from_an_index():
    Practice.objects.bulk_create(
        Practice(
            title=f"Practice {n}",
            slug=f"practice-{n}",
            summary="A practice.",
            start_year=2015,
            status=(Practice.Status.PUBLISHED, Practice.Status.DRAFT)[n % 2],
            published_at=timezone.now() - datetime.timedelta(hours=n) if n % 2 == 0 else None,
        )
        for n in range(4000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE practices_practice")

    # The admin's order: the model's, newest first, whatever the status.
    plan = Practice.objects.all()[:100].explain()

    # Not every practice read and sorted to show the first hundred.
    assert "practices_pub_idx" in plan, plan


def test_the_admin_search_finds_words_of_any_language_without_accents_or_the_slug(admin_client):
    make_practice(title="École des médiatrices", title_fr="École des médiatrices")
    make_practice(title="Housing", body="Roma families moved to new homes in Cluj.")
    slugged = make_practice(title="Summer school")
    make_practice(title="Unrelated")

    def found(term):
        content = admin_client.get(CHANGELIST, {"q": term}).content.decode()
        return sorted(re.findall(r'<th class="field-title"><a [^>]*>([^<]+)</a>', content))

    assert found("ecole mediatrices") == ["École des médiatrices"]
    assert found("cluj") == ["Housing"]
    assert found(slugged.slug) == ["Summer school"]
