"""The Declaration's wording where a visitor reads it and where a representative signs it."""

import re

import pytest

from core.markup import render_outlined_markdown
from declarations.models import Declaration
from library.models import Document
from tests.factories import add_file, make_document

pytestmark = pytest.mark.django_db

NNBSP = "\u202f"


def contents_of(html):
    """The titles the table of contents lists, and where each link leads."""
    nav = re.search(r'<nav class="declaration-contents".*?</nav>', html, re.S)
    if nav is None:
        return []
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', nav.group())


def test_the_demo_text_says_it_is_a_sample_in_both_languages(client, declaration):
    english = client.get("/en/declaration/").content.decode()
    french = client.get("/fr/declaration/").content.decode()

    assert "This is a sample text for the demonstration of the portal." in english
    assert "Ce texte est un exemple pour la démonstration du portail." in french


def test_a_long_text_has_a_table_of_contents_leading_to_its_headings(client, declaration):
    html = client.get("/en/declaration/").content.decode()

    assert contents_of(html) == [
        ("section-endorsement", "Endorsement"),
        ("section-political-participation", "Political participation"),
        ("section-commitment-of-the-signatories", "Commitment of the signatories"),
    ]
    for anchor, title in contents_of(html):
        assert f'<h2 id="{anchor}">{title}</h2>' in html


def test_the_french_table_of_contents_lists_the_french_headings(client, declaration):
    html = client.get("/fr/declaration/").content.decode()

    titles = [title for _anchor, title in contents_of(html)]
    assert titles == ["Approbation", "Participation politique", "Engagement des signataires"]
    assert ">Sommaire<" in html or ">Contents<" in html


def test_a_short_text_has_no_table_of_contents(client, declaration):
    Declaration.objects.filter(pk=declaration.pk).update(
        text_en="One paragraph.\n\n## Only heading\n\nAnother paragraph."
    )

    html = client.get("/en/declaration/").content.decode()

    assert "Only heading" in html
    assert 'class="declaration-contents"' not in html


def test_anchors_written_in_the_text_are_dropped_and_never_take_the_page_s_ids():
    html, contents = render_outlined_markdown(
        '## One\n\n## Two\n\n<h2 id="signatories-title">Three</h2>\n\n## Four'
    )

    assert 'id="signatories-title"' not in html
    assert [anchor for anchor, _title in contents] == ["section-one", "section-two", "section-four"]


def test_the_signing_form_shows_the_full_wording_next_to_the_commitment(client, declaration):
    html = client.get("/en/declaration/sign/").content.decode()

    commitment = html.split('<div class="commitment">', 1)[1].split("</form>")[0]
    assert "By signing, I commit myself" in commitment
    assert "<summary>Read the full text of the Declaration you sign</summary>" in commitment
    assert "support Roma to become politically active and visible" in commitment
    assert 'href="/en/declaration/#declaration-text"' in commitment
    assert 'id="declaration-text"' in client.get("/en/declaration/").content.decode()


def test_the_french_signing_form_shows_the_french_wording(client, declaration):
    html = client.get("/fr/declaration/sign/").content.decode()

    commitment = html.split('<div class="commitment">', 1)[1].split("</form>")[0]
    assert "aider les Roms à devenir politiquement actifs et visibles" in commitment


def test_copies_are_listed_with_their_language_type_and_size(client, declaration):
    document = make_document(kind=Document.Kind.DECLARATION, declaration=declaration, languages=[])
    add_file(document, "de", content=b"%PDF-1.4\n" + b"0" * (240 * 1024))
    add_file(document, "en", content=b"%PDF-1.4\n" + b"0" * 1000)

    english = client.get("/en/declaration/").content.decode()
    french = client.get("/fr/declaration/sign/").content.decode()

    assert re.search(r'lang="de">Deutsch</a> — PDF, 240\.0\xa0KB</li>', english)
    assert re.search(r'lang="en">English</a> — PDF, 1009\xa0bytes</li>', english)
    assert re.search(r'lang="de">Deutsch</a> — PDF, 240,0\xa0Kio</li>', french)
