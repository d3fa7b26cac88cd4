"""Demo content of the library: a few sample entries, each with small generated PDF files in
several languages. Every entry is labelled as a sample; none is a real adopted text."""

import datetime

from django.core.files.base import ContentFile

from declarations.models import Declaration
from events.models import Event
from practices.models import Theme

from .models import Document, DocumentFile


def minimal_pdf(text):
    """A one-page PDF showing one line of ASCII text: enough for a demo file."""
    line = text.encode("ascii", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
    line = line.replace(b")", b"\\)")
    stream = b"BT /F1 14 Tf 72 720 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


SAMPLES = [
    {
        "slug": "sample-guide-inclusive-housing",
        "kind": Document.Kind.GUIDE,
        "title_en": "Inclusive housing at local level",
        "title_fr": "Le logement inclusif au niveau local",
        "summary_en": "How cities and regions plan housing with Roma and Traveller families, "
        "from family sites to social rental. Sample entry of the demonstration content.",
        "summary_fr": "Comment les villes et les régions conçoivent le logement avec les familles "
        "roms et les Gens du voyage, des terrains familiaux au logement social. Entrée "
        "d’exemple du contenu de démonstration.",
        "published_on": datetime.date(2014, 3, 1),
        "themes": ["housing"],
        "languages": ["en", "fr", "ro", "sl"],
        "events": ["sample-meeting-of-alliance-members-strasbourg"],
    },
    {
        "slug": "sample-report-school-attendance",
        "kind": Document.Kind.REPORT,
        "title_en": "School attendance of Roma children",
        "title_fr": "La scolarisation des enfants roms",
        "summary_en": "What the members learnt from school mediators and pre-school places. "
        "Sample entry of the demonstration content, not a real report.",
        "summary_fr": "Ce que les membres ont appris des médiateurs scolaires et des places en "
        "maternelle. Entrée d’exemple du contenu de démonstration, pas un vrai rapport.",
        "published_on": datetime.date(2012, 11, 1),
        "themes": ["education"],
        "languages": ["en", "fr", "hu"],
    },
    {
        "slug": "sample-copies-of-the-declaration",
        "kind": Document.Kind.DECLARATION,
        "title_en": "Declaration against anti-Gypsyism",
        "title_fr": "Déclaration contre l’antitsiganisme",
        "summary_en": "Sample files of the demonstration content, standing in for the "
        "Declaration's text in several languages.",
        "summary_fr": "Fichiers d’exemple du contenu de démonstration, à la place du texte de la "
        "Déclaration en plusieurs langues.",
        "published_on": datetime.date(2017, 3, 1),
        "themes": [],
        "languages": ["en", "fr", "de", "ro", "hu"],
        "declaration": True,
    },
]


def load():
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    events = {event.slug: event for event in Event.objects.all()}
    for sample in SAMPLES:
        fields = {
            key: value
            for key, value in sample.items()
            if key not in {"themes", "languages", "declaration", "events"}
        }
        if sample.get("declaration"):
            fields["declaration"] = Declaration.objects.current()
        document, _created = Document.objects.get_or_create(
            slug=sample["slug"], defaults={**fields, "status": Document.Status.PUBLISHED}
        )
        document.themes.add(*(themes[slug] for slug in sample["themes"] if slug in themes))
        document.events.add(*(events[slug] for slug in sample.get("events", []) if slug in events))
        for language in sample["languages"]:
            if not document.files.filter(language=language).exists():
                content = minimal_pdf(f"{sample['title_en']} [{language}] - sample file")
                item = DocumentFile(document=document, language=language)
                item.file.save(f"{language}.pdf", ContentFile(content), save=False)
                item.save()
    return {
        "documents": Document.objects.count(),
        "files": DocumentFile.objects.count(),
    }
