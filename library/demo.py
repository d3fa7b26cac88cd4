"""The demo's library: three recent publications of the Alliance and the copies of the
Declaration in five languages, each file a PDF of a few pages (a title page, the contents,
numbered sections, a table) drawn by WeasyPrint from templates/library/demo_document.html when
the demo is loaded. The publications are invented, their figures too; the Declaration's copies
carry the sample text the demo's Declaration marks as such (declarations/demo.py), never an
official wording. Publication dates of the invented texts are counted back from the first
loading. Loading twice changes nothing.
"""

import datetime
import hashlib
import os
import tempfile
from pathlib import Path

from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from declarations.models import Declaration
from events.models import Event
from news.models import Article
from practices.models import Theme

from .models import Document, DocumentFile


def minimal_pdf(text):
    """A one-page PDF showing one line of ASCII text: enough for a demo file."""
    line = text.encode("ascii", "replace").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
    line = line.replace(b")", b"\\)")
    stream = b"BT /F1 14 Tf 72 720 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


FONT_FILES = [
    (script, weight, f"vendor/open-sans/open-sans-{script}-{weight}-normal.woff2")
    for script in ("latin", "latin-ext")
    for weight in (400, 700)
]

# The words of a title page, in each language of the files.
PUBLISHER = {
    "en": "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers",
    "fr": "Alliance européenne des villes et des régions pour l’inclusion des Roms et des Gens du voyage",
    "de": "Allianz europäischer Städte und Regionen für die Inklusion von Roma und Fahrenden",
    "ro": "Alianța orașelor și regiunilor europene pentru incluziunea romilor și a nomazilor",
    "hu": "Európai Városok és Régiók Szövetsége a romák és az utazók befogadásáért",
}
AUSPICES = {
    "en": "Under the auspices of the Congress of Local and Regional Authorities of the Council of Europe",
    "fr": "Sous l’égide du Congrès des pouvoirs locaux et régionaux du Conseil de l’Europe",
    "de": "Unter der Schirmherrschaft des Kongresses der Gemeinden und Regionen des Europarates",
    "ro": "Sub egida Congresului Autorităților Locale și Regionale al Consiliului Europei",
    "hu": "Az Európa Tanács Helyi és Regionális Önkormányzatok Kongresszusának égisze alatt",
}
CONTENTS = {"en": "Contents", "fr": "Sommaire", "de": "Inhalt", "ro": "Cuprins", "hu": "Tartalom"}
KINDS = {
    Document.Kind.GUIDE: {"en": "Guide", "fr": "Guide"},
    Document.Kind.REPORT: {"en": "Report", "fr": "Rapport"},
    Document.Kind.DECLARATION: {
        "en": "Declaration", "fr": "Déclaration", "de": "Erklärung", "ro": "Declarație", "hu": "Nyilatkozat",
    },
}  # fmt: skip


def section(heading, *paragraphs, table=None, quote=None, lead=False):
    return {
        "heading": heading,
        "paragraphs": paragraphs,
        "table": table,
        "quote": quote,
        "lead": lead,
    }


def table(caption, head, rows, source=""):
    return {"caption": caption, "head": head, "rows": rows, "source": source}


