"""The Alliance's first real article: John Warmisham's statement at CAHROM, 24 May 2018."""

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

TAGS = {
    "political-participation": ("Political participation", "Participation politique"),
    "anti-gypsyism": ("Anti-Gypsyism", "Antitsiganisme"),
}


def load():
    fields = dict(CAHROM)
    slug = fields.pop("slug")
    article, _ = Article.objects.get_or_create(slug=slug, defaults=fields)
    for tag_slug, (name_en, name_fr) in TAGS.items():
        tag, _created = Tag.objects.get_or_create(
            slug=tag_slug, defaults={"name": name_en, "name_en": name_en, "name_fr": name_fr}
        )
        article.tags.add(tag)
    return {"articles": Article.objects.count()}
