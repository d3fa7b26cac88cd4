"""Events of the Alliance's history and one sample announcement, its programme ending with a
note that says so, to show registration and the map of upcoming events.

Dates and places are the Alliance's history: the CAHROM meeting as the Alliance's page states
it, the launch at the Congress session of 20 March 2013 in Strasbourg. Only events whose day
is known are here: the Budapest (2012), Madrid (2012) and Radenci (September 2013) seminars
are known by year or month only.
"""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from news.models import Article

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

SAMPLE = {
    "slug": "sample-meeting-of-alliance-members-strasbourg",
    "kind": Event.Kind.MEETING,
    "status": Event.Status.PUBLISHED,
    "time_zone": "Europe/Paris",
    "venue_en": "Palais de l’Europe",
    "venue_fr": "Palais de l’Europe",
    "city": "Strasbourg",
    "country": "FR",
    "latitude": 48.5946,
    "longitude": 7.7748,
    "registration_open": True,
    "capacity": 40,
    "title_en": "Meeting of Alliance members",
    "title_fr": "Réunion des membres de l’Alliance",
    "summary_en": (
        "Member cities and regions exchange their practices on housing, then work in "
        "small groups. Registration is open to the members' officers and elected representatives."
    ),
    "summary_fr": (
        "Les villes et régions membres échangent leurs pratiques sur le logement, puis "
        "travaillent en petits groupes. Inscription ouverte aux agents et aux élus des membres."
    ),
    "programme_en": "## Morning\n\nExchange of practices on housing.\n\n## Afternoon\n\nWorkshops.\n\n*Sample event of the demonstration content, not a real meeting.*",
    "programme_fr": "## Matin\n\nÉchange de pratiques sur le logement.\n\n## Après-midi\n\nAteliers.\n\n*Événement d’exemple du contenu de démonstration, pas une vraie réunion.*",
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
    # Always some weeks ahead, whenever the demo is loaded.
    day = timezone.localdate() + datetime.timedelta(days=60)
    starts = datetime.datetime.combine(day, datetime.time(10, 0), tzinfo=PARIS)
    Event.objects.get_or_create(
        slug=SAMPLE["slug"],
        defaults={
            **{k: v for k, v in SAMPLE.items() if k != "slug"},
            "starts_at": starts,
            "ends_at": starts + datetime.timedelta(hours=7),
        },
    )
    return {"events": Event.objects.count()}