PARTICIPATION = {
    "en": {
        "title": "Involving Roma residents in local decisions",
        "subtitle": "A handbook for elected representatives and officers of cities and regions",
        "sections": [
            section(
                "Why participation comes first",
                "The Congress sees the political participation of Roma as one of the key conditions to their inclusion. Plans written for Roma and Travellers without them tend to miss what matters to the families, and to lose their trust when the first difficulty comes.",
                "This handbook gathers what members of the Alliance have tried since the Declaration against anti-Gypsyism of March 2017: consultative councils, youth councils, and support for Roma and Traveller women who stand for local office. It is written for those who set such structures up and keep them alive.",
                lead=True,
            ),
            section(
                "Consultative councils",
                "A consultative council brings together residents and the elected representative in charge. The members who describe a lasting council share three features: the council gives an opinion on every decision that concerns Roma and Travellers, the city answers each opinion in writing, and the council has a small budget of its own.",
                "Councils drawn by lot among volunteers have proved more representative than councils appointed through associations, provided that the city pays for transport and childcare on meeting days.",
                table=table(
                    "Participation structures described by members",
                    ["Member", "Structure", "Since", "Meets"],
                    [
                        [
                            "Strasbourg",
                            "Consultative council of Roma and Travellers",
                            "2017",
                            "Each quarter",
                        ],
                        ["Belgrade", "Roma youth council", "2019", "Every two months"],
                        [
                            "Sliven",
                            "Training for Roma women candidates",
                            "2018",
                            "Six-month course",
                        ],
                        [
                            "Graz",
                            "Training of front-desk staff, designed with Roma associations",
                            "2021",
                            "Monthly sessions",
                        ],
                    ],
                    "Source: practices published by members in the Alliance’s database.",
                ),
            ),
            section(
                "Young people and women",
                "Youth councils last when their recommendations receive an answer: in Belgrade, the city answers in writing within three months, and the first recommendations led to scholarships for secondary school.",
                "Training for women candidates works best when mentors come from several parties: it keeps the training out of party politics and opens more lists to the candidates.",
            ),
            section(
                "A first year, step by step",
                "Name the elected representative in charge and the officer who prepares the meetings. Agree with residents on how members of the council are chosen. Publish the dates of the meetings for the whole year. Answer every opinion in writing, even to say no.",
                "At the end of the year, ask the council what it would change, and publish its answer with the city’s.",
            ),
        ],
    },
    "fr": {
        "title": "Associer les habitants roms aux décisions locales",
        "subtitle": "Un guide pour les élus et les agents des villes et des régions",
        "sections": [
            section(
                "Pourquoi commencer par la participation",
                "Le Congrès considère la participation politique des Roms comme l’une des conditions essentielles de leur inclusion. Les plans écrits pour les Roms et les Gens du voyage sans eux passent souvent à côté de ce qui compte pour les familles, et perdent leur confiance à la première difficulté.",
                "Ce guide rassemble ce que les membres de l’Alliance ont essayé depuis la Déclaration contre l’antitsiganisme de mars 2017 : conseils consultatifs, conseils de jeunes, et accompagnement des femmes roms et issues des Gens du voyage candidates aux élections locales. Il s’adresse à celles et ceux qui créent ces structures et les font vivre.",
                lead=True,
            ),
            section(
                "Les conseils consultatifs",
                "Un conseil consultatif réunit des habitants et l’élu chargé du dossier. Les membres qui décrivent un conseil durable partagent trois traits : le conseil rend un avis sur chaque décision qui concerne les Roms et les Gens du voyage, la ville répond par écrit à chaque avis, et le conseil dispose d’un petit budget propre.",
                "Les conseils tirés au sort parmi des volontaires se sont révélés plus représentatifs que ceux désignés par les associations, à condition que la ville prenne en charge le transport et la garde des enfants les jours de réunion.",
                table=table(
                    "Structures de participation décrites par les membres",
                    ["Membre", "Structure", "Depuis", "Se réunit"],
                    [
                        [
                            "Strasbourg",
                            "Conseil consultatif des Roms et des Gens du voyage",
                            "2017",
                            "Chaque trimestre",
                        ],
                        ["Belgrade", "Conseil des jeunes Roms", "2019", "Tous les deux mois"],
                        ["Sliven", "Formation des candidates roms", "2018", "Cycle de six mois"],
                        [
                            "Graz",
                            "Formation des agents d’accueil, conçue avec des associations roms",
                            "2021",
                            "Sessions mensuelles",
                        ],
                    ],
                    "Source : pratiques publiées par les membres dans la base de l’Alliance.",
                ),
            ),
            section(
                "Les jeunes et les femmes",
                "Les conseils de jeunes durent quand leurs recommandations reçoivent une réponse : à Belgrade, la ville répond par écrit dans les trois mois, et les premières recommandations ont conduit à des bourses pour le lycée.",
                "La formation des candidates fonctionne le mieux quand les mentors viennent de plusieurs partis : elle reste à l’écart des querelles partisanes et ouvre davantage de listes aux candidates.",
            ),
            section(
                "Une première année, pas à pas",
                "Désigner l’élu responsable et l’agent qui prépare les réunions. Convenir avec les habitants de la manière de choisir les membres du conseil. Publier les dates des réunions de toute l’année. Répondre par écrit à chaque avis, même pour dire non.",
                "À la fin de l’année, demander au conseil ce qu’il changerait, et publier sa réponse avec celle de la ville.",
            ),
        ],
    },
}

