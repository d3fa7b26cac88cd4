"""Demo content of the site pages (the real texts, see alliance/content.py), and the one place
that says the site shows demonstration content: a last section of the about page."""

from .content import ensure_pages
from .models import Page

DEMO_NOTE = {
    "body_en": (
        "## About this demonstration\n\n"
        "This site shows demonstration content. The Alliance’s texts, the statement of 24 May "
        "2018 and the dates of the Alliance’s history are real. The profiles and contact "
        "persons of the members, the signatories of the Declaration, and the articles, "
        "practices, events and documents of recent months are invented, as are the people "
        "they name; the places are real. The Declaration’s text is a sample that says so."
    ),
    "body_fr": (
        "## À propos de cette démonstration\n\n"
        "Ce site présente un contenu de démonstration. Les textes de l’Alliance, la "
        "déclaration du 24 mai 2018 et les dates de l’histoire de l’Alliance sont réels. Les "
        "profils et les personnes de contact des membres, les signataires de la Déclaration, "
        "ainsi que les articles, pratiques, événements et documents des derniers mois sont "
        "inventés, tout comme les personnes qu’ils citent ; les lieux sont réels. Le texte "
        "de la Déclaration est un exemple qui le dit."
    ),
}


def add_demo_note(page):
    """End the page with the demonstration note, once."""
    changed = []
    for field, note in DEMO_NOTE.items():
        text = getattr(page, field) or ""
        if note.split("\n", 1)[0] not in text:
            setattr(page, field, f"{text.rstrip()}\n\n{note}")
            changed.append(field)
    if changed:
        page.body = page.body_en  # the untranslated column mirrors English
        page.save()


def load():
    ensure_pages(Page)
    about = Page.objects.filter(slug=Page.Slug.ABOUT).first()
    if about is not None:
        add_demo_note(about)
    return {"pages": Page.objects.count()}
