"""The Declaration against anti-Gypsyism, as the seed page describes it."""

import datetime

from django.utils import timezone

from members.models import Member

from .models import Declaration, Signature

# The seed page gives the month of endorsement, not the day: pages show "March 2017".
ENDORSED_ON = datetime.date(2017, 3, 1)

DECLARATION = {
    "title_en": "Declaration against anti-Gypsyism",
    "title_fr": "Déclaration contre l’antitsiganisme",
    "text_en": (
        "*This is a sample text for the demonstration of the portal. It summarises the "
        "Declaration as the Congress presents it; the official wording is entered here by "
        "the secretariat.*\n\n"
        "## Endorsement\n\n"
        "The Congress of Local and Regional Authorities of the Council of Europe endorsed "
        "the Declaration against anti-Gypsyism in March 2017.\n\n"
        "## Political participation\n\n"
        "The Congress sees the political participation of Roma as one of the key conditions "
        "to their inclusion. Local and regional authorities have the responsibility to "
        "support Roma to become politically active and visible.\n\n"
        "## Commitment of the signatories\n\n"
        "The mayors and elected representatives who sign the Declaration commit themselves "
        "to strive for the fair representation of Roma and Travellers at all levels of "
        "democracy, and to support Roma candidates, in particular Roma and Traveller women, "
        "in entering the world of politics."
    ),
    "text_fr": (
        "*Ce texte est un exemple pour la démonstration du portail. Il résume la Déclaration "
        "telle que le Congrès la présente ; le secrétariat saisit ici le texte officiel.*\n\n"
        "## Approbation\n\n"
        "Le Congrès des pouvoirs locaux et régionaux du Conseil de l’Europe a approuvé la "
        "Déclaration contre l’antitsiganisme en mars 2017.\n\n"
        "## Participation politique\n\n"
        "Le Congrès considère la participation politique des Roms comme l’une des conditions "
        "essentielles de leur inclusion. Les collectivités locales et régionales ont la "
        "responsabilité d’aider les Roms à devenir politiquement actifs et visibles.\n\n"
        "## Engagement des signataires\n\n"
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


# Sample signatories are fictional: each name pairs a first name with a surname used as a
# placeholder ("John Doe") in one of the Council of Europe's languages.
FIRST_NAMES = [
    "Anna", "Jean", "Erika", "Mario", "Jan", "Kari", "Matti", "Maria", "Ola", "Elena",
]  # fmt: skip
PENDING_FIRST_NAMES = ["Lea", "Paul", "Ines", "Tom", "Zoe"]
PLACEHOLDER_SURNAMES = [
    "Mustermann", "Dupont", "Rossi", "Kowalski", "Novák", "Nordmann", "Meikäläinen",
    "Jansen", "Bloggs", "Fulanez",
]  # fmt: skip
# Signatories of authorities that are not members: real towns and regions of each country (not
# among the demo members), as a signatory would write them; the signatories are fictional.
OTHER_AUTHORITIES = {
    "AL": ["Korçë", "Fier"], "AT": ["Innsbruck", "Klagenfurt"], "BE": ["Charleroi", "Mechelen"],
    "BG": ["Shumen", "Vidin"], "CY": ["Limassol"], "CZ": ["Chomutov", "Karviná"],
    "DE": ["Leipzig", "Freiburg im Breisgau"], "ES": ["Badajoz", "Murcia"],
    "FI": ["Espoo", "Oulu"], "FR": ["Villeurbanne", "Saint-Denis"], "GB": ["Leeds", "Bristol"],
    "GR": ["Volos", "Ioannina"], "HR": ["Sisak", "Varaždin"], "HU": ["Ózd", "Eger"],
    "IE": ["Waterford", "Sligo"], "IT": ["Bari", "Cagliari"], "LT": ["Klaipėda"],
    "MD": ["Orhei", "Cahul"], "ME": ["Berane"], "MK": ["Štip", "Tetovo"],
    "NL": ["Eindhoven", "Groningen"], "NO": ["Trondheim"], "PL": ["Tarnów", "Lublin"],
    "PT": ["Setúbal", "Coimbra"], "RO": ["Oradea", "Buzău"], "RS": ["Leskovac", "Vranje"],
    "SE": ["Örebro", "Linköping"], "SI": ["Murska Sobota", "Kočevje"],
    "SK": ["Spišská Nová Ves", "Lučenec"], "TR": ["Bursa", "Kırklareli"],
    "UA": ["Berehove", "Lviv"],
}  # fmt: skip
# When no sample member exists yet: a spread of Council of Europe member states.
FALLBACK_COUNTRIES = [
    "FR", "DE", "IT", "ES", "GR", "RO", "BG", "HU", "SK", "CZ", "PL", "PT", "SE", "FI",
    "IE", "GB", "NL", "BE", "HR", "RS", "MK", "AL", "TR", "UA", "MD",
]  # fmt: skip
VERIFIED_SAMPLES = 100
PENDING_SAMPLES = 5
OFFICES = [
    Signature.Office.MAYOR,
    Signature.Office.MAYOR,
    Signature.Office.DEPUTY_MAYOR,
    Signature.Office.COUNCILLOR,
    Signature.Office.REGIONAL_PRESIDENT,
    Signature.Office.REGIONAL_COUNCILLOR,
]


def sample_signatures(members):
    """The demo's signatures as field dicts: deterministic, so loading twice changes nothing."""
    countries = sorted({member.country.code for member in members}) or FALLBACK_COUNTRIES
    for n in range(VERIFIED_SAMPLES + PENDING_SAMPLES):
        pending = n >= VERIFIED_SAMPLES
        if pending:
            first_name = PENDING_FIRST_NAMES[(n - VERIFIED_SAMPLES) % len(PENDING_FIRST_NAMES)]
        else:
            first_name = FIRST_NAMES[n % len(FIRST_NAMES)]
        surname = PLACEHOLDER_SURNAMES[(n // len(FIRST_NAMES)) % len(PLACEHOLDER_SURNAMES)]
        member = members[n % len(members)] if members and n % 3 == 0 else None
        if member is not None:
            authority, country = member.name, member.country.code
        else:
            country = countries[n % len(countries)]
            places = OTHER_AUTHORITIES.get(country) or ["Strasbourg"]
            authority = places[(n // len(countries)) % len(places)]
        yield {
            "email": f"sample-signatory-{n + 1}@example.org",
            "full_name": f"{first_name} {surname}",
            "office": OFFICES[n % len(OFFICES)],
            "authority_name": authority,
            "member": member,
            "country": country,
            "signed_on": ENDORSED_ON + datetime.timedelta(days=20 + n * 23),
            "consent_to_publish": True,
            "status": Signature.Status.PENDING if pending else Signature.Status.VERIFIED,
            "verified_at": None if pending else timezone.now(),
            "staff_note": "Sample signature of a fictional person, loaded with the demo content.",
        }


def load():
    declaration = ensure_declaration()
    members = list(Member.objects.approved().order_by("pk"))
    for fields in sample_signatures(members):
        email = fields.pop("email")
        Signature.objects.get_or_create(declaration=declaration, email=email, defaults=fields)
    return {
        "declarations": Declaration.objects.count(),
        "public signatures": Signature.objects.public().count(),
    }
