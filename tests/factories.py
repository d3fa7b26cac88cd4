"""The suite's factories: one `make_<thing>(**fields)` per model the tests create.

Each makes a valid, published (or approved, confirmed…) object with unique values;
keyword arguments override any field.
"""

import datetime
import itertools

from django.core.files.base import ContentFile
from django.utils import timezone

from contact.models import SecretariatContact
from cooperation.models import Proposal
from declarations.demo import ensure_declaration
from declarations.models import Signature
from events.models import Event, Registration
from library.demo import minimal_pdf
from library.models import Document, DocumentFile
from members.models import Member
from news.models import Article, Tag
from participants.models import ContactPerson
from peers.models import Message
from practices.models import Practice, Theme
from subscriptions.models import Subscription

_numbers = itertools.count(1)
DAY = datetime.timedelta(days=1)


def make_member(**fields):
    n = next(_numbers)
    values = {
        "name": f"Town {n}",
        "kind": Member.Kind.CITY,
        "country": "FR",
        "status": Member.Status.APPROVED,
        "latitude": 48.58,
        "longitude": 7.75,
        "contact_name": f"Contact {n}",
        "contact_email": f"contact{n}@town{n}.example.org",
        "contact_phone": f"+33 3 88 00 {n:04d}",
        **fields,
    }
    if values["status"] == Member.Status.APPROVED:
        values.setdefault("joined_on", timezone.localdate())
    return Member.objects.create(**values)


def make_contact_person(member=None, **fields):
    """A contact person of `member` (a new member unless given), who may sign in."""
    member = member or make_member()
    values = {
        "name": f"Person of {member.name}",
        "role": "Roma inclusion officer",
        "email": f"person@{member.slug}.example.org",
        **fields,
    }
    return ContactPerson.objects.create(member=member, **values)


def make_peer_message(sender, member=None, **fields):
    """A message the contact person `sender` wrote to another member's contact persons."""
    values = {
        "member": member or make_member(),
        "subject": "Your practice",
        "body": "How did you start it?",
        "recipient_count": 1,
        **fields,
    }
    return Message.objects.create(sender=sender, **values)


def make_signature(**fields):
    n = next(_numbers)
    values = {
        "declaration": ensure_declaration(),
        "full_name": f"Signatory {n}",
        "office": Signature.Office.MAYOR,
        "authority_name": f"Town {n}",
        "country": "FR",
        "email": f"signatory{n}@example.org",
        "consent_to_publish": True,
        "status": Signature.Status.VERIFIED,
        **fields,
    }
    return Signature.objects.create(**values)


def make_article(**fields):
    n = next(_numbers)
    values = {
        "title": f"Article {n}",
        "lead": f"Lead of article {n}.",
        "body": f"Body of article {n}.",
        "status": Article.Status.PUBLISHED,
        "published_at": timezone.now() - datetime.timedelta(days=n),
        **fields,
    }
    return Article.objects.create(**values)


def make_tag(slug, name_en, name_fr=None):
    return Tag.objects.create(slug=slug, name=name_en, name_en=name_en, name_fr=name_fr or name_en)


def make_event(starts_in=DAY * 10, hours=8, **fields):
    """A published event starting `starts_in` from now (negative: in the past)."""
    n = next(_numbers)
    starts_at = fields.pop("starts_at", timezone.now() + starts_in)
    values = {
        "title": f"Event {n}",
        "summary": f"Summary of event {n}.",
        "kind": Event.Kind.SEMINAR,
        "status": Event.Status.PUBLISHED,
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=hours),
        "city": "Strasbourg",
        "country": "FR",
        **fields,
    }
    return Event.objects.create(**values)


def make_registration(event, **fields):
    n = next(_numbers)
    values = {
        "full_name": f"Person {n}",
        "authority": f"Town {n}",
        "email": f"person{n}@example.org",
        "consent": True,
        "status": Registration.Status.CONFIRMED,
        "confirmed_at": timezone.now(),
        **fields,
    }
    return Registration.objects.create(event=event, **values)


def make_theme(slug, name):
    """The theme of that slug (a migration creates the usual ones), made if missing."""
    theme, _created = Theme.objects.get_or_create(
        slug=slug, defaults={"name": name, "name_en": name, "name_fr": name}
    )
    return theme


def make_practice(themes=(), members=(), **fields):
    n = next(_numbers)
    values = {
        "title": f"Practice {n}",
        "summary": f"Summary of practice {n}.",
        "body": f"Body of practice {n}.",
        "start_year": 2015,
        "status": Practice.Status.PUBLISHED,
        **fields,
    }
    if values["status"] == Practice.Status.PUBLISHED:
        values.setdefault("published_at", timezone.now() - datetime.timedelta(days=n))
    practice = Practice.objects.create(**values)
    if themes:
        practice.themes.set([Theme.objects.get(slug=slug) for slug in themes])
    if members:
        practice.members.set(members)
    return practice


def make_document(languages=("en",), **fields):
    n = next(_numbers)
    values = {
        "title": f"Document {n}",
        "summary": f"Summary of document {n}.",
        "kind": Document.Kind.RESOLUTION,
        "status": Document.Status.PUBLISHED,
        "published_on": datetime.date(2014, 1, 1) + datetime.timedelta(days=n),
        **fields,
    }
    document = Document.objects.create(**values)
    for language in languages:
        add_file(document, language)
    return document


def add_file(document, language, content=None):
    item = DocumentFile(document=document, language=language)
    item.file.save(f"{language}.pdf", ContentFile(content or minimal_pdf(language)), save=False)
    item.save()
    return item


def make_proposal(**fields):
    values = {
        "name": "Romano Drom",
        "country": "HU",
        "proposal": "Homework clubs.",
        "contact_name": "Kata Horváth",
        "contact_email": "kata@example.org",
        "contact_phone": "+36 1 234 5678",
        "language": "fr",
        **fields,
    }
    return Proposal.objects.create(**values)


def make_secretariat_contact(**fields):
    values = {
        "name": "Ana Costa",
        "role_en": "Head of the Alliance's Task Force",
        "role_fr": "Cheffe de la Task Force de l'Alliance",
        "phone": "+33 3 88 41 20 00",
        "email": "alliance@example.org",
        "address_en": "Council of Europe\nF-67075 Strasbourg Cedex",
        **fields,
    }
    return SecretariatContact.objects.create(**values)


def make_subscription(contact, themes=(), countries=(), rhythm="immediately", **fields):
    """The e-mail alerts `contact` chose in the space: the themes of these slugs, these country
    codes, at this rhythm; considered up to now unless `covered_until` says otherwise."""
    subscription = Subscription.objects.create(
        contact=contact, countries=list(countries), rhythm=rhythm, **fields
    )
    subscription.themes.set([Theme.objects.get(slug=slug) for slug in themes])
    return subscription
