"""The Alliance's first real article (John Warmisham's statement at CAHROM, 24 May 2018, from
the Alliance's page) and invented articles of the last months, so that the news reads as a
body's news: a study visit, a handbook, a call for practices, a member's yearly report. Their
dates are counted back from the first loading, so that the demo never looks abandoned; the
people they quote are invented, and the about page says once that the site shows demonstration
content (alliance/demo.py)."""

import datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

from members.models import Member

from .models import Article, Tag

PARIS = ZoneInfo("Europe/Paris")
CAHROM = {
    "slug": "john-warmisham-at-cahrom",
    "kind": Article.Kind.STATEMENT,
    "status": Article.Status.PUBLISHED,
    "published_at": datetime.datetime(2018, 5, 24, 12, 0, tzinfo=ZoneInfo("Europe/Athens")),
    "countries": ["GR"],
    "speaker_name": "John Warmisham",
    "quote_speaker": "John Warmisham",
    "title_en": (
        "John Warmisham at CAHROM: “If Roma have a political voice, they can stand up for "
        "their rights and fight anti-Gypsyism.”"
    ),
    "title_fr": (
        "John Warmisham au CAHROM : « Si les Roms ont une voix politique, ils peuvent défendre "
        "leurs droits et combattre l’antitsiganisme. »"
    ),
    "lead_en": (
        "“The Congress sees the political participation of Roma as one of the key conditions "
        "to their inclusion,” stated John Warmisham at the 15th meeting of CAHROM in Athens."
    ),
    "lead_fr": (
        "« Le Congrès considère la participation politique des Roms comme l’une des conditions "
        "essentielles de leur inclusion », a déclaré John Warmisham lors de la 15e réunion du "
        "CAHROM à Athènes."
    ),
    "quote_en": "If Roma have a political voice, they can stand up for their rights and fight anti-Gypsyism.",
    "quote_fr": (
        "Si les Roms ont une voix politique, ils peuvent défendre leurs droits et combattre "
        "l’antitsiganisme."
    ),
    "speaker_role_en": "Congress Thematic Spokesperson on Roma and Travellers",
    "speaker_role_fr": "Porte-parole thématique du Congrès sur les Roms et les Gens du voyage",
    "event_en": "15th Meeting of the Ad Hoc Committee of Experts on Roma and Traveller Issues (CAHROM)",
    "event_fr": "15e réunion du Comité ad hoc d’experts sur les questions relatives aux Roms et aux Gens du voyage (CAHROM)",
    "place_en": "Athens",
    "place_fr": "Athènes",
    "body_en": (
        "“The Congress sees the political participation of Roma as one of the key conditions "
        "to their inclusion,” stated John WARMISHAM, Congress Thematic Spokesperson on Roma "
        "and Travellers, at the 15th Meeting of the Ad Hoc Committee of Experts on Roma and "
        "Traveller Issues (CAHROM), held in Athens on 24 May 2018.\n\n"
        "“We as the Congress encourage municipalities to form structures for political "
        "participation for example in our national Roma networks,” he added. Mr WARMISHAM "
        "underlined the importance for political parties of setting-up measures to "
        "encourage especially Roma and Traveller women to enter the world of politics. “The "
        "local and regional authorities have the responsibility to support Roma to become "
        "politically active and visible,” he stressed.\n\n"
        "The topic of political participation in the Congress national Roma network is "
        "addressed in the Declaration against anti-Gypsyism endorsed by the Congress in "
        "March 2017. “The mayors who sign the Declaration commit themselves to strive for "
        "the fair representation of Roma and Travellers at all levels of democracy,” "
        "explained John WARMISHAM. “Until today 100 elected representatives from all over "
        "Europe have signed the Declaration and committed themselves to the support of Roma "
        "candidates,” he concluded."
    ),
    "body_fr": (
        "« Le Congrès considère la participation politique des Roms comme l’une des "
        "conditions essentielles de leur inclusion », a déclaré John WARMISHAM, porte-parole "
        "thématique du Congrès sur les Roms et les Gens du voyage, lors de la 15e réunion du "
        "Comité ad hoc d’experts sur les questions relatives aux Roms et aux Gens du voyage "
        "(CAHROM), tenue à Athènes le 24 mai 2018.\n\n"
        "« En tant que Congrès, nous encourageons les municipalités à créer des structures "
        "de participation politique, par exemple au sein de nos réseaux nationaux roms », "
        "a-t-il ajouté. M. WARMISHAM a souligné l’importance, pour les partis politiques, de "
        "mettre en place des mesures qui encouragent en particulier les femmes roms et "
        "issues des Gens du voyage à entrer en politique. « Les collectivités locales et "
        "régionales ont la responsabilité d’aider les Roms à devenir politiquement actifs "
        "et visibles », a-t-il insisté.\n\n"
        "La question de la participation politique au sein du réseau national rom du Congrès "
        "est abordée dans la Déclaration contre l’antitsiganisme approuvée par le Congrès en "
        "mars 2017. « Les maires qui signent la Déclaration s’engagent à œuvrer pour une "
        "représentation équitable des Roms et des Gens du voyage à tous les niveaux de la "
        "démocratie », a expliqué John WARMISHAM. « À ce jour, 100 élus de toute l’Europe "
        "ont signé la Déclaration et se sont engagés à soutenir les candidats roms », a-t-il "
        "conclu."
    ),
}

