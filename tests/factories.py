"""Small factories for the tests: make_member(), make_signature(), make_article()."""

import datetime
import itertools

from django.utils import timezone

from declarations.demo import ensure_declaration
from declarations.models import Signature
from members.models import Member
from news.models import Article

_numbers = itertools.count(1)


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
