"""Contact persons write drafts of their member's practices and submit them; staff publish or
return them, and the space shows the status and the staff's comment."""

import pytest
from django.core import mail

from practices import services as practice_services
from practices.models import Practice, Theme

from .conftest import SPACE

pytestmark = pytest.mark.django_db

DRAFT = {
    "title_en": "Housing desk",
    "title_fr": "",
    "summary_en": "A desk that helps families find housing.",
    "original_language": "en",
    "start_year": "2019",
}


def test_a_draft_is_saved_for_ones_member(signed_in, member, contact):
    response = signed_in.post(f"{SPACE}practices/new/", DRAFT)

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert practice.status == Practice.Status.DRAFT
    assert list(practice.members.all()) == [member]
    assert practice.submitter_email == contact.email
    assert "Housing desk" in signed_in.get(f"{SPACE}practices/").content.decode()
    assert not Practice.objects.published().exists()


def test_a_practice_written_in_french_only_has_a_title_everywhere(signed_in):
    signed_in.post(
        f"{SPACE}practices/new/",
        {**DRAFT, "title_en": "", "title_fr": "Guichet logement", "original_language": "fr"},
    )
    # Kept in French, and shown as it is on the English pages of the space.
    assert Practice.objects.get().title_fr == "Guichet logement"
    assert "Guichet logement" in signed_in.get(f"{SPACE}practices/").text


def test_a_refused_practice_form_keeps_what_was_typed(signed_in):
    response = signed_in.post(
        f"{SPACE}practices/new/",
        {**DRAFT, "title_en": "", "summary_en": "Kept summary", "end_year": "2010"},
    )

    page = response.content.decode()
    assert response.status_code == 400
    assert "Kept summary" in page
    assert "Give the practice a title" in page
    assert "The end year cannot come before the start year." in page
    assert not Practice.objects.exists()


def test_submit_then_staff_return_with_a_comment_then_publish(
    signed_in, secretariat, contact, client, django_capture_on_commit_callbacks
):
    Theme.objects.get_or_create(slug="housing", defaults={"name": "Housing"})[0]
    signed_in.post(f"{SPACE}practices/new/", DRAFT)
    practice = Practice.objects.get()
    mail.outbox.clear()

    signed_in.post(f"{SPACE}practices/{practice.pk}/submit/")
    practice.refresh_from_db()
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.submitter_email == contact.email
    # Submitted, it is no longer theirs to change.
    assert signed_in.get(f"{SPACE}practices/{practice.pk}/edit/").status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        practice_services.return_practice(practice, secretariat, "Add the results, please.")
    page = signed_in.get(f"{SPACE}practices/{practice.pk}/").content.decode()
    assert "Add the results, please." in page and "returned" in page
    assert any(m.to == [contact.email] for m in mail.outbox)

    signed_in.post(
        f"{SPACE}practices/{practice.pk}/edit/", {**DRAFT, "results_en": "Forty families housed."}
    )
    signed_in.post(f"{SPACE}practices/{practice.pk}/submit/")
    practice.refresh_from_db()
    assert practice.results == "Forty families housed."
    assert practice.status == Practice.Status.SUBMITTED

    practice_services.publish_practice(practice, secretariat)
    page = signed_in.get(f"{SPACE}practices/{practice.pk}/").content.decode()
    assert "published" in page
    assert client.get(practice.get_absolute_url()).status_code == 200


def test_an_image_that_is_not_one_is_refused_and_the_form_kept(signed_in):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("photo.jpg", b"MZ" + b"\x00" * 300, content_type="image/jpeg")
    response = signed_in.post(
        f"{SPACE}practices/new/", {**DRAFT, "image": fake, "image_alt": "A desk"}
    )

    assert response.status_code == 400
    assert "Housing desk" in response.content.decode()
    assert not Practice.objects.exists()


def test_a_draft_the_database_fails_to_finish_leaves_nothing_and_comes_back_as_typed(
    signed_in, member
):
    from django.db import DatabaseError, connection

    theme = Theme.objects.get_or_create(slug="housing", defaults={"name": "Housing"})[0]

    def refuse_linking_the_member(execute, sql, params, many, context):
        # The third step, linking the draft to its member, fails in the database.
        if sql.startswith("INSERT") and 'INTO "practices_practice_members"' in sql:
            raise DatabaseError("disk I/O error")
        return execute(sql, params, many, context)

    typed = {**DRAFT, "summary_en": "Kept when the database fails", "themes": [theme.pk]}
    with connection.execute_wrapper(refuse_linking_the_member):
        response = signed_in.post(f"{SPACE}practices/new/", typed)

    page = response.content.decode()
    assert response.status_code == 503
    assert "Kept when the database fails" in page
    assert "the site could not store it just now, and kept nothing of it" in page
    assert not Practice.objects.exists()
    assert not Practice.themes.through.objects.exists()

    again = signed_in.post(f"{SPACE}practices/new/", typed)

    assert again.status_code == 302
    assert list(Practice.objects.get().members.all()) == [member]
