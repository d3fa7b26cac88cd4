"""Events of the Alliance's history and one sample announcement, labelled as a sample, to
show registration and the map of upcoming events.

Dates and places are the Alliance's history: the CAHROM meeting as the Alliance's page states
it, the launch at the Congress session of 20 March 2013 in Strasbourg. The descriptions are
the team's, marked as sample text. Only events whose day is known are here: the Budapest
(2012), Madrid (2012) and Radenci (September 2013) seminars are known by year or month only.
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
        "Sample description: John Warmisham, Congress Thematic Spokesperson on Roma and "
        "Travellers, spoke on the political participation of Roma."
    ),
    "summary_fr": (
        "Description d’exemple : John Warmisham, porte-parole thématique du Congrès sur les Roms "
        "et les Gens du voyage, y a parlé de la participation politique des Roms."
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
        "Sample description: the Alliance of European Cities and Regions for the Inclusion "
        "of Roma and Travellers was launched during the session of the Congress of Local and "
        "Regional Authorities."
    ),
    "summary_fr": (
        "Description d’exemple : l’Alliance européenne des villes et des régions pour "
        "l’inclusion des Roms et des Gens du voyage a été lancée pendant la session du Congrès "
        "des pouvoirs locaux et régionaux."
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
    "title_en": "Meeting of Alliance members (sample)",
    "title_fr": "Réunion des membres de l’Alliance (exemple)",
    "summary_en": (
        "A sample event of the demonstration content: it shows how an event with registration "
        "is announced. It is not a real meeting."
    ),
    "summary_fr": (
        "Un événement d’exemple du contenu de démonstration : il montre comment un événement "
        "ouvert aux inscriptions est annoncé. Ce n’est pas une vraie réunion."
    ),
    "programme_en": "*This programme is a sample.*\n\n## Morning\n\nExchange of practices on housing.\n\n## Afternoon\n\nWorkshops.",
    "programme_fr": "*Ce programme est un exemple.*\n\n## Matin\n\nÉchange de pratiques sur le logement.\n\n## Après-midi\n\nAteliers.",
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
