"""The texts of the Alliance's content pages, in English and French.

The English texts come from the page the portal replaces (the Alliance's page on the
Congress site); the French texts are their translation. Staff edit the pages in the admin
afterwards; a data migration and `load_demo` create them when they are missing.
"""

TERMINOLOGY_EN = (
    "The term “Roma and Travellers” is used at the Council of Europe to encompass the wide "
    "diversity of the groups covered by the work of the Council of Europe in this field "
    "including Roma, Sinti/Manush, Calé, Kaale, Romanichals, Boyash/Rudari, Balkan Egyptians "
    "(Egyptians and Ashkali), Eastern groups (Dom, Lom and Abdal), groups such as Travellers, "
    "Yenish, and the populations designated under the administrative term “Gens du voyage”, "
    "as well as persons who identify themselves as Gypsies."
)
TERMINOLOGY_FR = (
    "Le terme « Roms et Gens du voyage » est utilisé au Conseil de l’Europe pour englober la "
    "grande diversité des groupes concernés par les travaux du Conseil de l’Europe dans ce "
    "domaine : d’une part, a) les Roms, les Sintés/Manouches, les Calés/Gitans, les Kaalés, "
    "les Romanichals, les Béash/Rudars ; b) les Égyptiens des Balkans (Égyptiens et "
    "Ashkalis) ; c) les branches orientales (Doms, Loms et Abdals) ; et, d’autre part, les "
    "groupes tels que les Travellers, les Yéniches et les personnes désignées sous le terme "
    "administratif de « Gens du voyage », ainsi que celles qui s’auto-identifient comme "
    "Tsiganes."
)

# The about page's history and partners, from the facts of the page the portal replaces and of
# the Alliance's own site (its seminars, its intranet, the Declaration, the CAHROM speech).
# Migration 0007 adds them to an about page created before them (`add_history_and_partners`).
HISTORY_EN = (
    "## History\n\n"
    "The Congress created the Alliance as a platform where cities and regions learn from each "
    "other how to include Roma and Travellers: in education, housing, employment and health, "
    "in political participation and in the fight against anti-Gypsyism.\n\n"
    "- **Seminars and conferences**: participants met on education in Budapest (2012), on "
    "housing in Madrid, and on Roma housing in Radenci (2013).\n"
    "- **2014**: the Alliance opened a participants’ intranet to share needs assessments, "
    "planning processes, funding schemes, challenges, successes and lessons learnt; the "
    "[members’ space](/en/participants/) of this site carries it on.\n"
    "- **March 2017**: the Congress endorsed the [Declaration against "
    "anti-Gypsyism](/en/declaration/).\n"
    "- **24 May 2018**: at the 15th meeting of the Ad Hoc Committee of Experts on Roma and "
    "Traveller Issues (CAHROM), in Athens, John Warmisham, the Congress’s Thematic "
    "Spokesperson on Roma and Travellers, called on local and regional authorities to "
    "support Roma in becoming politically active and visible.\n\n"
    "## Partners\n\n"
    "- **The Congress of Local and Regional Authorities** of the Council of Europe, under "
    "whose auspices the Alliance works: its Thematic Spokesperson on Roma and Travellers, its "
    "national Roma networks, and the secretariat’s Alliance Task Force, which answers "
    "members and visitors.\n"
    "- **The Ad Hoc Committee of Experts on Roma and Traveller Issues (CAHROM)** of the "
    "Council of Europe, where the Congress brings the experience of local and regional "
    "authorities.\n"
    "- **NGOs and Roma civil society organisations**, which [propose a "
    "cooperation](/en/cooperate/) to the Alliance; those it cooperates with are listed "
    "below.\n\n"
)
HISTORY_FR = (
    "## Historique\n\n"
    "Le Congrès a créé l’Alliance comme une plateforme où les villes et les régions "
    "apprennent les unes des autres à inclure les Roms et les Gens du voyage : dans "
    "l’éducation, le logement, l’emploi et la santé, dans la participation politique et dans "
    "la lutte contre l’antitsiganisme.\n\n"
    "- **Séminaires et conférences** : les participants se sont réunis sur l’éducation à "
    "Budapest (2012), sur le logement à Madrid, et sur le logement des Roms à Radenci "
    "(2013).\n"
    "- **2014** : l’Alliance a ouvert un intranet des participants pour partager évaluations "
    "des besoins, processus de planification, modes de financement, difficultés, réussites "
    "et enseignements ; l’[espace des membres](/fr/participants/) de ce site le "
    "prolonge.\n"
    "- **Mars 2017** : le Congrès a approuvé la [Déclaration contre "
    "l’antitsiganisme](/fr/declaration/).\n"
    "- **24 mai 2018** : lors de la 15e réunion du Comité ad hoc d’experts sur les questions "
    "relatives aux Roms et aux Gens du voyage (CAHROM), à Athènes, John Warmisham, porte-parole "
    "thématique du Congrès sur les Roms et les Gens du voyage, a appelé les collectivités "
    "locales et régionales à aider les Roms à devenir politiquement actifs et visibles.\n\n"
    "## Partenaires\n\n"
    "- **Le Congrès des pouvoirs locaux et régionaux** du Conseil de l’Europe, sous l’égide "
    "duquel l’Alliance agit : son porte-parole thématique sur les Roms et les Gens du voyage, "
    "ses réseaux nationaux roms, et la Task Force de l’Alliance, au sein de son secrétariat, "
    "qui répond aux membres et aux visiteurs.\n"
    "- **Le Comité ad hoc d’experts sur les questions relatives aux Roms et aux Gens du voyage "
    "(CAHROM)** du Conseil de l’Europe, où le Congrès porte l’expérience des collectivités "
    "locales et régionales.\n"
    "- **Les ONG et les organisations de la société civile rom**, qui [proposent une "
    "coopération](/fr/cooperate/) à l’Alliance ; celles avec lesquelles elle coopère sont "
    "citées plus bas.\n\n"
)
# The heading each section goes before, and the one that shows it is there already.
HISTORY_PLACES = {
    "body_en": (HISTORY_EN, "## Joining", "## History"),
    "body_fr": (HISTORY_FR, "## Adhérer", "## Historique"),
}

