"""The Alliance's first real article (John Warmisham's statement at CAHROM, 24 May 2018) and
two sample announcements, each ending with a short note that says so, to show the other kinds."""

import datetime
from zoneinfo import ZoneInfo

from .models import Article, Tag

CAHROM = {
    "slug": "john-warmisham-at-cahrom",
    "kind": Article.Kind.STATEMENT,
    "status": Article.Status.PUBLISHED,
    "published_at": datetime.datetime(2018, 5, 24, 12, 0, tzinfo=ZoneInfo("Europe/Athens")),
    "countries": ["GR"],
    "speaker_name": "John Warmisham",
    "quote_speaker": "John Warmisham",
    "title_en": (
        "John Warmisham at CAHROM: “If Roma have a political voice, they can stand up for "
        "their rights and fight anti-Gypsyism.”"
    ),
    "title_fr": (
        "John Warmisham au CAHROM : « Si les Roms ont une voix politique, ils peuvent défendre "
        "leurs droits et combattre l’antitsiganisme. »"
    ),
    "lead_en": (
        "“The Congress sees the political participation of Roma as one of the key conditions "
        "to their inclusion,” stated John Warmisham at the 15th meeting of CAHROM in Athens."
    ),
    "lead_fr": (
        "« Le Congrès considère la participation politique des Roms comme l’une des conditions "
        "essentielles de leur inclusion », a déclaré John Warmisham lors de la 15e réunion du "
        "CAHROM à Athènes."
    ),
    "quote_en": "If Roma have a political voice, they can stand up for their rights and fight anti-Gypsyism.",
    "quote_fr": (
        "Si les Roms ont une voix politique, ils peuvent défendre leurs droits et combattre "
        "l’antitsiganisme."
    ),
    "speaker_role_en": "Congress Thematic Spokesperson on Roma and Travellers",
    "speaker_role_fr": "Porte-parole thématique du Congrès sur les Roms et les Gens du voyage",
    "event_en": "15th Meeting of the Ad Hoc Committee of Experts on Roma and Traveller Issues (CAHROM)",
    "event_fr": "15e réunion du Comité ad hoc d’experts sur les questions relatives aux Roms et aux Gens du voyage (CAHROM)",
    "place_en": "Athens",
    "place_fr": "Athènes",
    "body_en": (
        "“The Congress sees the political participation of Roma as one of the key conditions "
        "to their inclusion,” stated John WARMISHAM, Congress Thematic Spokesperson on Roma "
        "and Travellers, at the 15th Meeting of the Ad Hoc Committee of Experts on Roma and "
        "Traveller Issues (CAHROM), held in Athens on 24 May 2018.\n\n"
        "“We as the Congress encourage municipalities to form structures for political "
        "participation for example in our national Roma networks,” he added. Mr WARMISHAM "
        "underlined the importance for political parties of setting-up measures to "
        "encourage especially Roma and Traveller women to enter the world of politics. “The "
        "local and regional authorities have the responsibility to support Roma to become "
        "politically active and visible,” he stressed.\n\n"
        "The topic of political participation in the Congress national Roma network is "
        "addressed in the Declaration against anti-Gypsyism endorsed by the Congress in "
        "March 2017. “The mayors who sign the Declaration commit themselves to strive for "
        "the fair representation of Roma and Travellers at all levels of democracy,” "
        "explained John WARMISHAM. “Until today 100 elected representatives from all over "
        "Europe have signed the Declaration and committed themselves to the support of Roma "
        "candidates,” he concluded."
    ),
    "body_fr": (
        "« Le Congrès considère la participation politique des Roms comme l’une des "
        "conditions essentielles de leur inclusion », a déclaré John WARMISHAM, porte-parole "
        "thématique du Congrès sur les Roms et les Gens du voyage, lors de la 15e réunion du "
        "Comité ad hoc d’experts sur les questions relatives aux Roms et aux Gens du voyage "
        "(CAHROM), tenue à Athènes le 24 mai 2018.\n\n"
        "« En tant que Congrès, nous encourageons les municipalités à créer des structures "
        "de participation politique, par exemple au sein de nos réseaux nationaux roms », "
        "a-t-il ajouté. M. WARMISHAM a souligné l’importance, pour les partis politiques, de "
        "mettre en place des mesures qui encouragent en particulier les femmes roms et "
        "issues des Gens du voyage à entrer en politique. « Les collectivités locales et "
        "régionales ont la responsabilité d’aider les Roms à devenir politiquement actifs "
        "et visibles », a-t-il insisté.\n\n"
        "La question de la participation politique au sein du réseau national rom du Congrès "
        "est abordée dans la Déclaration contre l’antitsiganisme approuvée par le Congrès en "
        "mars 2017. « Les maires qui signent la Déclaration s’engagent à œuvrer pour une "
        "représentation équitable des Roms et des Gens du voyage à tous les niveaux de la "
        "démocratie », a expliqué John WARMISHAM. « À ce jour, 100 élus de toute l’Europe "
        "ont signé la Déclaration et se sont engagés à soutenir les candidats roms », a-t-il "
        "conclu."
    ),
}

