"""The Declaration against anti-Gypsyism, as the seed page describes it."""

import datetime

from .models import Declaration

# The seed page gives the month of endorsement, not the day: pages show "March 2017".
ENDORSED_ON = datetime.date(2017, 3, 1)

DECLARATION = {
    "title_en": "Declaration against anti-Gypsyism",
    "title_fr": "Déclaration contre l’antitsiganisme",
    "text_en": (
        "The Congress of Local and Regional Authorities of the Council of Europe endorsed "
        "the Declaration against anti-Gypsyism in March 2017.\n\n"
        "The Congress sees the political participation of Roma as one of the key conditions "
        "to their inclusion. Local and regional authorities have the responsibility to "
        "support Roma to become politically active and visible.\n\n"
        "The mayors and elected representatives who sign the Declaration commit themselves "
        "to strive for the fair representation of Roma and Travellers at all levels of "
        "democracy, and to support Roma candidates, in particular Roma and Traveller women, "
        "in entering the world of politics."
    ),
    "text_fr": (
        "Le Congrès des pouvoirs locaux et régionaux du Conseil de l’Europe a approuvé la "
        "Déclaration contre l’antitsiganisme en mars 2017.\n\n"
        "Le Congrès considère la participation politique des Roms comme l’une des conditions "
        "essentielles de leur inclusion. Les collectivités locales et régionales ont la "
        "responsabilité d’aider les Roms à devenir politiquement actifs et visibles.\n\n"
        "Les maires et les élus qui signent la Déclaration s’engagent à œuvrer pour une "
        "représentation équitable des Roms et des Gens du voyage à tous les niveaux de la "
        "démocratie, et à soutenir les candidats roms, en particulier les femmes roms et "
        "issues des Gens du voyage, dans leur entrée en politique."
    ),
    "commitment_en": (
        "By signing, I commit myself to strive for the fair representation of Roma and "
        "Travellers at all levels of democracy."
    ),
    "commitment_fr": (
        "En signant, je m’engage à œuvrer pour une représentation équitable des Roms et des "
        "Gens du voyage à tous les niveaux de la démocratie."
    ),
}


def ensure_declaration():
    declaration, _ = Declaration.objects.get_or_create(
        slug="declaration-against-anti-gypsyism",
        defaults={
            **DECLARATION,
            "endorsed_on": ENDORSED_ON,
            "is_published": True,
            "is_current": True,
        },
    )
    return declaration


def load():
    ensure_declaration()
    return {"declarations": Declaration.objects.count()}
