"""Good practices for the demo, written by the team: real places among the demo members, the
themes the Alliance's meetings exchanged on (education at Budapest in 2012, housing at Madrid
and at Radenci in 2013, political participation after the Declaration of March 2017), the
projects, their partners and their figures invented. Some are in English and French, others in
English only, to show the "not yet translated" note. Publication dates are counted back from the
first loading. Loading twice changes nothing.
"""

import datetime

from django.utils import timezone

from members.models import Member

from .models import Practice, Theme

# (slug, themes, member slugs, start, end, English title and summary, French or None)
PRACTICES = [
    ("school-mediators-budapest", ["education", "mediation-and-services"], ["budapest"], 2012, 2016,
     ("School mediators in Budapest’s districts", "Roma mediators link schools and families, an idea exchanged at the Alliance’s seminar on education in Budapest in 2012."),
     ("Des médiateurs scolaires dans les arrondissements de Budapest", "Des médiateurs roms relient écoles et familles, une idée échangée lors du séminaire de l’Alliance sur l’éducation à Budapest en 2012.")),
    ("housing-desk-madrid", ["housing"], ["madrid"], 2013, None,
     ("A housing desk for families leaving informal settlements in Madrid", "One desk brings together the social services and the housing office for each family, following the Alliance’s meeting on housing in Madrid."),
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
     ("A week against anti-Gypsyism in Lyon’s schools", "Pupils meet Roma artists and historians; teachers receive material on the history of Roma and Travellers."),
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
     ("A social enterprise for urban gardens in Pécs", "Long-term unemployed residents grow vegetables sold to the city’s canteens."),
     None),
    ("travellers-sites-nantes", ["housing", "mediation-and-services"], ["nantes"], 2015, None,
     ("Family sites for Travellers in Nantes", "Small family sites with a fixed building replace the large transit area, designed with the families."),
     ("Des terrains familiaux pour les Gens du voyage à Nantes", "De petits terrains familiaux avec un bâti fixe remplacent la grande aire de passage, conçus avec les familles.")),
    ("youth-council-beograd", ["women-and-youth", "political-participation"], ["beograd"], 2019, None,
     ("A Roma youth council in Belgrade", "Young Roma advise the city on the services meant for them."),
     None),
    ("mediator-network-timisoara", ["mediation-and-services"], ["timisoara"], 2013, 2018,
     ("A network of school, health and labour mediators in Timișoara", "One coordinator for the city’s mediators, so that a family meets one person rather than three."),
     None),
    ("monitoring-dashboard-gent", ["data-and-monitoring", "fighting-anti-gypsyism"], ["gent"], 2020, None,
     ("Monitoring anti-Gypsyist incidents in Ghent", "A reporting point and a yearly public report on incidents, followed by the city’s anti-discrimination office."),
     ("Un suivi des incidents antitsiganes à Gand", "Un point de signalement et un rapport public annuel sur les incidents, suivis par le service de lutte contre les discriminations de la ville.")),
    ("anti-discrimination-training-graz", ["fighting-anti-gypsyism", "mediation-and-services"], ["graz"], 2021, None,
     ("Training front-desk staff against anti-Gypsyism in Graz", "Every officer who meets the public at the city’s service centres follows a day of training designed with Roma associations."),
     ("Former les agents d’accueil contre l’antitsiganisme à Graz", "Chaque agent qui reçoit le public dans les centres de services de la ville suit une journée de formation conçue avec des associations roms.")),
]  # fmt: skip


