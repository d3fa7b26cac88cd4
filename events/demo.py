"""Events of the Alliance's history (date and place as the Alliance's page states them) and one
sample announcement, labelled as a sample, to show registration.

The descriptions are the team's, marked as sample text. Only events whose day is known are
here: the page names the Budapest (2012), Madrid and Radenci (2013) seminars by year only.
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

SAMPLE = {
    "slug": "sample-meeting-of-alliance-members-strasbourg",
    "kind": Event.Kind.MEETING,
    "status": Event.Status.PUBLISHED,
    "time_zone": "Europe/Paris",
    "venue_en": "Palais de l’Europe",
    "venue_fr": "Palais de l’Europe",
    "city": "Strasbourg",
    "country": "FR",
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