# Invented articles: (days before the first loading, hour) and their fields.
RECENT = [
    ((6, 11), {
        "slug": "health-mediators-compare-their-methods-in-cluj-napoca",
        "kind": Article.Kind.EVENT,
        "countries": ["RO"],
        "members": ["cluj-napoca", "timisoara", "kosice", "sevilla"],
        "tags": ["health"],
        "title_en": "Health mediators from eight cities compare their methods in Cluj-Napoca",
        "title_fr": "À Cluj-Napoca, les médiateurs en santé de huit villes comparent leurs méthodes",
        "lead_en": (
            "Two days of visits to neighbourhood clinics and family doctors: how mediators help "
            "families register with a doctor, follow vaccinations and reach maternity care."
        ),
        "lead_fr": (
            "Deux jours de visites de centres de santé de quartier et de médecins de famille : "
            "comment les médiateurs aident les familles à s’inscrire chez un médecin, à suivre "
            "les vaccinations et à accéder aux soins de maternité."
        ),
        "event_en": "Study visit on health mediation",
        "event_fr": "Visite d’étude sur la médiation en santé",
        "place_en": "Cluj-Napoca",
        "place_fr": "Cluj-Napoca",
        "quote_en": (
            "A mediator is not a shortcut around the health system: her work is to make the "
            "system open its door, and then to step back."
        ),
        "quote_fr": (
            "Une médiatrice n’est pas un raccourci pour contourner le système de santé : son "
            "travail est de lui faire ouvrir sa porte, puis de s’effacer."
        ),
        "quote_speaker": "Ioana Mocanu",
        "speaker_name": "Ioana Mocanu",
        "speaker_role_en": "Coordinator of health mediators, Cluj-Napoca",
        "speaker_role_fr": "Coordinatrice des médiateurs en santé, Cluj-Napoca",
        "body_en": (
            "Officers and mediators from eight member cities spent two days in Cluj-Napoca, "
            "whose team of health mediators has worked in the city’s neighbourhoods for ten "
            "years.\n\n"
            "## What the visitors saw\n\n"
            "- a morning with two mediators and the family doctors they work with;\n"
            "- the city’s shared record of vaccinations, kept with the families’ consent;\n"
            "- a meeting with Roma mothers who now train new mediators.\n\n"
            "## What they take home\n\n"
            "The participants agreed that mediators need a clear place in the health "
            "services rather than a project’s contract: three cities will propose a permanent "
            "post to their councils this year. The notes of the visit are in the participants’ "
            "space."
        ),
        "body_fr": (
            "Des agents et des médiateurs de huit villes membres ont passé deux jours à "
            "Cluj-Napoca, dont l’équipe de médiateurs en santé travaille dans les quartiers "
            "depuis dix ans.\n\n"
            "## Ce que les participants ont vu\n\n"
            "- une matinée avec deux médiatrices et les médecins de famille avec qui elles "
            "travaillent ;\n"
            "- le registre municipal des vaccinations, tenu avec l’accord des familles ;\n"
            "- une rencontre avec des mères roms qui forment aujourd’hui les nouveaux "
            "médiateurs.\n\n"
            "## Ce qu’ils en retiennent\n\n"
            "Les participants ont constaté que les médiateurs ont besoin d’une place reconnue "
            "dans les services de santé plutôt que d’un contrat de projet : trois villes "
            "proposeront cette année un poste permanent à leur conseil. Les notes de la visite "
            "sont dans l’espace des participants."
        ),
    }),
    ((19, 10), {
        "slug": "call-for-practices-school-mediation",
        "kind": Article.Kind.NEWS,
        "countries": [],
        "members": [],
        "tags": ["education"],
        "title_en": "Call for practices: how does your city work with school mediators?",
        "title_fr": "Appel à pratiques : comment votre ville travaille-t-elle avec des médiateurs scolaires ?",
        "lead_en": (
            "Before the members’ meeting on school mediation, the Alliance collects the "
            "experience of its cities and regions: recruitment, training, status and results."
        ),
        "lead_fr": (
            "Avant la réunion des membres sur la médiation scolaire, l’Alliance recueille "
            "l’expérience de ses villes et régions : recrutement, formation, statut et résultats."
        ),
        "body_en": (
            "School mediators are among the measures members most often describe, and among "
            "those whose results are the hardest to compare. To prepare the members’ meeting "
            "in Strasbourg, the Alliance invites every member to describe its own practice in "
            "the good practices database.\n\n"
            "## What to describe\n\n"
            "1. How mediators are recruited, and whether they come from the communities "
            "concerned.\n"
            "2. Their training and their status: employed by the city, the school or an "
            "association.\n"
            "3. What changed for attendance and for the transition to secondary school.\n\n"
            "Contact persons of members propose a practice from the participants’ space; the "
            "secretariat reviews it before publication."
        ),
        "body_fr": (
            "Les médiateurs scolaires comptent parmi les mesures que les membres décrivent le "
            "plus souvent, et parmi celles dont les résultats sont les plus difficiles à "
            "comparer. Pour préparer la réunion des membres à Strasbourg, l’Alliance invite "
            "chaque membre à décrire sa pratique dans la base des bonnes pratiques.\n\n"
            "## Ce qu’il faut décrire\n\n"
            "1. Le recrutement des médiateurs, et s’ils sont issus des communautés "
            "concernées.\n"
            "2. Leur formation et leur statut : employés par la ville, l’école ou une "
            "association.\n"
            "3. Ce qui a changé pour l’assiduité et le passage au collège.\n\n"
            "Les personnes de contact des membres proposent une pratique depuis l’espace des "
            "participants ; le secrétariat la relit avant sa publication."
        ),
    }),
    ((41, 9), {
        "slug": "handbook-involving-roma-residents-in-local-decisions",
        "kind": Article.Kind.PUBLICATION,
        "countries": [],
        "members": ["strasbourg", "beograd", "sliven"],
        "tags": ["political-participation"],
        "title_en": "A handbook on involving Roma residents in local decisions",
        "title_fr": "Un guide pour associer les habitants roms aux décisions locales",
        "lead_en": (
            "Consultative councils, youth councils, mentoring of candidates: what members "
            "learnt from ten years of participation structures, in a handbook for elected "
            "representatives and officers."
        ),
        "lead_fr": (
            "Conseils consultatifs, conseils de jeunes, accompagnement de candidats : ce que "
            "les membres ont appris de dix ans de structures de participation, dans un guide "
            "pour les élus et les agents."
        ),
        "body_en": (
            "The Congress sees the political participation of Roma as one of the key "
            "conditions to their inclusion. The handbook gathers what members of the Alliance "
            "have tried since the Declaration against anti-Gypsyism of March 2017.\n\n"
            "## What the handbook covers\n\n"
            "- setting up a consultative council, and giving it a real say on the budget;\n"
            "- youth councils, and how to keep them alive after the first year;\n"
            "- encouraging Roma and Traveller women to stand for local office.\n\n"
            "The handbook is in the library, in English and French."
        ),
        "body_fr": (
            "Le Congrès considère la participation politique des Roms comme l’une des "
            "conditions essentielles de leur inclusion. Le guide rassemble ce que les membres "
            "de l’Alliance ont essayé depuis la Déclaration contre l’antitsiganisme de mars "
            "2017.\n\n"
            "## Ce que couvre le guide\n\n"
            "- créer un conseil consultatif, et lui donner une vraie voix sur le budget ;\n"
            "- les conseils de jeunes, et comment les faire vivre après la première année ;\n"
            "- encourager les femmes roms et issues des Gens du voyage à se présenter aux "
            "élections locales.\n\n"
            "Le guide est dans la bibliothèque, en anglais et en français."
        ),
    }),
    ((97, 16), {
        "slug": "members-meet-in-strasbourg-on-housing-without-segregation",
        "kind": Article.Kind.EVENT,
        "countries": ["FR"],
        "members": ["madrid", "nantes", "ljubljana"],
        "tags": ["housing"],
        "title_en": "Alliance members meet in Strasbourg on housing without segregation",
        "title_fr": "Les membres de l’Alliance réunis à Strasbourg sur le logement sans ségrégation",
        "lead_en": (
            "Madrid, Nantes and Ljubljana presented how they moved families out of informal "
            "settlements and isolated sites without moving them to the city’s edge."
        ),
        "lead_fr": (
            "Madrid, Nantes et Ljubljana ont présenté comment elles ont permis à des familles "
            "de quitter campements et aires isolées sans les reléguer aux marges de la ville."
        ),
        "event_en": "Meeting of Alliance members",
        "event_fr": "Réunion des membres de l’Alliance",
        "place_en": "Strasbourg",
        "place_fr": "Strasbourg",
        "body_en": (
            "Representatives of member cities and regions met at the Palais de l’Europe to "
            "exchange their practices on the **inclusion of Roma and Travellers** in "
            "housing.\n\n"
            "## Three ways in\n\n"
            "- a single housing desk for each family (Madrid);\n"
            "- small family sites designed with Traveller families (Nantes);\n"
            "- water and electricity first, then the rest (Ljubljana).\n\n"
            "The afternoon workshops drafted the questions the next handbook will answer: "
            "mixing social housing, working with private landlords, and keeping families "
            "involved after the move."
        ),
        "body_fr": (
            "Des représentants des villes et régions membres se sont réunis au Palais de "
            "l’Europe pour échanger leurs pratiques d’**inclusion des Roms et des Gens du "
            "voyage** dans le logement.\n\n"
            "## Trois approches\n\n"
            "- un guichet logement unique pour chaque famille (Madrid) ;\n"
            "- de petits terrains familiaux conçus avec les familles du voyage (Nantes) ;\n"
            "- l’eau et l’électricité d’abord, puis le reste (Ljubljana).\n\n"
            "Les ateliers de l’après-midi ont dressé la liste des questions auxquelles le "
            "prochain guide répondra : la mixité du logement social, le travail avec les "
            "bailleurs privés, et la place des familles après le relogement."
        ),
    }),
    ((133, 10), {
        "slug": "ghent-publishes-its-yearly-report-on-anti-gypsyist-incidents",
        "kind": Article.Kind.NEWS,
        "countries": ["BE"],
        "members": ["gent"],
        "tags": ["anti-gypsyism"],
        "title_en": "Ghent publishes its yearly report on anti-Gypsyist incidents",
        "title_fr": "Gand publie son rapport annuel sur les incidents antitsiganes",
        "lead_en": (
            "Reports to the city’s reporting point rose, which the city reads as more trust "
            "rather than more incidents; most concern access to housing and to shops."
        ),
        "lead_fr": (
            "Les signalements au point de contact de la ville ont augmenté, ce que la ville "
            "lit comme davantage de confiance plutôt que davantage d’incidents ; la plupart "
            "concernent l’accès au logement et aux commerces."
        ),
        "body_en": (
            "Ghent’s anti-discrimination office publishes each year the incidents reported "
            "by Roma residents and by the associations that accompany them. This year’s "
            "report adds, for the first time, the follow-up given to each case.\n\n"
            "The city shares its reporting form and its method with other members in the "
            "participants’ space."
        ),
        "body_fr": (
            "Le service de lutte contre les discriminations de Gand publie chaque année les "
            "incidents signalés par des habitants roms et par les associations qui les "
            "accompagnent. Le rapport de cette année présente pour la première fois la suite "
            "donnée à chaque cas.\n\n"
            "La ville partage son formulaire de signalement et sa méthode avec les autres "
            "membres dans l’espace des participants."
        ),
    }),
    ((176, 14), {
        "slug": "belgrade-roma-youth-council-presents-its-recommendations",
        "kind": Article.Kind.NEWS,
        "countries": ["RS"],
        "members": ["beograd"],
        "tags": ["political-participation"],
        "title_en": "Belgrade’s Roma youth council presents its recommendations to the city",
        "title_fr": "Le conseil des jeunes Roms de Belgrade présente ses recommandations à la ville",
        "lead_en": (
            "Scholarships for secondary school, internships in the city administration and a "
            "youth worker in each settlement: the council’s first recommendations."
        ),
        "lead_fr": (
            "Des bourses pour le lycée, des stages dans l’administration municipale et un "
            "animateur de jeunesse dans chaque quartier : les premières recommandations du "
            "conseil."
        ),
        "body_en": (
            "Fifteen young Roma, elected in their neighbourhoods, met the city’s councillors "
            "responsible for education and youth. The city has agreed to answer each "
            "recommendation in writing within three months."
        ),
        "body_fr": (
            "Quinze jeunes Roms, élus dans leurs quartiers, ont rencontré les conseillers "
            "municipaux chargés de l’éducation et de la jeunesse. La ville s’est engagée à "
            "répondre par écrit à chaque recommandation dans un délai de trois mois."
        ),
    }),
    ((248, 9), {
        "slug": "online-seminar-on-identity-papers-and-access-to-rights",
        "kind": Article.Kind.EVENT,
        "countries": [],
        "members": ["chisinau", "skopje", "uzhgorod"],
        "tags": [],
        "title_en": "Without papers, no school and no doctor: an online seminar on identity documents",
        "title_fr": "Sans papiers, ni école ni médecin : un séminaire en ligne sur les documents d’identité",
        "lead_en": (
            "Officers from nine countries exchanged on birth registration and identity papers, "
            "the first step to schooling, health care and the vote."
        ),
        "lead_fr": (
            "Des agents de neuf pays ont échangé sur l’enregistrement des naissances et les "
            "papiers d’identité, première étape vers l’école, les soins et le droit de vote."
        ),
        "event_en": "Online seminar",
        "event_fr": "Séminaire en ligne",
        "body_en": (
            "Civil registry officers, legal aid associations and Roma mediators described "
            "mobile registry days, free late registration of births and help with the fees "
            "of a first identity card. The recording and the slides are in the participants’ "
            "space."
        ),
        "body_fr": (
            "Des officiers d’état civil, des associations d’aide juridique et des médiateurs "
            "roms ont présenté des journées d’état civil itinérantes, l’enregistrement tardif "
            "et gratuit des naissances et l’aide aux frais d’une première carte d’identité. "
            "L’enregistrement et les diapositives sont dans l’espace des participants."
        ),
    }),
]  # fmt: skip