PAGES = {
    "about": {
        "title_en": "About the Alliance",
        "title_fr": "À propos de l’Alliance",
        "lead_en": (
            "The Alliance fights discrimination against Roma at the local and regional levels, "
            "promotes their inclusion and raises awareness of these communities among local "
            "and regional authorities."
        ),
        "lead_fr": (
            "L’Alliance lutte contre la discrimination à l’égard des Roms aux niveaux local et "
            "régional, favorise leur inclusion et sensibilise les collectivités locales et "
            "régionales à ces communautés."
        ),
        "body_en": (
            "The Alliance of European Cities and Regions for the Inclusion of Roma and "
            "Travellers operates under the auspices of the Congress of Local and Regional "
            "Authorities of the Council of Europe.\n\n"
            "## Who takes part\n\n"
            "Cities and regions of the member states of the Council of Europe take part in "
            "the Alliance. They exchange experience, take part in the Congress national Roma "
            "networks and commit themselves to the inclusion of Roma and Travellers in their "
            "communities.\n\n"
            "## Political participation\n\n"
            "The Congress sees the political participation of Roma as one of the key "
            "conditions to their inclusion. The mayors and elected representatives who sign "
            "the Declaration against anti-Gypsyism, endorsed by the Congress in March 2017, "
            "commit themselves to strive for the fair representation of Roma and Travellers "
            "at all levels of democracy.\n\n" + HISTORY_EN + "## Joining\n\n"
            "If you wish your local or regional authority to become an Alliance participant, "
            "please use the [join form](/en/join/)."
        ),
        "body_fr": (
            "L’Alliance européenne des villes et des régions pour l’inclusion des Roms et des "
            "Gens du voyage agit sous l’égide du Congrès des pouvoirs locaux et régionaux du "
            "Conseil de l’Europe.\n\n"
            "## Qui y participe\n\n"
            "Des villes et des régions des États membres du Conseil de l’Europe participent à "
            "l’Alliance. Elles échangent leurs expériences, prennent part aux réseaux "
            "nationaux roms du Congrès et s’engagent pour l’inclusion des Roms et des Gens du "
            "voyage dans leurs collectivités.\n\n"
            "## Participation politique\n\n"
            "Le Congrès considère la participation politique des Roms comme l’une des "
            "conditions essentielles de leur inclusion. Les maires et les élus qui signent la "
            "Déclaration contre l’antitsiganisme, approuvée par le Congrès en mars 2017, "
            "s’engagent à œuvrer pour une représentation équitable des Roms et des Gens du "
            "voyage à tous les niveaux de la démocratie.\n\n" + HISTORY_FR + "## Adhérer\n\n"
            "Si vous souhaitez que votre collectivité locale ou régionale participe à "
            "l’Alliance, veuillez utiliser le [formulaire d’adhésion](/fr/join/)."
        ),
    },
    "terminology": {
        "title_en": "Please note: “Roma and Travellers”",
        "title_fr": "À noter : « Roms et Gens du voyage »",
        "lead_en": "",
        "lead_fr": "",
        "body_en": TERMINOLOGY_EN,
        "body_fr": TERMINOLOGY_FR,
    },
    "privacy": {
        "title_en": "Privacy",
        "title_fr": "Protection des données",
        "lead_en": "What this site stores about you, why, for how long, and how to have it removed.",
        "lead_fr": (
            "Ce que ce site conserve à votre sujet, pourquoi, pendant combien de temps, et "
            "comment le faire effacer."
        ),
        "body_en": (
            "## What we store\n\n"
            "- **Join requests**: the authority’s name, kind, country, website and population, "
            "and its contact person’s name, role, e-mail address and phone number, with the "
            "motivation you write.\n"
            "- **Signatures of the Declaration**: your name, office, authority, country, the "
            "date you signed, your e-mail address and whether you agree that your name is "
            "published.\n"
            "- **Staff accounts**: the Congress secretariat’s log-ins and a history of the "
            "changes they make.\n\n"
            "This site sets no tracking or advertising cookie and loads nothing from other "
            "websites. It keeps a language cookie and, for staff, a session cookie.\n\n"
            "## Why\n\n"
            "To review join requests and signatures, to write to you about them, and to "
            "publish the list of members and of signatories who agreed to it.\n\n"
            "## What is public\n\n"
            "Approved members’ names, kind, country, website, description and map position; "
            "verified signatories’ names, office, authority and country, only with their "
            "consent. E-mail addresses and phone numbers are never published.\n\n"
            "## For how long\n\n"
            "Unconfirmed signatures and rejected join requests are deleted after a set period "
            "(90 days by default). Members’ and signatories’ records are kept while they take "
            "part in the Alliance.\n\n"
            "## Your rights\n\n"
            "You may ask to see, correct or erase what we hold about you, or withdraw your "
            "signature, by [writing to the Congress secretariat](/en/contact/). Staff can "
            "export or erase all "
            "the data about one person."
        ),
        "body_fr": (
            "## Ce que nous conservons\n\n"
            "- **Demandes d’adhésion** : le nom, le type, le pays, le site web et la "
            "population de la collectivité, ainsi que le nom, la fonction, l’adresse "
            "électronique et le numéro de téléphone de la personne de contact, avec la "
            "motivation que vous rédigez.\n"
            "- **Signatures de la Déclaration** : votre nom, votre mandat, votre collectivité, "
            "votre pays, la date de signature, votre adresse électronique et votre accord "
            "pour la publication de votre nom.\n"
            "- **Comptes du personnel** : les connexions du secrétariat du Congrès et "
            "l’historique des modifications qu’il effectue.\n\n"
            "Ce site ne dépose aucun cookie de suivi ou de publicité et ne charge rien depuis "
            "d’autres sites. Il conserve un cookie de langue et, pour le personnel, un cookie "
            "de session.\n\n"
            "## Pourquoi\n\n"
            "Pour examiner les demandes d’adhésion et les signatures, vous écrire à leur "
            "sujet, et publier la liste des membres et des signataires qui l’ont accepté.\n\n"
            "## Ce qui est public\n\n"
            "Pour les membres approuvés : nom, type, pays, site web, description et position "
            "sur la carte ; pour les signataires vérifiés, avec leur accord : nom, mandat, "
            "collectivité et pays. Les adresses électroniques et numéros de téléphone ne sont "
            "jamais publiés.\n\n"
            "## Pendant combien de temps\n\n"
            "Les signatures non confirmées et les demandes d’adhésion rejetées sont effacées "
            "après un délai fixé (90 jours par défaut). Les données des membres et des "
            "signataires sont conservées tant qu’ils participent à l’Alliance.\n\n"
            "## Vos droits\n\n"
            "Vous pouvez demander à consulter, corriger ou effacer les données vous "
            "concernant, ou retirer votre signature, en [écrivant au secrétariat du "
            "Congrès](/fr/contact/). "
            "Le personnel peut exporter ou effacer toutes les données relatives à une "
            "personne."
        ),
    },
}