HOUSING = {
    "en": {
        "title": "Housing without segregation",
        "subtitle": "What members learnt about moving families out of settlements and isolated sites",
        "sections": [
            section(
                "Introduction",
                "Informal settlements and isolated sites are where the exclusion of Roma and Travellers is most visible. Members of the Alliance met in Strasbourg to compare how they helped families leave them without moving them to the city’s edge.",
                "This guide follows that meeting. It describes three approaches, their costs and what the cities would do differently.",
                lead=True,
            ),
            section(
                "Three approaches",
                "Madrid opened a single housing desk: one officer follows each family from the first visit to the keys of a flat, and for a year after the move. Flats are spread across districts, so that no new concentration appears.",
                "Nantes replaced a large transit area with small family sites designed with Traveller families: a building with kitchen and bathroom, room for two or three caravans, a garden, at the rent of social housing.",
                "Ljubljana connected settlements to water and electricity in stages, from public taps to individual meters paid in instalments, agreeing each stage with the residents.",
            ),
            section(
                "Costs and funding",
                "The three cities funded the work from their own budgets and from European funds, and all three found that the year of support after the move cost little compared with the move itself.",
                table=table(
                    "The three approaches compared",
                    ["Approach", "Member", "Families concerned", "Largest cost"],
                    [
                        ["Single housing desk", "Madrid", "240", "Staff of the desk"],
                        ["Family sites", "Nantes", "38", "Land and building"],
                        ["Networks first", "Ljubljana", "410", "Connections"],
                    ],
                    "Figures reported by the members at the meeting.",
                ),
            ),
            section(
                "Recommendations",
                "Agree every step with the families concerned. Keep one person responsible for each family. Spread new housing across the city. Count the year after the move as part of the project, and measure whether families still live in their homes five years later.",
            ),
        ],
    },
    "fr": {
        "title": "Le logement sans ségrégation",
        "subtitle": "Ce que les membres ont appris en aidant des familles à quitter campements et aires isolées",
        "sections": [
            section(
                "Introduction",
                "Les campements et les aires isolées sont les lieux où l’exclusion des Roms et des Gens du voyage est la plus visible. Les membres de l’Alliance se sont réunis à Strasbourg pour comparer la manière dont ils ont aidé des familles à les quitter sans les reléguer aux marges de la ville.",
                "Ce guide fait suite à cette réunion. Il décrit trois approches, leurs coûts et ce que les villes feraient autrement.",
                lead=True,
            ),
            section(
                "Trois approches",
                "Madrid a ouvert un guichet logement unique : un agent suit chaque famille de la première visite à la remise des clés, et pendant l’année qui suit. Les logements sont répartis entre les arrondissements, pour qu’aucune nouvelle concentration n’apparaisse.",
                "Nantes a remplacé une grande aire de passage par de petits terrains familiaux conçus avec les familles du voyage : un bâtiment avec cuisine et salle d’eau, la place pour deux ou trois caravanes, un jardin, au loyer du logement social.",
                "Ljubljana a raccordé les quartiers à l’eau et à l’électricité par étapes, des bornes publiques aux compteurs individuels payés en plusieurs fois, en convenant de chaque étape avec les habitants.",
            ),
            section(
                "Coûts et financement",
                "Les trois villes ont financé ces travaux sur leur budget et par des fonds européens, et toutes trois ont constaté que l’année d’accompagnement après le relogement coûtait peu au regard du relogement lui-même.",
                table=table(
                    "Les trois approches comparées",
                    ["Approche", "Membre", "Familles concernées", "Coût principal"],
                    [
                        ["Guichet logement unique", "Madrid", "240", "Personnel du guichet"],
                        ["Terrains familiaux", "Nantes", "38", "Terrain et construction"],
                        ["Les réseaux d’abord", "Ljubljana", "410", "Raccordements"],
                    ],
                    "Chiffres communiqués par les membres lors de la réunion.",
                ),
            ),
            section(
                "Recommandations",
                "Convenir de chaque étape avec les familles concernées. Confier chaque famille à une seule personne. Répartir les nouveaux logements dans toute la ville. Compter l’année qui suit le relogement comme une partie du projet, et vérifier que les familles vivent toujours dans leur logement cinq ans plus tard.",
            ),
        ],
    },
}