# The one mark of the sample articles, at the end of their text.
SAMPLE_NOTE_EN = "*Sample article of the demonstration content, not a real announcement.*"
SAMPLE_NOTE_FR = "*Article d’exemple du contenu de démonstration, pas une véritable annonce.*"

SAMPLES = [
    {
        "slug": "sample-meeting-of-alliance-members",
        "kind": Article.Kind.EVENT,
        "status": Article.Status.PUBLISHED,
        "published_at": datetime.datetime(2018, 10, 2, 10, 0, tzinfo=ZoneInfo("Europe/Paris")),
        "countries": ["FR"],
        "tags": ["political-participation"],
        "title_en": "Alliance members meet in Strasbourg",
        "title_fr": "Les membres de l’Alliance se réunissent à Strasbourg",
        "lead_en": (
            "Cities and regions of the Alliance exchange their practices on political "
            "participation, housing and education."
        ),
        "lead_fr": (
            "Les villes et régions de l’Alliance échangent leurs pratiques sur la participation "
            "politique, le logement et l’éducation."
        ),
        "event_en": "Meeting of Alliance members",
        "event_fr": "Réunion des membres de l’Alliance",
        "place_en": "Strasbourg",
        "place_fr": "Strasbourg",
        "body_en": (
            "Representatives of member cities and regions meet to exchange good practices on "
            "the **inclusion of Roma and Travellers** at the local level.\n\n"
            "- political participation\n- access to housing and education\n"
            "- combating anti-Gypsyism\n\n"
            f"{SAMPLE_NOTE_EN}"
        ),
        "body_fr": (
            "Des représentants des villes et régions membres se réunissent pour échanger leurs "
            "bonnes pratiques d’**inclusion des Roms et des Gens du voyage** au niveau local.\n\n"
            "- participation politique\n- accès au logement et à l’éducation\n"
            "- lutte contre l’antitsiganisme\n\n"
            f"{SAMPLE_NOTE_FR}"
        ),
    },
    {
        "slug": "sample-publication-on-local-inclusion",
        "kind": Article.Kind.PUBLICATION,
        "status": Article.Status.PUBLISHED,
        "published_at": datetime.datetime(2019, 3, 14, 9, 0, tzinfo=ZoneInfo("Europe/Paris")),
        "countries": [],
        "tags": ["anti-gypsyism"],
        "title_en": "A handbook on local inclusion policies",
        "title_fr": "Un guide des politiques locales d’inclusion",
        "lead_en": (
            "How cities and regions involve Roma and Travellers in the decisions that concern "
            "them: examples from members of the Alliance."
        ),
        "lead_fr": (
            "Comment les villes et les régions associent les Roms et les Gens du voyage aux "
            "décisions qui les concernent : des exemples de membres de l’Alliance."
        ),
        "body_en": (
            "## What the handbook covers\n\n"
            "Examples from cities and regions of the Alliance on how to involve Roma and "
            "Travellers in the decisions that concern them.\n\n"
            f"{SAMPLE_NOTE_EN}"
        ),
        "body_fr": (
            "## Ce que couvre le guide\n\n"
            "Des exemples de villes et de régions de l’Alliance sur la manière d’associer les "
            "Roms et les Gens du voyage aux décisions qui les concernent.\n\n"
            f"{SAMPLE_NOTE_FR}"
        ),
    },
]

TAGS = {
    "political-participation": ("Political participation", "Participation politique"),
    "anti-gypsyism": ("Anti-Gypsyism", "Antitsiganisme"),
}


def load():
    tags = {}
    for tag_slug, (name_en, name_fr) in TAGS.items():
        tags[tag_slug], _created = Tag.objects.get_or_create(
            slug=tag_slug, defaults={"name": name_en, "name_en": name_en, "name_fr": name_fr}
        )
    cahrom = ensure_article(CAHROM)
    cahrom.tags.add(*tags.values())
    for sample in SAMPLES:
        fields = {name: value for name, value in sample.items() if name != "tags"}
        ensure_article(fields).tags.add(*(tags[slug] for slug in sample["tags"]))
    return {"articles": Article.objects.count()}


def ensure_article(fields):
    """The article with this slug, created from `fields` the first time only."""
    fields = dict(fields)
    slug = fields.pop("slug")
    article, _created = Article.objects.get_or_create(slug=slug, defaults=fields)
    return article