# The about page's last sentence as it was first written, without its link to the join form:
# migration 0005 links it where staff have not changed it.
JOIN_FORM_MENTIONS = {
    "body_en": ("please use the join form.", "please use the [join form](/en/join/)."),
    "body_fr": (
        "veuillez utiliser le formulaire d’adhésion.",
        "veuillez utiliser le [formulaire d’adhésion](/fr/join/).",
    ),
}


def edit_about_body(page_model, edit):
    """Change the about page's text in each language with `edit(field, text)`, which gives
    the new text or None to leave it; the untranslated column follows English, as
    modeltranslation keeps it. Whether anything changed."""
    page = page_model.objects.filter(slug="about").first()
    if page is None:
        return False
    changed = []
    for field in ("body_en", "body_fr"):
        edited = edit(field, getattr(page, field) or "")
        if edited is not None:
            setattr(page, field, edited)
            changed.append(field)
    if "body_en" in changed:
        page.body = page.body_en
        changed.append("body")
    if changed:
        page.save(update_fields=changed)
    return bool(changed)


def link_join_form(page_model):
    """Make the about page's mention of the join form a link, where it is still plain text."""

    def edit(field, text):
        plain, linked = JOIN_FORM_MENTIONS[field]
        return text[: -len(plain)] + linked if text.endswith(plain) else None

    return edit_about_body(page_model, edit)


def add_history_and_partners(page_model):
    """Add the history and partners sections to the about page, before its "Joining" section,
    in each language where the page has that section and not yet a history."""

    def edit(field, text):
        sections, before, present = HISTORY_PLACES[field]
        return (
            text.replace(before, sections + before, 1)
            if before in text and present not in text
            else None
        )

    return edit_about_body(page_model, edit)


def ensure_pages(page_model):
    """Create the content pages that are missing; never overwrite what staff edited."""
    created = 0
    for slug, fields in PAGES.items():
        _, was_created = page_model.objects.get_or_create(
            slug=slug,
            # The untranslated column mirrors English, as modeltranslation keeps it.
            defaults={
                **fields,
                **{name: fields[f"{name}_en"] for name in ("title", "lead", "body")},
            },
        )
        created += was_created
    return created
