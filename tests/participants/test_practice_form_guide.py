"""The practice form of the participants' space reads like a guide: sections with headings,
languages named in words, one original language (the interface's unless the contact chooses
another) and the other as an optional translation, help in plain words for each field, its
errors listed at the top; and a preview that shows the draft as its public page will be."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from participants.forms import PracticeForm
from practices.models import Practice
from tests.factories import make_practice

from .conftest import SPACE, sign_in

pytestmark = pytest.mark.django_db

NEW = f"{SPACE}practices/new/"
DRAFT = {
    "title_en": "Housing desk",
    "summary_en": "A desk that helps families find housing.",
    "original_language": "en",
    "start_year": "2019",
}


def jpeg():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (30, 60, 110)).save(buffer, "JPEG")
    return SimpleUploadedFile("photo.jpg", buffer.getvalue(), content_type="image/jpeg")


def section(page, anchor):
    """The HTML of one section of the guide (or of the translation, "translation-fr")."""
    found = re.search(rf'<(section|details)[^>]* id="{anchor}"[^>]*>(.*?)</\1>', page, re.S)
    assert found, anchor
    return found.group(2)


def headings(page):
    return [
        " ".join(re.sub(r"<[^>]+>", " ", heading).split())
        for heading in re.findall(r'<h2 id="[a-z]+-title" class="h4">(.*?)</h2>', page, re.S)
    ]


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def test_the_form_is_in_sections_with_headings(signed_in):
    page = signed_in.get(NEW).text

    assert headings(page) == [
        "1 What",
        "2 Where and when",
        "3 Results and lessons",
        "4 Contact and files",
    ]
    for anchor, fields in {
        "what": ["title_en", "summary_en", "body_en", "themes"],
        "where": ["start_year", "end_year", "target_groups_en", "partners_en", "budget"],
        "results": ["results_en", "lessons_en"],
        "contact": ["contact_role_en", "image", "image_alt_en", "files-0-file", "links-0-url"],
    }.items():
        for name in fields:
            assert f'name="{name}"' in section(page, anchor), (anchor, name)


def test_languages_are_named_in_words_and_the_other_is_an_optional_translation(signed_in):
    page = signed_in.get(NEW).text

    assert 'You write in <strong lang="en">English</strong>.' in page
    translation = section(page, "translation-fr")
    assert '<span lang="fr">Français</span>' in translation
    assert "(optional translation)" in translation
    assert 'name="title_fr"' in translation and 'name="body_fr"' in translation
    assert 'name="title_fr"' not in section(page, "what")
    # Nothing from the database's vocabulary.
    main = page.split('<main id="main"', 1)[1]
    for word in ("[en]", "[fr]", "Markdown", "HTML", "title_en", "body (HTML)"):
        assert word not in re.sub(r'(name|id|for|href|aria-describedby)="[^"]*"', "", main), word


def test_in_french_the_original_language_is_french(signed_in):
    page = signed_in.get("/fr/participants/practices/new/").text

    assert '<input type="hidden" name="original_language" value="fr"' in page
    assert 'name="title_fr"' in section(page, "what")
    assert '<strong lang="fr">Français</strong>' in page
    translation = section(page, "translation-en")
    assert '<span lang="en">English</span>' in translation and 'name="title_en"' in translation
    assert '<html lang="fr">' in page


def test_the_contact_may_choose_to_write_in_the_other_language(signed_in):
    page = signed_in.get(f"{NEW}?language=fr").text

    assert 'name="title_fr"' in section(page, "what")
    assert 'lang="fr"' in re.search(r'<textarea name="body_fr"[^>]*>', page).group(0)
    assert 'name="title_en"' in section(page, "translation-en")


def test_a_practice_written_in_french_on_english_pages_is_kept_in_french(signed_in):
    response = signed_in.post(
        NEW,
        {
            "original_language": "fr",
            "title_fr": "Guichet logement",
            "summary_fr": "Un guichet.",
            "start_year": "2019",
        },
    )

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert practice.original_language == "fr"
    assert practice.title_fr == "Guichet logement" and not practice.title_en
    # Its page in the space and its preview show the French title on English pages.
    assert "Guichet logement" in signed_in.get(f"{SPACE}practices/").text


def test_every_field_of_the_guide_has_help_in_plain_words(signed_in):
    form = PracticeForm()
    shown = [field for _anchor, _heading, fields in form.sections() for field in fields]
    shown += [field for *_language, fields, _open in form.translations() for field in fields]

    assert all(field.help_text for field in shown), [f.name for f in shown if not f.help_text]
    page = signed_in.get(NEW).text
    # The description says how to lay it out, in plain words, tied to its box.
    assert 'aria-describedby="id_body_en_helptext id_body_en_formatting"' in page
    assert 'id="id_body_en_formatting"' in page
    assert "leave an empty line between two paragraphs" in page
    assert "[our report](https://www.example.org/report)" in page


def test_a_refused_form_lists_its_errors_at_the_top_and_keeps_what_was_typed(signed_in):
    response = signed_in.post(
        NEW,
        {
            **DRAFT,
            "title_en": "",
            "summary_en": "Kept summary",
            "end_year": "2010",
            "image": jpeg(),
            "files-TOTAL_FORMS": "1",
            "files-INITIAL_FORMS": "0",
            "files-0-file": SimpleUploadedFile("plan.pdf", b"%PDF-1.4\n%%EOF\n"),
            "files-0-language": "en",
            "links-TOTAL_FORMS": "1",
            "links-INITIAL_FORMS": "0",
            "links-0-url": "not an address",
        },
    )

    page = response.text
    assert response.status_code == 400
    summary = page.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_title_en">Title</a>' in summary
    assert '<a href="#id_end_year">End year</a>' in summary
    assert '<a href="#id_links-0-url">Link 1, address</a>' in summary
    # The files cannot be given back to the browser: the contact is told which to choose again.
    assert "please choose them again (Picture, File 1)" in summary
    assert "Kept summary" in page
    assert not Practice.objects.exists()


def test_save_and_preview_shows_the_draft_as_its_public_page_will_be(signed_in, member):
    response = signed_in.post(NEW, {**DRAFT, "body_en": "We **opened** a desk.", "preview": "1"})

    practice = Practice.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{SPACE}practices/{practice.pk}/preview/"
    preview = signed_in.get(response["Location"])
    page = preview.text
    assert preview.status_code == 200
    # The public page's template: its heading, text and facts, marked as a preview.
    assert '<h1 id="practice-title">Housing desk</h1>' in page
    assert "We <strong>opened</strong> a desk." in page
    assert "At a glance" in page and member.public_name in page
    assert "Preview: not published" in page
    # Never indexed, never kept by a cache.
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert "noindex" in preview["X-Robots-Tag"]
    assert "no-store" in preview["Cache-Control"] and "private" in preview["Cache-Control"]


def test_the_preview_is_never_served_from_the_page_cache(signed_in, member, page_cache):
    practice = make_practice(title="Housing desk", status=Practice.Status.DRAFT, members=[member])
    url = f"{SPACE}practices/{practice.pk}/preview/"
    signed_in.get(url)

    practice.title_en = "Housing desk, second version"
    practice.save()

    assert "Housing desk, second version" in signed_in.get(url).text


def test_only_the_members_contacts_see_a_preview(client, other_contact, member):
    practice = make_practice(title="Housing desk", status=Practice.Status.DRAFT, members=[member])
    url = f"{SPACE}practices/{practice.pk}/preview/"

    assert client.get(url).status_code == 302  # to sign in
    assert sign_in(client, other_contact.email).get(url).status_code == 404
    assert client.get(practice.get_absolute_url()).status_code == 404


def test_a_published_practices_preview_is_its_page(signed_in, member):
    practice = make_practice(title="Housing desk", members=[member])

    response = signed_in.get(f"{SPACE}practices/{practice.pk}/preview/")

    assert response.status_code == 302
    assert response["Location"] == practice.get_absolute_url()


def test_a_picture_without_its_description_is_refused_beside_the_description(signed_in):
    response = signed_in.post(
        f"{NEW}?language=fr",
        {**DRAFT, "title_fr": "Guichet", "original_language": "fr", "image": jpeg()},
    )

    assert response.status_code == 400
    summary = response.text.split('id="form-errors"', 1)[1].split("</div>", 1)[0]
    assert '<a href="#id_image_alt_fr">What the picture shows</a>' in summary
    assert "Describe the image for people who cannot see it." in summary
    assert not Practice.objects.exists()
