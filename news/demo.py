"""The Alliance's first real article (John Warmisham's statement at CAHROM, 24 May 2018) and
two sample announcements, labelled as samples in their titles, to show the other kinds."""

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

SAMPLES = [
    {
        "slug": "sample-meeting-of-alliance-members",
        "kind": Article.Kind.EVENT,
        "status": Article.Status.PUBLISHED,
        "published_at": datetime.datetime(2018, 10, 2, 10, 0, tzinfo=ZoneInfo("Europe/Paris")),
        "countries": ["FR"],
        "tags": ["political-participation"],
        "title_en": "Sample announcement: meeting of Alliance members in Strasbourg",
        "title_fr": "Annonce d’exemple : réunion des membres de l’Alliance à Strasbourg",
        "lead_en": (
            "This is a sample announcement of the demonstration content: it shows how an "
            "event is presented."
        ),
        "lead_fr": (
            "Ceci est une annonce d’exemple du contenu de démonstration : elle montre comment "
            "un événement est présenté."
        ),
        "event_en": "Meeting of Alliance members (sample)",
        "event_fr": "Réunion des membres de l’Alliance (exemple)",
        "place_en": "Strasbourg",
        "place_fr": "Strasbourg",
        "body_en": (
            "*This article is a sample, not a real announcement.*\n\n"
            "Representatives of member cities and regions meet to exchange good practices on "
            "the **inclusion of Roma and Travellers** at the local level.\n\n"
            "- political participation\n- access to housing and education\n"
            "- combating anti-Gypsyism"
        ),
        "body_fr": (
            "*Cet article est un exemple, pas une véritable annonce.*\n\n"
            "Des représentants des villes et régions membres se réunissent pour échanger leurs "
            "bonnes pratiques d’**inclusion des Roms et des Gens du voyage** au niveau local.\n\n"
            "- participation politique\n- accès au logement et à l’éducation\n"
            "- lutte contre l’antitsiganisme"
        ),
    },
    {
        "slug": "sample-publication-on-local-inclusion",
        "kind": Article.Kind.PUBLICATION,
        "status": Article.Status.PUBLISHED,
        "published_at": datetime.datetime(2019, 3, 14, 9, 0, tzinfo=ZoneInfo("Europe/Paris")),
        "countries": [],
        "tags": ["anti-gypsyism"],
        "title_en": "Sample publication: a handbook on local inclusion policies",
        "title_fr": "Publication d’exemple : un guide des politiques locales d’inclusion",
        "lead_en": (
            "This is a sample publication notice of the demonstration content: it shows how a "
            "publication is presented."
        ),
        "lead_fr": (
            "Ceci est une annonce de publication d’exemple du contenu de démonstration : elle "
            "montre comment une publication est présentée."
        ),
        "body_en": (
            "*This article is a sample, not a real publication.*\n\n"
            "## What the handbook covers\n\n"
            "Examples from cities and regions of the Alliance on how to involve Roma and "
            "Travellers in the decisions that concern them."
        ),
        "body_fr": (
            "*Cet article est un exemple, pas une véritable publication.*\n\n"
            "## Ce que couvre le guide\n\n"
            "Des exemples de villes et de régions de l’Alliance sur la manière d’associer les "
            "Roms et les Gens du voyage aux décisions qui les concernent."
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