MONITORING = {
    "en": {
        "title": "Measuring the inclusion of Roma at local level",
        "subtitle": "Indicators a city or a region can follow without registering anyone’s ethnicity",
        "sections": [
            section(
                "Purpose",
                "Members often say they cannot tell whether their measures work, because they hold no figures on Roma and Travellers, and should not register anyone’s ethnicity. This report shows what they can measure all the same.",
                lead=True,
            ),
            section(
                "What a city can measure",
                "Most useful figures already exist in a city’s services; they only need to be read by neighbourhood, or for the people a measure follows, with their consent.",
                table=table(
                    "Indicators and their sources",
                    ["Indicator", "Source", "How often"],
                    [
                        [
                            "Attendance in the schools of the neighbourhoods concerned",
                            "Education office",
                            "Each term",
                        ],
                        [
                            "Children in pre-school at the age of four",
                            "Pre-school registers",
                            "Each year",
                        ],
                        ["Households connected to water and electricity", "Utilities", "Each year"],
                        ["Registered jobseekers aged 16 to 29", "Labour office", "Each quarter"],
                        [
                            "Anti-Gypsyist incidents reported",
                            "Anti-discrimination office",
                            "Each year",
                        ],
                    ],
                    "Indicators used by members of the Alliance, among them Seville and Ghent.",
                ),
            ),
            section(
                "Reading figures with the people concerned",
                "Seville submits its figures to a committee with Roma associations before publishing them; Ghent publishes, with each reported incident, the follow-up given. Both say that figures discussed with residents are more trusted, and more often used.",
            ),
            section(
                "Next steps",
                "Members will compare their indicators at the seminar on local data in Seville, and propose a short common list for the Alliance’s next report.",
            ),
        ],
    },
    "fr": {
        "title": "Mesurer l’inclusion des Roms au niveau local",
        "subtitle": "Des indicateurs qu’une ville ou une région peut suivre sans enregistrer l’origine de quiconque",
        "sections": [
            section(
                "Objet",
                "Les membres disent souvent ne pas savoir si leurs mesures fonctionnent, faute de chiffres sur les Roms et les Gens du voyage, qu’ils ne doivent d’ailleurs pas recueillir selon l’origine. Ce rapport montre ce qu’ils peuvent néanmoins mesurer.",
                lead=True,
            ),
            section(
                "Ce qu’une ville peut mesurer",
                "La plupart des chiffres utiles existent déjà dans les services d’une ville ; il suffit de les lire par quartier, ou pour les personnes qu’une mesure accompagne, avec leur accord.",
                table=table(
                    "Indicateurs et sources",
                    ["Indicateur", "Source", "Fréquence"],
                    [
                        [
                            "Assiduité dans les écoles des quartiers concernés",
                            "Service de l’éducation",
                            "Chaque trimestre",
                        ],
                        [
                            "Enfants scolarisés en maternelle à quatre ans",
                            "Registres des écoles maternelles",
                            "Chaque année",
                        ],
                        [
                            "Ménages raccordés à l’eau et à l’électricité",
                            "Distributeurs",
                            "Chaque année",
                        ],
                        [
                            "Demandeurs d’emploi inscrits de 16 à 29 ans",
                            "Agence pour l’emploi",
                            "Chaque trimestre",
                        ],
                        [
                            "Incidents antitsiganes signalés",
                            "Service de lutte contre les discriminations",
                            "Chaque année",
                        ],
                    ],
                    "Indicateurs utilisés par des membres de l’Alliance, dont Séville et Gand.",
                ),
            ),
            section(
                "Lire les chiffres avec les personnes concernées",
                "Séville soumet ses chiffres à un comité associant des associations roms avant de les publier ; Gand publie, pour chaque incident signalé, la suite donnée. Toutes deux constatent que des chiffres discutés avec les habitants inspirent davantage confiance, et servent davantage.",
            ),
            section(
                "Prochaines étapes",
                "Les membres compareront leurs indicateurs lors du séminaire sur les données locales à Séville, et proposeront une courte liste commune pour le prochain rapport de l’Alliance.",
            ),
        ],
    },
}