TAGS = {
    "political-participation": ("Political participation", "Participation politique"),
    "anti-gypsyism": ("Anti-Gypsyism", "Antitsiganisme"),
    "education": ("Education", "Éducation"),
    "housing": ("Housing", "Logement"),
    "health": ("Health", "Santé"),
}

# Slugs of articles of earlier demos, replaced by the ones above.
RETIRED = ["sample-meeting-of-alliance-members", "sample-publication-on-local-inclusion"]


def load():
    tags = {}
    for tag_slug, (name_en, name_fr) in TAGS.items():
        tags[tag_slug], _created = Tag.objects.get_or_create(
            slug=tag_slug, defaults={"name": name_en, "name_en": name_en, "name_fr": name_fr}
        )
    cahrom = ensure_article(CAHROM)
    cahrom.tags.add(tags["political-participation"], tags["anti-gypsyism"])
    Article.objects.filter(slug__in=RETIRED).delete()
    today = timezone.localdate()
    for (days_ago, hour), article in RECENT:
        fields = {k: v for k, v in article.items() if k not in {"tags", "members"}}
        fields["status"] = Article.Status.PUBLISHED
        day = today - datetime.timedelta(days=days_ago)
        fields["published_at"] = datetime.datetime.combine(day, datetime.time(hour), PARIS)
        saved = ensure_article(fields)
        saved.tags.add(*(tags[slug] for slug in article["tags"]))
        saved.members.add(*Member.objects.approved().filter(slug__in=article["members"]))
    return {"articles": Article.objects.count()}


def ensure_article(fields):
    """The article with this slug, created from `fields` the first time only."""
    fields = dict(fields)
    slug = fields.pop("slug")
    article, _created = Article.objects.get_or_create(slug=slug, defaults=fields)
    return article
