"""Events of the Alliance's history, and invented events of the last and the next months.

Dates and places of the history are the Alliance's: the CAHROM meeting as the Alliance's page
states it, the launch at the Congress session of 20 March 2013 in Strasbourg. Only events whose
day is known are here: the Budapest (2012), Madrid (2012) and Radenci (September 2013) seminars
are known by year or month only. The other events are invented; their days are counted from the
first loading (some weeks ago, some weeks ahead), so that the calendar always has a past and a
future, and the members' meeting ahead takes registrations.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from members.models import Member
from news.models import Article
from practices.models import Practice, Theme

from .models import Event

ATHENS = ZoneInfo("Europe/Athens")
PARIS = ZoneInfo("Europe/Paris")

CAHROM = {
    "slug": "cahrom-15th-meeting-athens",
    "kind": Event.Kind.MEETING,
    "status": Event.Status.PUBLISHED,
    "all_day": True,
    "starts_at": datetime.datetime(2018, 5, 24, 0, 0, tzinfo=ATHENS),
    "ends_at": datetime.datetime(2018, 5, 24, 23, 59, tzinfo=ATHENS),
    "time_zone": "Europe/Athens",
    "city": "Athens",
    "country": "GR",
    "latitude": 37.9838,
    "longitude": 23.7275,
    "title_en": "15th Meeting of the Ad Hoc Committee of Experts on Roma and Traveller Issues (CAHROM)",
    "title_fr": "15e réunion du Comité ad hoc d’experts sur les questions relatives aux Roms et aux Gens du voyage (CAHROM)",
    "summary_en": (
        "John Warmisham, Congress Thematic Spokesperson on Roma and Travellers, spoke on the "
        "political participation of Roma."
    ),
    "summary_fr": (
        "John Warmisham, porte-parole thématique du Congrès sur les Roms et les Gens du voyage, "
        "y a parlé de la participation politique des Roms."
    ),
}

LAUNCH = {
    "slug": "launch-of-the-alliance-strasbourg-2013",
    "kind": Event.Kind.CONFERENCE,
    "status": Event.Status.PUBLISHED,
    "all_day": True,
    "starts_at": datetime.datetime(2013, 3, 20, 0, 0, tzinfo=PARIS),
    "ends_at": datetime.datetime(2013, 3, 20, 23, 59, tzinfo=PARIS),
    "time_zone": "Europe/Paris",
    "venue_en": "Palais de l’Europe",
    "venue_fr": "Palais de l’Europe",
    "city": "Strasbourg",
    "country": "FR",
    "latitude": 48.5946,
    "longitude": 7.7748,
    "title_en": "Launch of the Alliance at the session of the Congress",
    "title_fr": "Lancement de l’Alliance à la session du Congrès",
    "summary_en": (
        "The Alliance of European Cities and Regions for the Inclusion of Roma and Travellers "
        "was launched during the session of the Congress of Local and Regional Authorities."
    ),
    "summary_fr": (
        "L’Alliance européenne des villes et des régions pour l’inclusion des Roms et des Gens "
        "du voyage a été lancée pendant la session du Congrès des pouvoirs locaux et régionaux."
    ),
}

STRASBOURG = {
    "venue_en": "Palais de l’Europe",
    "venue_fr": "Palais de l’Europe",
    "city": "Strasbourg",
    "country": "FR",
    "latitude": 48.5946,
    "longitude": 7.7748,
    "time_zone": "Europe/Paris",
}

# Invented events: days from the first loading (negative: past), start and end hours, and the
# fields; "days" and "hours" of a multi-day event count its last day.
INVENTED = [
    {
        "slug": "members-meeting-on-school-mediation-strasbourg",
        "days": 60,
        "hours": (10, 17),
        "kind": Event.Kind.MEETING,
        **STRASBOURG,
        "registration_open": True,
        "capacity": 40,
        "themes": ["education", "mediation-and-services"],
        "organisers": ["strasbourg"],
        "practices": ["school-mediators-budapest", "preschool-places-ostrava"],
        "title_en": "Members’ meeting on school mediation",
        "title_fr": "Réunion des membres sur la médiation scolaire",
        "summary_en": (
            "Member cities and regions compare how they recruit, train and employ school "
            "mediators, then work in small groups on the transition to secondary school. "
            "Registration is open to the members’ officers and elected representatives."
        ),
        "summary_fr": (
            "Les villes et régions membres comparent la manière dont elles recrutent, forment "
            "et emploient les médiateurs scolaires, puis travaillent en petits groupes sur le "
            "passage au collège. Inscription ouverte aux agents et aux élus des membres."
        ),
        "programme_en": (
            "## Morning\n\n"
            "- 10:00 Welcome by the Alliance’s Task Force\n"
            "- 10:20 School mediators in Budapest’s districts: ten years on\n"
            "- 11:00 Pre-school places for every child in Ostrava\n"
            "- 11:40 Questions from the members\n\n"
            "## Afternoon\n\n"
            "- 13:30 Workshops: recruitment and status; training; measuring attendance\n"
            "- 15:30 What each workshop proposes\n"
            "- 16:30 Conclusions and next steps"
        ),
        "programme_fr": (
            "## Matin\n\n"
            "- 10 h 00 Accueil par la Task Force de l’Alliance\n"
            "- 10 h 20 Les médiateurs scolaires des arrondissements de Budapest, dix ans après\n"
            "- 11 h 00 Une place en maternelle pour chaque enfant à Ostrava\n"
            "- 11 h 40 Questions des membres\n\n"
            "## Après-midi\n\n"
            "- 13 h 30 Ateliers : recrutement et statut ; formation ; mesure de l’assiduité\n"
            "- 15 h 30 Les propositions de chaque atelier\n"
            "- 16 h 30 Conclusions et suites"
        ),
    },
    {
        "slug": "online-seminar-recruiting-roma-candidates",
        "days": 23,
        "hours": (14, 16),
        "kind": Event.Kind.ONLINE,
        "time_zone": "Europe/Paris",
        "themes": ["political-participation", "women-and-youth"],
        "organisers": ["sliven"],
        "practices": ["women-leaders-sliven"],
        "title_en": "Online seminar: encouraging Roma women to stand for local office",
        "title_fr": "Séminaire en ligne : encourager les femmes roms à se présenter aux élections locales",
        "summary_en": (
            "Sliven presents its training for Roma women candidates; elected representatives "
            "of three members tell what helped them, and what stood in their way."
        ),
        "summary_fr": (
            "Sliven présente sa formation pour les candidates roms ; des élues de trois membres "
            "racontent ce qui les a aidées, et ce qui les a freinées."
        ),
    },
    {
        "slug": "seminar-on-local-data-and-monitoring-seville",
        "days": 131,
        "hours": (9, 17),
        "length": 2,
        "kind": Event.Kind.SEMINAR,
        "time_zone": "Europe/Madrid",
        "city": "Seville",
        "country": "ES",
        "latitude": 37.3891,
        "longitude": -5.9845,
        "venue_en": "Casa de la Provincia",
        "venue_fr": "Casa de la Provincia",
        "themes": ["data-and-monitoring"],
        "organisers": ["sevilla"],
        "partners": ["andalucia", "gent"],
        "practices": ["data-observatory-sevilla", "monitoring-dashboard-gent"],
        "title_en": "Seminar: measuring the inclusion of Roma at local level",
        "title_fr": "Séminaire : mesurer l’inclusion des Roms au niveau local",
        "summary_en": (
            "Two days on the figures a city can collect without registering anyone’s ethnicity: "
            "school attendance, housing conditions and employment in the neighbourhoods "
            "concerned."
        ),
        "summary_fr": (
            "Deux jours sur les chiffres qu’une ville peut recueillir sans enregistrer "
            "l’origine de quiconque : assiduité scolaire, conditions de logement et emploi "
            "dans les quartiers concernés."
        ),
    },
    {
        "slug": "study-visit-health-mediation-cluj-napoca",
        "days": -7,
        "hours": (9, 17),
        "length": 2,
        "kind": Event.Kind.STUDY_VISIT,
        "time_zone": "Europe/Bucharest",
        "city": "Cluj-Napoca",
        "country": "RO",
        "latitude": 46.7712,
        "longitude": 23.6236,
        "themes": ["health", "mediation-and-services"],
        "organisers": ["cluj-napoca"],
        "partners": ["timisoara", "kosice"],
        "practices": ["health-mediators-cluj"],
        "articles": ["health-mediators-compare-their-methods-in-cluj-napoca"],
        "title_en": "Study visit: health mediation in Cluj-Napoca",
        "title_fr": "Visite d’étude : la médiation en santé à Cluj-Napoca",
        "summary_en": (
            "Visits to neighbourhood clinics and family doctors with the city’s health "
            "mediators, and a meeting with the mothers who now train new mediators."
        ),
        "summary_fr": (
            "Visites de centres de santé de quartier et de médecins de famille avec les "
            "médiateurs en santé de la ville, et rencontre avec les mères qui forment "
            "aujourd’hui les nouveaux médiateurs."
        ),
    },
    {
        "slug": "members-meeting-on-housing-strasbourg",
        "days": -97,
        "hours": (10, 17),
        "kind": Event.Kind.MEETING,
        **STRASBOURG,
        "themes": ["housing"],
        "partners": ["madrid", "nantes", "ljubljana"],
        "practices": [
            "housing-desk-madrid",
            "travellers-sites-nantes",
            "roma-settlements-ljubljana",
        ],
        "articles": ["members-meet-in-strasbourg-on-housing-without-segregation"],
        "title_en": "Members’ meeting on housing without segregation",
        "title_fr": "Réunion des membres sur le logement sans ségrégation",
        "summary_en": (
            "Madrid, Nantes and Ljubljana presented how families left informal settlements "
            "and isolated sites; workshops prepared the next handbook on housing."
        ),
        "summary_fr": (
            "Madrid, Nantes et Ljubljana ont présenté comment des familles ont quitté "
            "campements et aires isolées ; des ateliers ont préparé le prochain guide sur le "
            "logement."
        ),
    },
    {
        "slug": "online-seminar-identity-papers",
        "days": -248,
        "hours": (10, 12),
        "kind": Event.Kind.ONLINE,
        "time_zone": "Europe/Paris",
        "themes": ["mediation-and-services"],
        "articles": ["online-seminar-on-identity-papers-and-access-to-rights"],
        "title_en": "Online seminar: identity papers and access to rights",
        "title_fr": "Séminaire en ligne : papiers d’identité et accès aux droits",
        "summary_en": (
            "Civil registry officers, legal aid associations and Roma mediators on birth "
            "registration and first identity cards."
        ),
        "summary_fr": (
            "Officiers d’état civil, associations d’aide juridique et médiateurs roms sur "
            "l’enregistrement des naissances et les premières cartes d’identité."
        ),
    },
]

RELATED = {"themes", "organisers", "partners", "practices", "articles"}
# Slugs of events of earlier demos, replaced by the ones above.
RETIRED = ["sample-meeting-of-alliance-members-strasbourg"]


def _invented(event, today):
    fields = {
        k: v for k, v in event.items() if k not in RELATED | {"slug", "days", "hours", "length"}
    }
    zone = ZoneInfo(event["time_zone"])
    first_day = today + datetime.timedelta(days=event["days"] - event.get("length", 1) + 1)
    last_day = today + datetime.timedelta(days=event["days"])
    start, end = event["hours"]
    return {
        **fields,
        "status": Event.Status.PUBLISHED,
        "starts_at": datetime.datetime.combine(first_day, datetime.time(start), zone),
        "ends_at": datetime.datetime.combine(last_day, datetime.time(end), zone),
    }


def load():
    cahrom, _created = Event.objects.get_or_create(
        slug=CAHROM["slug"], defaults={k: v for k, v in CAHROM.items() if k != "slug"}
    )
    Event.objects.get_or_create(
        slug=LAUNCH["slug"], defaults={k: v for k, v in LAUNCH.items() if k != "slug"}
    )
    statement = Article.objects.filter(slug="john-warmisham-at-cahrom").first()
    if statement:
        cahrom.articles.add(statement)
    Event.objects.filter(slug__in=RETIRED).delete()
    today = timezone.localdate()
    members = Member.objects.approved()
    for event in INVENTED:
        saved, created = Event.objects.get_or_create(
            slug=event["slug"], defaults=_invented(event, today)
        )
        if not created:
            continue
        saved.themes.set(Theme.objects.filter(slug__in=event.get("themes", [])))
        saved.organisers.set(members.filter(slug__in=event.get("organisers", [])))
        saved.partners.set(members.filter(slug__in=event.get("partners", [])))
        saved.practices.set(Practice.objects.filter(slug__in=event.get("practices", [])))
        saved.articles.set(Article.objects.filter(slug__in=event.get("articles", [])))
    return {"events": Event.objects.count()}