# The sample text of the demo's Declaration (declarations/demo.py), in the five languages of its
# copies: a sample that says so, never the official wording.
DECLARATION = {
    "en": {
        "title": "Declaration against anti-Gypsyism",
        "sections": [
            section(
                "Note",
                "This is a sample text for the demonstration of the portal. It summarises the Declaration as the Congress presents it; the official wording is entered by the secretariat.",
            ),
            section(
                "Endorsement",
                "The Congress of Local and Regional Authorities of the Council of Europe endorsed the Declaration against anti-Gypsyism in March 2017.",
            ),
            section(
                "Political participation",
                "The Congress sees the political participation of Roma as one of the key conditions to their inclusion. Local and regional authorities have the responsibility to support Roma to become politically active and visible.",
            ),
            section(
                "Commitment of the signatories",
                "The mayors and elected representatives who sign the Declaration commit themselves to strive for the fair representation of Roma and Travellers at all levels of democracy, and to support Roma candidates, in particular Roma and Traveller women, in entering the world of politics.",
            ),
        ],
    },
    "fr": {
        "title": "Déclaration contre l’antitsiganisme",
        "sections": [
            section(
                "Avertissement",
                "Ce texte est un exemple pour la démonstration du portail. Il résume la Déclaration telle que le Congrès la présente ; le secrétariat saisit le texte officiel.",
            ),
            section(
                "Approbation",
                "Le Congrès des pouvoirs locaux et régionaux du Conseil de l’Europe a approuvé la Déclaration contre l’antitsiganisme en mars 2017.",
            ),
            section(
                "Participation politique",
                "Le Congrès considère la participation politique des Roms comme l’une des conditions essentielles de leur inclusion. Les collectivités locales et régionales ont la responsabilité d’aider les Roms à devenir politiquement actifs et visibles.",
            ),
            section(
                "Engagement des signataires",
                "Les maires et les élus qui signent la Déclaration s’engagent à œuvrer pour une représentation équitable des Roms et des Gens du voyage à tous les niveaux de la démocratie, et à soutenir les candidats roms, en particulier les femmes roms et issues des Gens du voyage, dans leur entrée en politique.",
            ),
        ],
    },
    "de": {
        "title": "Erklärung gegen Antiziganismus",
        "sections": [
            section(
                "Hinweis",
                "Dies ist ein Beispieltext für die Vorführung des Portals. Er fasst die Erklärung so zusammen, wie der Kongress sie vorstellt; den offiziellen Wortlaut trägt das Sekretariat ein.",
            ),
            section(
                "Billigung",
                "Der Kongress der Gemeinden und Regionen des Europarates hat die Erklärung gegen Antiziganismus im März 2017 gebilligt.",
            ),
            section(
                "Politische Teilhabe",
                "Der Kongress sieht die politische Teilhabe der Roma als eine der wichtigsten Voraussetzungen für ihre Inklusion. Die Gemeinden und Regionen haben die Verantwortung, Roma darin zu unterstützen, politisch aktiv und sichtbar zu werden.",
            ),
            section(
                "Verpflichtung der Unterzeichnenden",
                "Die Bürgermeisterinnen, Bürgermeister und gewählten Vertreterinnen und Vertreter, die die Erklärung unterzeichnen, verpflichten sich, auf eine faire Vertretung von Roma und Fahrenden auf allen Ebenen der Demokratie hinzuwirken und Roma-Kandidatinnen und -Kandidaten, insbesondere Frauen, beim Eintritt in die Politik zu unterstützen.",
            ),
        ],
    },
    "ro": {
        "title": "Declarația împotriva anti-țigănismului",
        "sections": [
            section(
                "Notă",
                "Acesta este un text exemplificativ pentru demonstrarea portalului. El rezumă Declarația așa cum o prezintă Congresul; textul oficial este introdus de secretariat.",
            ),
            section(
                "Aprobare",
                "Congresul Autorităților Locale și Regionale al Consiliului Europei a aprobat Declarația împotriva anti-țigănismului în martie 2017.",
            ),
            section(
                "Participarea politică",
                "Congresul consideră participarea politică a romilor drept una dintre condițiile esențiale ale incluziunii lor. Autoritățile locale și regionale au responsabilitatea de a-i sprijini pe romi să devină activi și vizibili în viața politică.",
            ),
            section(
                "Angajamentul semnatarilor",
                "Primarii și aleșii care semnează Declarația se angajează să depună eforturi pentru o reprezentare echitabilă a romilor și a nomazilor la toate nivelurile democrației și să sprijine candidații romi, în special femeile, în intrarea în politică.",
            ),
        ],
    },
    "hu": {
        "title": "Nyilatkozat az anticiganizmus ellen",
        "sections": [
            section(
                "Megjegyzés",
                "Ez a portál bemutatására szolgáló mintaszöveg. A Nyilatkozatot úgy foglalja össze, ahogyan a Kongresszus bemutatja; a hivatalos szöveget a titkárság viszi be.",
            ),
            section(
                "Elfogadás",
                "Az Európa Tanács Helyi és Regionális Önkormányzatok Kongresszusa 2017 márciusában fogadta el az anticiganizmus elleni nyilatkozatot.",
            ),
            section(
                "Politikai részvétel",
                "A Kongresszus a romák politikai részvételét befogadásuk egyik kulcsfeltételének tekinti. A helyi és regionális önkormányzatok felelőssége, hogy segítsék a romákat abban, hogy politikailag aktívvá és láthatóvá váljanak.",
            ),
            section(
                "Az aláírók vállalása",
                "A Nyilatkozatot aláíró polgármesterek és választott képviselők vállalják, hogy a demokrácia minden szintjén a romák és az utazók méltányos képviseletéért dolgoznak, és támogatják a roma jelölteket, különösen a nőket, a politikai pályára lépésben.",
            ),
        ],
    },
}

