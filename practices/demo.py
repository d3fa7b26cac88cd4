"""Sample good practices for the demo, written by the team: real places among the demo members,
the themes the Alliance's meetings exchanged on (education at Budapest in 2012, housing at Madrid
and at Radenci in 2013, political participation after the Declaration of March 2017), the
projects and their figures invented. Each text ends with a note saying so. Some are in English and
French, others in English only, to show the "not yet translated" note. Loading twice changes
nothing.
"""

import datetime

from django.utils import timezone

from members.models import Member

from .models import Practice, Theme

NOTE_EN = (
    "\n\n*This practice is sample content written for the demonstration of the portal; the "
    "place is real, the project is not.*"
)
NOTE_FR = (
    "\n\n*Cette pratique est un exemple rédigé pour la démonstration du portail ; le lieu est "
    "réel, le projet ne l’est pas.*"
)

# (slug, themes, member slugs, start, end, English title and summary, French or None)
PRACTICES = [
    ("school-mediators-budapest", ["education", "mediation-and-services"], ["budapest"], 2012, 2016,
     ("School mediators in Budapest's districts", "Roma mediators link schools and families, an idea exchanged at the Alliance's seminar on education in Budapest in 2012."),
     ("Des médiateurs scolaires dans les arrondissements de Budapest", "Des médiateurs roms relient écoles et familles, une idée échangée lors du séminaire de l’Alliance sur l’éducation à Budapest en 2012.")),
    ("housing-desk-madrid", ["housing"], ["madrid"], 2013, None,
     ("A housing desk for families leaving informal settlements in Madrid", "One desk brings together the social services and the housing office for each family, following the Alliance's meeting on housing in Madrid."),
     ("Un guichet logement pour les familles quittant les campements à Madrid", "Un guichet unique réunit services sociaux et office du logement pour chaque famille, à la suite de la réunion de l’Alliance sur le logement à Madrid.")),
    ("roma-settlements-ljubljana", ["housing", "health"], ["ljubljana"], 2013, 2019,
     ("Water and electricity in Roma settlements around Ljubljana", "Connecting settlements to the networks, discussed at the Radenci meeting on Roma housing in 2013."),
     None),
    ("job-coaching-kosice", ["employment", "women-and-youth"], ["kosice"], 2015, None,
     ("Job coaching for young Roma in Košice", "Coaches accompany young people from training to their first contract with local employers."),
     ("Un accompagnement vers l’emploi pour les jeunes Roms à Košice", "Des conseillers accompagnent les jeunes de la formation jusqu’au premier contrat chez des employeurs locaux.")),
    ("health-mediators-cluj", ["health", "mediation-and-services"], ["cluj-napoca"], 2014, 2020,
     ("Health mediators in Cluj-Napoca", "Mediators help families register with a family doctor and follow vaccination calendars."),
     None),
    ("roma-council-strasbourg", ["political-participation"], ["strasbourg"], 2017, None,
     ("A consultative council of Roma and Travellers in Strasbourg", "Elected representatives and Roma and Traveller residents meet each quarter, in the spirit of the Declaration against anti-Gypsyism of March 2017."),
     ("Un conseil consultatif des Roms et des Gens du voyage à Strasbourg", "Élus et habitants roms et voyageurs se réunissent chaque trimestre, dans l’esprit de la Déclaration contre l’antitsiganisme de mars 2017.")),
    ("awareness-week-lyon", ["fighting-anti-gypsyism"], ["lyon"], 2018, None,
     ("A week against anti-Gypsyism in Lyon's schools", "Pupils meet Roma artists and historians; teachers receive material on the history of Roma and Travellers."),
     ("Une semaine contre l’antitsiganisme dans les écoles de Lyon", "Les élèves rencontrent des artistes et des historiens roms ; les enseignants reçoivent des ressources sur l’histoire des Roms et des Gens du voyage.")),
    ("women-leaders-sliven", ["women-and-youth", "political-participation"], ["sliven"], 2018, 2021,
     ("Training Roma women to stand for local office in Sliven", "Workshops for Roma women who want to enter local politics, as the Congress encourages."),
     None),
    ("data-observatory-sevilla", ["data-and-monitoring"], ["sevilla"], 2016, None,
     ("A local observatory of Roma inclusion in Seville", "The city publishes each year figures on schooling, housing and employment in the neighbourhoods concerned, to measure progress."),
     ("Un observatoire local de l’inclusion des Roms à Séville", "La ville publie chaque année des chiffres sur la scolarisation, le logement et l’emploi dans les quartiers concernés, pour mesurer les progrès.")),
    ("preschool-places-ostrava", ["education"], ["ostrava"], 2016, 2019,
     ("Pre-school places for every child in Ostrava", "Free places and transport so that Roma children start school with the others."),
     None),
    ("social-enterprise-pecs", ["employment"], ["pecs"], 2014, None,
     ("A social enterprise for urban gardens in Pécs", "Long-term unemployed residents grow vegetables sold to the city's canteens."),
     None),
    ("travellers-sites-nantes", ["housing", "mediation-and-services"], ["nantes"], 2015, None,
     ("Family sites for Travellers in Nantes", "Small family sites with a fixed building replace the large transit area, designed with the families."),
     ("Des terrains familiaux pour les Gens du voyage à Nantes", "De petits terrains familiaux avec un bâti fixe remplacent la grande aire de passage, conçus avec les familles.")),
    ("youth-council-beograd", ["women-and-youth", "political-participation"], ["beograd"], 2019, None,
     ("A Roma youth council in Belgrade", "Young Roma advise the city on the services meant for them."),
     None),
    ("mediator-network-timisoara", ["mediation-and-services"], ["timisoara"], 2013, 2018,
     ("A network of school, health and labour mediators in Timișoara", "One coordinator for the city's mediators, so that a family meets one person rather than three."),
     None),
    ("monitoring-dashboard-gent", ["data-and-monitoring", "fighting-anti-gypsyism"], ["gent"], 2020, None,
     ("Monitoring anti-Gypsyist incidents in Ghent", "A reporting point and a yearly public report on incidents, followed by the city's anti-discrimination office."),
     ("Un suivi des incidents antitsiganes à Gand", "Un point de signalement et un rapport public annuel sur les incidents, suivis par le service de lutte contre les discriminations de la ville.")),
]  # fmt: skip


def load():
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    now = timezone.now()
    for number, (slug, theme_slugs, member_slugs, start, end, english, french) in enumerate(
        PRACTICES
    ):
        if Practice.objects.filter(slug=slug).exists():
            continue
        title_en, summary_en = english
        fields = {
            "title_en": title_en,
            "summary_en": summary_en,
            "body_en": summary_en + NOTE_EN,
            "original_language": "en",
            "start_year": start,
            "end_year": end,
            "contact_role_en": "Roma inclusion office (sample contact)",
            "status": Practice.Status.PUBLISHED,
            "published_at": now - datetime.timedelta(days=20 * (number + 1)),
        }
        if french:
            title_fr, summary_fr = french
            fields.update(
                title_fr=title_fr,
                summary_fr=summary_fr,
                body_fr=summary_fr + NOTE_FR,
                contact_role_fr="Service d’inclusion des Roms (contact d’exemple)",
            )
        practice = Practice.objects.create(slug=slug, **fields)
        practice.themes.set([themes[name] for name in theme_slugs if name in themes])
        practice.members.set(Member.objects.approved().filter(slug__in=member_slugs))
    return {"practices": Practice.objects.count()}
