"""French typography: narrow no-break spaces before : ; ! ? and inside « », in text only."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.utils import translation

from core.mail import send_after_commit
from core.typography import french_spacing

N = "\u202f"


@pytest.mark.parametrize(
    ("text", "spaced"),
    [
        ("Note : voir plus bas", f"Note{N}: voir plus bas"),
        ("Note: voir plus bas", f"Note{N}: voir plus bas"),
        ("Vraiment ?", f"Vraiment{N}?"),
        ("Vraiment?!", f"Vraiment{N}?!"),
        ("d’abord ; ensuite", f"d’abord{N}; ensuite"),
        ("« Bonjour »", f"«{N}Bonjour{N}»"),
        ("«Bonjour»", f"«{N}Bonjour{N}»"),
        ("«\u00a0Bonjour\u00a0»", f"«{N}Bonjour{N}»"),
        # Already spaced: unchanged, however often the filter runs.
        (f"Note{N}: «{N}oui{N}»", f"Note{N}: «{N}oui{N}»"),
        # Times, ratios and words joined by a colon keep it.
        ("Rendez-vous à 10:30 ou 14:00", "Rendez-vous à 10:30 ou 14:00"),
        ("un format 16:9", "un format 16:9"),
        # Addresses are left whole.
        (
            "Voir https://example.org/page?id=3 : merci",
            f"Voir https://example.org/page?id=3{N}: merci",
        ),
        ("Écrire à mailto:info@example.org", "Écrire à mailto:info@example.org"),
        # An entity's semicolon is not punctuation.
        ("Roms &amp; Gens du voyage ; fin", f"Roms &amp; Gens du voyage{N}; fin"),
        ("Roms &#39;et&#x27; Gens", "Roms &#39;et&#x27; Gens"),
    ],
)
def test_text_is_spaced_the_french_way(text, spaced):
    assert french_spacing(text) == spaced


def test_tags_and_their_attributes_are_never_touched():
    html = '<a href="https://example.org/?q=a:b" title="Titre : sous-titre">Lien</a> : suite'

    assert french_spacing(html) == (
        f'<a href="https://example.org/?q=a:b" title="Titre : sous-titre">Lien</a>{N}: suite'
    )


def test_code_is_shown_as_written():
    html = "<p>Tapez <code>a ? b : c</code> puis ?</p><pre>x ; y !</pre>"

    assert french_spacing(html) == f"<p>Tapez <code>a ? b : c</code> puis{N}?</p><pre>x ; y !</pre>"


def test_a_mark_after_an_inline_tag_is_spaced_and_one_opening_a_paragraph_is_not():
    assert french_spacing("<strong>Note</strong>: texte") == f"<strong>Note</strong>{N}: texte"
    assert french_spacing("<p>:)</p>") == "<p>:)</p>"


def render(source, **context):
    return Template("{% load alliance %}" + source).render(Context(context))


def test_the_filter_spaces_french_pages_only():
    with translation.override("fr"):
        assert render("{{ text|french_spacing }}", text="Pourquoi ?") == f"Pourquoi{N}?"
    with translation.override("en"):
        assert render("{{ text|french_spacing }}", text="Why ?") == "Why ?"


def test_english_text_shown_on_a_french_page_keeps_its_spacing():
    with translation.override("fr"):
        assert render("{{ text|french_spacing:'en' }}", text="Note: yes") == "Note: yes"


def test_the_filter_escapes_plain_text_and_spaces_safe_html():
    with translation.override("fr"):
        assert render("{{ text|french_spacing }}", text="<b>a</b> ?") == f"&lt;b&gt;a&lt;/b&gt;{N}?"
        assert render("{{ text|safe|french_spacing }}", text="<b>a</b> ?") == f"<b>a</b>{N}?"


@pytest.mark.django_db
def test_french_e_mails_are_spaced_and_english_ones_not(django_capture_on_commit_callbacks):
    context = {"proposal": type("P", (), {"name": "Romani Ćhavorre : Lyon", "country": ""})()}
    with django_capture_on_commit_callbacks(execute=True):
        send_after_commit(
            "Proposition : reçue",
            "cooperation/email/accepted.txt",
            context,
            ["a@example.org"],
            "fr",
        )
        send_after_commit(
            "Proposal : received",
            "cooperation/email/accepted.txt",
            context,
            ["b@example.org"],
            "en",
        )

    french, english = mail.outbox
    assert french.subject == f"Proposition{N}: reçue"
    assert f"Romani Ćhavorre{N}: Lyon" in french.body
    assert "Romani Ćhavorre : Lyon" in english.body