# The library's entries: a fixed date or days before the first loading, their links, and the
# texts of their files (one file per language of `texts`).
DOCUMENTS = [
    {
        "slug": "involving-roma-residents-in-local-decisions",
        "kind": Document.Kind.GUIDE,
        "days_ago": 41,
        "summary_en": "Consultative councils, youth councils and support for women candidates: what members learnt from ten years of participation structures, for elected representatives and officers.",
        "summary_fr": "Conseils consultatifs, conseils de jeunes et accompagnement des candidates : ce que les membres ont appris de dix ans de structures de participation, pour les élus et les agents.",
        "themes": ["political-participation", "women-and-youth"],
        "articles": ["handbook-involving-roma-residents-in-local-decisions"],
        "texts": PARTICIPATION,
    },
    {
        "slug": "housing-without-segregation",
        "kind": Document.Kind.GUIDE,
        "days_ago": 20,
        "summary_en": "Three ways members helped families leave informal settlements and isolated sites without moving them to the city’s edge, with their costs and recommendations.",
        "summary_fr": "Trois manières dont des membres ont aidé des familles à quitter campements et aires isolées sans les reléguer aux marges de la ville, avec leurs coûts et des recommandations.",
        "themes": ["housing"],
        "events": ["members-meeting-on-housing-strasbourg"],
        "articles": ["members-meet-in-strasbourg-on-housing-without-segregation"],
        "texts": HOUSING,
    },
    {
        "slug": "measuring-the-inclusion-of-roma-at-local-level",
        "kind": Document.Kind.REPORT,
        "days_ago": 152,
        "summary_en": "The indicators a city or a region can follow without registering anyone’s ethnicity: school attendance, pre-school, housing, employment and reported incidents.",
        "summary_fr": "Les indicateurs qu’une ville ou une région peut suivre sans enregistrer l’origine de quiconque : assiduité scolaire, maternelle, logement, emploi et incidents signalés.",
        "themes": ["data-and-monitoring"],
        "events": ["seminar-on-local-data-and-monitoring-seville"],
        "texts": MONITORING,
    },
    {
        "slug": "declaration-against-anti-gypsyism",
        "kind": Document.Kind.DECLARATION,
        # The month the seed page gives for the endorsement.
        "published_on": datetime.date(2017, 3, 1),
        "summary_en": "The Declaration in English, French, German, Romanian and Hungarian, as signed by mayors and elected representatives.",
        "summary_fr": "La Déclaration en anglais, français, allemand, roumain et hongrois, telle que la signent les maires et les élus.",
        "themes": ["political-participation", "fighting-anti-gypsyism"],
        "declaration": True,
        "texts": DECLARATION,
    },
]  # fmt: skip

