"""The Declaration against anti-Gypsyism, as the seed page describes it."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from members.demo import invented_person
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


# The signatories are invented people (members/demo.py pairs common first names and surnames of
# their country); the staff note of each says so. Signing dates run from the endorsement to the
# last weeks before the first loading; the pending ones are a few days old.
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
# When no member exists yet: a spread of Council of Europe member states.
FALLBACK_COUNTRIES = [
    "FR", "DE", "IT", "ES", "GR", "RO", "BG", "HU", "SK", "CZ", "PL", "PT", "SE", "FI",
    "IE", "GB", "NL", "BE", "HR", "RS", "MK", "AL", "TR", "UA", "MD",
]  # fmt: skip
VERIFIED_SAMPLES = 100
PENDING_SAMPLES = 5
# The offices of a city's and of a region's elected representatives.
OFFICES = [
    Signature.Office.MAYOR,
    Signature.Office.MAYOR,
    Signature.Office.DEPUTY_MAYOR,
    Signature.Office.COUNCILLOR,
]
REGIONAL_OFFICES = [Signature.Office.REGIONAL_PRESIDENT, Signature.Office.REGIONAL_COUNCILLOR]


def _signed_on(n, today):
    """Spread from the endorsement to a few weeks ago, more of them in the first years."""
    if n >= VERIFIED_SAMPLES:
        return today - datetime.timedelta(days=2 + n % 5)
    span = (today - datetime.timedelta(days=21) - ENDORSED_ON).days
    share = ((n * 41) % VERIFIED_SAMPLES) / (VERIFIED_SAMPLES - 1)
    return ENDORSED_ON + datetime.timedelta(days=20 + int((span - 20) * share**1.4))


def sample_signatures(members, today=None):
    """The demo's signatures as field dicts: deterministic, so loading twice changes nothing."""
    today = today or timezone.localdate()
    countries = sorted({member.country.code for member in members}) or FALLBACK_COUNTRIES
    signed = set()
    for n in range(VERIFIED_SAMPLES + PENDING_SAMPLES):
        pending = n >= VERIFIED_SAMPLES
        member = members[n % len(members)] if members and n % 3 == 0 else None
        if member is not None:
            authority, country = member.name, member.country.code
        else:
            country = countries[n % len(countries)]
            places = OTHER_AUTHORITIES.get(country) or ["Strasbourg"]
            authority = places[(n // len(countries)) % len(places)]
        regional = member is not None and member.kind == Member.Kind.REGION
        offices = REGIONAL_OFFICES if regional else OFFICES
        signed_on = _signed_on(n, today)
        # Numbers apart from the members' contact persons, so that no contact signs too; the
        # next number where this person already signed for this authority (few countries).
        number = 1000 + n * 3
        while (full_name := invented_person(country, number)[0], authority, country) in signed:
            number += 1
        signed.add((full_name, authority, country))
        yield {
            "email": f"sample-signatory-{n + 1}@example.org",
            "full_name": full_name,
            "office": offices[n % len(offices)],
            "authority_name": authority,
            "member": member,
            "country": country,
            "signed_on": signed_on,
            "consent_to_publish": True,
            "status": Signature.Status.PENDING if pending else Signature.Status.VERIFIED,
            "verified_at": None
            if pending
            else datetime.datetime.combine(
                signed_on + datetime.timedelta(days=4),
                datetime.time(11, 30),
                ZoneInfo("Europe/Paris"),
            ),
            "staff_note": "Sample signature of a fictional person, loaded with the demo content.",
        }


def load():
    declaration = ensure_declaration()
    members = list(Member.objects.approved().order_by("pk"))
    for fields in sample_signatures(members):
        email = fields.pop("email")
        signature, created = Signature.objects.get_or_create(
            declaration=declaration, email=email, defaults=fields
        )
        # Earlier demos named their signatories with placeholders: the name is brought up to
        # date; the rest stays as it was loaded, or as staff changed it since.
        if not created and signature.full_name != fields["full_name"]:
            signature.full_name = fields["full_name"]
            signature.save()
    return {
        "declarations": Declaration.objects.count(),
        "public signatures": Signature.objects.public().count(),
    }