# What each practice's page says beyond its summary: the text, who it is for, with whom, what
# came of it and what was learnt, in English and (for the translated ones) French.
DETAILS = {
    "school-mediators-budapest": {
        "body_en": "Each mediator follows about forty families across two primary schools. They visit families whose children miss school, take part in parents’ evenings and explain the school’s expectations, and tell teachers what a family is going through.\n\nThe districts recruit mediators from the communities concerned and pay for a one-year training, validated by a teacher training college.",
        "body_fr": "Chaque médiateur suit une quarantaine de familles dans deux écoles primaires. Il rend visite aux familles dont les enfants manquent l’école, participe aux réunions de parents, explique ce que l’école attend et dit aux enseignants ce que vit une famille.\n\nLes arrondissements recrutent les médiateurs dans les communautés concernées et financent une formation d’un an, validée par une école normale.",
        "target_groups": (
            "Roma pupils of primary schools and their families",
            "Les élèves roms des écoles primaires et leurs familles",
        ),
        "partners": (
            "District school offices, a teacher training college, two Roma associations",
            "Les services scolaires des arrondissements, une école normale, deux associations roms",
        ),
        "results": (
            "Absences of the pupils followed fell by a third in two school years; more families came to parents’ evenings.",
            "Les absences des élèves suivis ont baissé d’un tiers en deux années scolaires ; davantage de familles viennent aux réunions de parents.",
        ),
        "lessons": (
            "Mediators need a permanent post and a place in the school team, not a project contract.",
            "Les médiateurs ont besoin d’un poste permanent et d’une place dans l’équipe de l’école, pas d’un contrat de projet.",
        ),
    },
    "housing-desk-madrid": {
        "body_en": "Before the desk, a family leaving a settlement dealt with five offices. Now one officer follows the family from the first visit to the keys of a flat, and for a year after the move.\n\nFlats are spread across the city’s districts, so that no new concentration appears.",
        "body_fr": "Avant le guichet, une famille quittant un campement avait affaire à cinq services. Désormais un seul agent la suit de la première visite jusqu’à la remise des clés d’un logement, et pendant l’année qui suit le relogement.\n\nLes logements sont répartis dans les arrondissements de la ville, pour qu’aucune nouvelle concentration n’apparaisse.",
        "target_groups": (
            "Families living in informal settlements",
            "Les familles vivant dans des campements",
        ),
        "partners": (
            "Municipal housing company, social services, Roma associations",
            "L’office municipal du logement, les services sociaux, des associations roms",
        ),
        "results": (
            "Most families rehoused since the desk opened still live in their flat five years later.",
            "La plupart des familles relogées depuis l’ouverture du guichet vivent toujours dans leur logement cinq ans plus tard.",
        ),
        "lessons": (
            "The year after the move matters as much as the move.",
            "L’année qui suit le relogement compte autant que le relogement lui-même.",
        ),
    },
    "roma-settlements-ljubljana": {
        "body_en": "The city and the utilities connected the settlements to water and electricity in stages, starting with public taps and shared meters, then individual connections paid in instalments.\n\nEach stage was agreed with the residents at a meeting in the settlement.",
        "target_groups": ("Residents of Roma settlements on the city’s edge", ""),
        "partners": ("Water and electricity utilities, the Roma residents’ councils", ""),
        "results": (
            "All households of the settlements concerned have running water; most have their own meter.",
            "",
        ),
        "lessons": (
            "Paying in instalments made individual connections affordable and was rarely defaulted on.",
            "",
        ),
    },
    "job-coaching-kosice": {
        "body_en": "Coaches meet each young person every week, from the choice of a training to the first months of work. Local employers offer trial weeks and name a tutor on their side.",
        "body_fr": "Les conseillers rencontrent chaque jeune toutes les semaines, du choix d’une formation aux premiers mois de travail. Des employeurs locaux proposent des semaines d’essai et désignent un tuteur de leur côté.",
        "target_groups": (
            "Roma aged 16 to 29 without a job or training",
            "Les Roms de 16 à 29 ans sans emploi ni formation",
        ),
        "partners": (
            "The labour office, a vocational school, twelve local employers",
            "L’agence pour l’emploi, un lycée professionnel, douze employeurs locaux",
        ),
        "results": (
            "About half of the young people followed signed a contract within a year.",
            "Environ la moitié des jeunes suivis ont signé un contrat dans l’année.",
        ),
        "lessons": (
            "A tutor at the employer’s is what keeps a first job going.",
            "C’est le tuteur chez l’employeur qui fait tenir un premier emploi.",
        ),
    },
    "health-mediators-cluj": {
        "body_en": "Mediators accompany families to register with a family doctor, keep a shared calendar of vaccinations and accompany pregnant women to their first check-ups.\n\nThe city hosted the Alliance’s study visit on health mediation.",
        "target_groups": ("Roma families without a family doctor", ""),
        "partners": (
            "The county public health directorate, family doctors, a Roma women’s association",
            "",
        ),
        "results": ("Vaccination of the children followed reached the city’s average.", ""),
        "lessons": ("Mediators must work with the doctors, not around them.", ""),
    },
    "roma-council-strasbourg": {
        "body_en": "The council brings together twelve residents, Roma and Travellers, drawn from volunteers, and the deputy mayor in charge. It gives an opinion on every decision of the city that concerns them, and the city answers in writing.",
        "body_fr": "Le conseil réunit douze habitants roms et voyageurs, tirés au sort parmi des volontaires, et l’adjoint au maire chargé du dossier. Il rend un avis sur chaque décision de la ville qui les concerne, et la ville répond par écrit.",
        "target_groups": (
            "Roma and Traveller residents of the city",
            "Les habitants roms et voyageurs de la ville",
        ),
        "partners": (
            "Neighbourhood centres, Traveller associations",
            "Les centres sociaux, des associations de Gens du voyage",
        ),
        "results": (
            "The council’s opinions changed the plan of two family sites and the opening hours of a service centre.",
            "Les avis du conseil ont modifié le plan de deux terrains familiaux et les horaires d’un centre de services.",
        ),
        "lessons": (
            "A written answer to each opinion is what gives the council its weight.",
            "La réponse écrite à chaque avis est ce qui donne son poids au conseil.",
        ),
    },
    "awareness-week-lyon": {
        "body_en": "Each spring, secondary schools host Roma artists and historians for a week of workshops, and teachers receive material on the history of Roma and Travellers, including their persecution during the Second World War.",
        "body_fr": "Chaque printemps, des collèges accueillent des artistes et des historiens roms pour une semaine d’ateliers, et les enseignants reçoivent des ressources sur l’histoire des Roms et des Gens du voyage, dont leur persécution pendant la Seconde Guerre mondiale.",
        "target_groups": (
            "Pupils aged 11 to 15 and their teachers",
            "Les élèves de 11 à 15 ans et leurs enseignants",
        ),
        "partners": (
            "The education authority, a Roma cultural association, the city’s libraries",
            "Le rectorat, une association culturelle rom, les bibliothèques de la ville",
        ),
        "results": (
            "Most participating schools have asked to take part again.",
            "La plupart des collèges participants ont demandé à recommencer.",
        ),
        "lessons": (
            "Meeting people changes more than lessons about them.",
            "Rencontrer des personnes change davantage que des cours à leur sujet.",
        ),
    },
    "women-leaders-sliven": {
        "body_en": "Over six months, Roma women who want to stand for local office follow workshops on the municipal budget, public speaking and campaigning, with a mentor from the city council.",
        "target_groups": ("Roma women interested in local politics", ""),
        "partners": ("Councillors of several parties, a women’s rights association", ""),
        "results": (
            "Several participants stood at the following local elections; two were elected.",
            "",
        ),
        "lessons": ("Mentors from several parties kept the training out of party politics.", ""),
    },
    "data-observatory-sevilla": {
        "body_en": "The observatory gathers figures the city already holds, by neighbourhood rather than by ethnicity: school attendance, housing conditions, registered jobseekers. A committee with Roma associations reads them before publication.",
        "body_fr": "L’observatoire rassemble des chiffres que la ville détient déjà, par quartier plutôt que par origine : assiduité scolaire, conditions de logement, demandeurs d’emploi inscrits. Un comité avec des associations roms les lit avant leur publication.",
        "target_groups": (
            "The city’s services, elected representatives and the public",
            "Les services de la ville, les élus et le public",
        ),
        "partners": (
            "The university’s sociology department, Roma associations",
            "Le département de sociologie de l’université, des associations roms",
        ),
        "results": (
            "A yearly report, used to set the city’s targets for its Roma inclusion plan.",
            "Un rapport annuel, qui sert à fixer les objectifs du plan local d’inclusion des Roms.",
        ),
        "lessons": (
            "Figures by neighbourhood avoid registering anyone’s ethnicity and still show progress.",
            "Des chiffres par quartier évitent d’enregistrer l’origine de quiconque et montrent pourtant les progrès.",
        ),
    },
    "preschool-places-ostrava": {
        "body_en": "The city reserved free pre-school places in mixed schools and a minibus for the children of two neighbourhoods, and a mediator visits the families before the school year.",
        "target_groups": ("Children aged 3 to 6 and their parents", ""),
        "partners": ("Kindergartens, a transport company, a Roma association", ""),
        "results": (
            "Nearly all children of the neighbourhoods concerned now start primary school after pre-school.",
            "",
        ),
        "lessons": ("Transport was the obstacle nobody had named.", ""),
    },
    "social-enterprise-pecs": {
        "body_en": "The enterprise employs long-term unemployed residents, Roma and non-Roma, to grow vegetables on municipal land. School canteens buy the harvest at market price.",
        "target_groups": ("Long-term unemployed residents", ""),
        "partners": ("School canteens, the county employment office", ""),
        "results": (
            "The enterprise covers most of its costs from its sales; several workers moved on to other jobs.",
            "",
        ),
        "lessons": ("A sure buyer, the canteens, is what made the enterprise viable.", ""),
    },
    "travellers-sites-nantes": {
        "body_en": "The families chose the layout of each site: a small building with kitchen and bathroom, space for two or three caravans, a garden. Rents are those of social housing.",
        "body_fr": "Les familles ont choisi l’aménagement de chaque terrain : un petit bâtiment avec cuisine et salle d’eau, la place pour deux ou trois caravanes, un jardin. Les loyers sont ceux du logement social.",
        "target_groups": (
            "Traveller families living in the metropolitan area",
            "Les familles du voyage vivant dans la métropole",
        ),
        "partners": (
            "A social landlord, a Traveller association",
            "Un bailleur social, une association de Gens du voyage",
        ),
        "results": (
            "Families stay, children attend school all year, and the sites are well kept.",
            "Les familles restent, les enfants vont à l’école toute l’année, et les terrains sont bien entretenus.",
        ),
        "lessons": (
            "Designing with the families took longer and cost less in the end.",
            "Concevoir avec les familles a pris plus de temps et a coûté moins cher au bout du compte.",
        ),
    },
    "youth-council-beograd": {
        "body_en": "Fifteen young Roma, elected in their neighbourhoods, meet every two months and present recommendations to the city’s councillors, who answer in writing.",
        "target_groups": ("Roma aged 15 to 25", ""),
        "partners": ("The city’s youth office, youth associations", ""),
        "results": (
            "The council’s first recommendations led to scholarships for secondary school.",
            "",
        ),
        "lessons": ("Young people stay when their recommendations get an answer.", ""),
    },
    "mediator-network-timisoara": {
        "body_en": "School, health and labour mediators had different employers and never met. A coordinator at the city now brings them together each week and shares their caseload, so that a family has one mediator.",
        "target_groups": ("Families followed by mediators", ""),
        "partners": (
            "The school inspectorate, the public health directorate, the labour office",
            "",
        ),
        "results": (
            "Fewer families followed by two or three mediators at once; one case file per family.",
            "",
        ),
        "lessons": ("Coordination needs a person, not a protocol.", ""),
    },
    "monitoring-dashboard-gent": {
        "body_en": "Anyone can report an anti-Gypsyist incident online, by phone or through an association. The city’s anti-discrimination office follows each report and publishes a yearly report with the follow-up given.",
        "body_fr": "Chacun peut signaler un incident antitsigane en ligne, par téléphone ou par une association. Le service de lutte contre les discriminations de la ville suit chaque signalement et publie un rapport annuel avec la suite donnée.",
        "target_groups": (
            "Roma residents and the associations that accompany them",
            "Les habitants roms et les associations qui les accompagnent",
        ),
        "partners": (
            "The national equality body, Roma associations",
            "L’organisme national de promotion de l’égalité, des associations roms",
        ),
        "results": (
            "Reports rose each year, read as growing trust; most concern housing and access to shops.",
            "Les signalements augmentent chaque année, signe d’une confiance croissante ; la plupart concernent le logement et l’accès aux commerces.",
        ),
        "lessons": (
            "Publishing the follow-up of each case is what makes people report.",
            "Publier la suite donnée à chaque cas est ce qui incite à signaler.",
        ),
    },
    "anti-discrimination-training-graz": {
        "body_en": "The training was designed with Roma associations and is given by a Roma trainer and a city officer together: what anti-Gypsyism is, how it shows at a counter, and what to do when a colleague or a visitor expresses it.",
        "body_fr": "La formation a été conçue avec des associations roms et est animée par un formateur rom et un agent de la ville ensemble : ce qu’est l’antitsiganisme, comment il se manifeste à un guichet, et que faire quand un collègue ou un usager l’exprime.",
        "target_groups": (
            "Front-desk staff of the city’s service centres",
            "Les agents d’accueil des centres de services de la ville",
        ),
        "partners": (
            "Roma associations, the city’s training department",
            "Des associations roms, le service de formation de la ville",
        ),
        "results": (
            "Most front-desk staff trained within two years; complaints about reception fell.",
            "La plupart des agents d’accueil formés en deux ans ; les plaintes sur l’accueil ont baissé.",
        ),
        "lessons": (
            "A Roma trainer beside a colleague makes the day credible for the staff.",
            "Un formateur rom aux côtés d’un collègue rend la journée crédible pour les agents.",
        ),
    },
}