# Slugs of entries of earlier demos, replaced by the ones above.
RETIRED = [
    "sample-guide-inclusive-housing",
    "sample-report-school-attendance",
    "sample-copies-of-the-declaration",
]


def font_faces():
    """[(script, weight, file URL)] of the vendored Open Sans: nothing is fetched."""
    return [
        (script, weight, Path(finders.find(name)).as_uri()) for script, weight, name in FONT_FILES
    ]


def document_pdf(entry, language, published_on):
    """The PDF of one entry in one language; the bare one-page PDF where Pango is missing."""
    text = entry["texts"][language]
    with translation.override(language):
        place_and_date = f"Strasbourg, {date_format(published_on, 'YEAR_MONTH_FORMAT')}"
    context = {
        "language": language,
        "fonts": font_faces(),
        "text": {
            **text,
            "publisher": PUBLISHER[language],
            "auspices": AUSPICES[language],
            "contents": CONTENTS[language],
            "kind": KINDS[entry["kind"]][language],
            "place_and_date": place_and_date,
        },
    }
    html = render_to_string("library/demo_document.html", context)
    try:
        import weasyprint  # Pango loads on first use, as for the yearly report
    except OSError:  # no Pango on this machine (`make pango` installs it)
        return minimal_pdf(text["title"])
    # Drawing a file takes most of a second, and the tests load the demo into many fresh
    # databases: a file drawn once is kept in the temporary folder under a digest of what it
    # was drawn from, and read from there by the next loading.
    key = hashlib.sha256(f"{weasyprint.__version__}\n{html}".encode()).hexdigest()
    cached = Path(tempfile.gettempdir()) / "alliance-demo-documents" / f"{key}.pdf"
    if cached.exists():
        return cached.read_bytes()
    fetcher = weasyprint.URLFetcher(allowed_protocols={"file"})
    content = weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    cached.parent.mkdir(exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(content)
    partial.replace(cached)  # whole or absent, when two loadings draw it at once
    return content


def load():
    Document.objects.filter(slug__in=RETIRED).delete()
    themes = Theme.objects.all()
    today = timezone.localdate()
    for entry in DOCUMENTS:
        published_on = entry.get("published_on") or today - datetime.timedelta(
            days=entry["days_ago"]
        )
        fields = {
            "kind": entry["kind"],
            "title_en": entry["texts"]["en"]["title"],
            "title_fr": entry["texts"]["fr"]["title"],
            "summary_en": entry["summary_en"],
            "summary_fr": entry["summary_fr"],
            "published_on": published_on,
            "status": Document.Status.PUBLISHED,
        }
        if entry.get("declaration"):
            fields["declaration"] = Declaration.objects.current()
        document, created = Document.objects.get_or_create(slug=entry["slug"], defaults=fields)
        if created:
            document.themes.set(themes.filter(slug__in=entry["themes"]))
            document.events.set(Event.objects.filter(slug__in=entry.get("events", [])))
            document.articles.set(Article.objects.filter(slug__in=entry.get("articles", [])))
        for language in entry["texts"]:
            if not document.files.filter(language=language).exists():
                content = document_pdf(entry, language, document.published_on)
                item = DocumentFile(document=document, language=language)
                item.file.save(f"{entry['slug']}-{language}.pdf", ContentFile(content), save=False)
                item.save()
    return {
        "documents": Document.objects.count(),
        "files": DocumentFile.objects.count(),
    }