# The office each practice's page names as its contact, in English and French.
CONTACT_ROLES = ("Roma inclusion office", "Service d’inclusion des Roms")


def _fields(slug, english, french, number, now):
    title_en, summary_en = english
    details = DETAILS[slug]
    fields = {
        "title_en": title_en,
        "summary_en": summary_en,
        "body_en": details["body_en"],
        "original_language": "en",
        "contact_role_en": CONTACT_ROLES[0],
        "status": Practice.Status.PUBLISHED,
        # Spread over the last year and a half, the newest a few days old.
        "published_at": now - datetime.timedelta(days=4 + 37 * number, hours=number % 6),
    }
    for name in ("target_groups", "partners", "results", "lessons"):
        fields[f"{name}_en"] = details[name][0]
    if french:
        title_fr, summary_fr = french
        fields.update(
            title_fr=title_fr,
            summary_fr=summary_fr,
            body_fr=details["body_fr"],
            contact_role_fr=CONTACT_ROLES[1],
        )
        for name in ("target_groups", "partners", "results", "lessons"):
            fields[f"{name}_fr"] = details[name][1]
    return fields


def load():
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    now = timezone.now()
    for number, (slug, theme_slugs, member_slugs, start, end, english, french) in enumerate(
        PRACTICES
    ):
        if Practice.objects.filter(slug=slug).exists():
            continue
        practice = Practice.objects.create(
            slug=slug, start_year=start, end_year=end, **_fields(slug, english, french, number, now)
        )
        practice.themes.set([themes[name] for name in theme_slugs if name in themes])
        practice.members.set(Member.objects.approved().filter(slug__in=member_slugs))
    return {"practices": Practice.objects.count()}
