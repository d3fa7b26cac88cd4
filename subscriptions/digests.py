"""The digests: what staff published that matches a contact person's themes and countries, sent
by the task worker at the rhythm they chose (the "send-digests" job of SCHEDULED_TASKS).

Each run first notes the records it sees public for the first time (`Publication`), then writes
the digests that are due. A digest lists what was first seen public after the subscription's
`covered_until` and up to the run's time; moving that mark is one conditional UPDATE in the
transaction that stores the e-mail in the outbox. So an item is never in two digests, two
workers write each digest once, and a worker stopped for a day writes, when it starts again,
what it missed.

How each kind matches (what each model has):
- practices: their themes, or the country of one of their members;
- events: their themes, or their country (cancelled events are not announced);
- documents: their themes, or the country of one of their related members;
- articles: their countries (articles have tags, not themes).
Only what the public sees is listed (each model's `published()`): participants-only articles
and documents are left out, as the e-mail may be read outside the space.
"""

import datetime
from dataclasses import dataclass
from functools import reduce
from operator import or_
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.mail import send_after_commit
from events.models import Event
from library.models import Document
from members.models import Member
from news.models import Article
from practices.models import Practice

from .models import Publication, Subscription, new_since

# Weekly digests are due from Monday, monthly ones from the 1st, at this local time.
SEND_AT = datetime.time(8, 0)
UNSUBSCRIBE_SALT = "subscriptions.unsubscribe"


def _members_in(through, key, countries):
    """Rows of `through` (a model's members relation) whose member is named in one of the
    countries, as a subquery of the records' ids."""
    return through.objects.filter(
        member__country__in=countries, member__status__in=Member.NAMED_STATUSES
    ).values(key)


def _practices(themes, countries):
    return Practice.objects.published().filter(
        Q(pk__in=Practice.themes.through.objects.filter(theme__in=themes).values("practice_id"))
        | Q(pk__in=_members_in(Practice.members.through, "practice_id", countries))
    )


def _events(themes, countries):
    return (
        Event.objects.published()
        .filter(status=Event.Status.PUBLISHED)
        .filter(
            Q(pk__in=Event.themes.through.objects.filter(theme__in=themes).values("event_id"))
            | Q(country__in=countries)
        )
    )


def _documents(themes, countries):
    return Document.objects.published().filter(
        Q(pk__in=Document.themes.through.objects.filter(theme__in=themes).values("document_id"))
        | Q(pk__in=_members_in(Document.members.through, "document_id", countries))
    )


def _articles(themes, countries):
    if not countries:
        return Article.objects.none()
    about = reduce(
        or_, (Q(pk__in=Article.objects.about_country(code).values("pk")) for code in countries)
    )
    return Article.objects.published().filter(about)


@dataclass(frozen=True)
class Kind:
    key: str
    heading: Any
    public: Any  # () -> the queryset of the public records
    matching: Any  # (themes, countries) -> the public records that match them
    order: tuple


KINDS = [
    Kind(
        Publication.Kind.PRACTICE,
        _("Good practices"),
        Practice.objects.published,
        _practices,
        ("-published_at", "-pk"),
    ),
    Kind(
        Publication.Kind.EVENT, _("Events"), Event.objects.published, _events, ("starts_at", "pk")
    ),
    Kind(
        Publication.Kind.DOCUMENT,
        _("Documents"),
        Document.objects.published,
        _documents,
        ("-published_on", "-pk"),
    ),
    Kind(
        Publication.Kind.ARTICLE,
        _("News"),
        Article.objects.published,
        _articles,
        ("-published_at", "-pk"),
    ),
]


def note_publications(now):
    """Note, as seen at `now`, every public record not noted yet; how many."""
    noted = 0
    for kind in KINDS:
        known = Publication.objects.filter(kind=kind.key).values("object_id")
        new = kind.public().exclude(pk__in=known).order_by().values_list("pk", flat=True)
        rows = [Publication(kind=kind.key, object_id=pk, seen_at=now) for pk in new]
        # Another run noting the same record at the same moment: the first one counts.
        Publication.objects.bulk_create(rows, ignore_conflicts=True)
        noted += len(rows)
    return noted


def due_from(rhythm, now):
    """The moment the current digest of `rhythm` became due (it is due while the mark is
    before it): now for "at once", the last Monday or 1st of the month at SEND_AT, local time."""
    if rhythm == Subscription.Rhythm.IMMEDIATELY:
        return now
    zone = timezone.get_current_timezone()
    today = timezone.localtime(now, zone).date()
    if rhythm == Subscription.Rhythm.WEEKLY:
        day = today - datetime.timedelta(days=today.weekday())
        before = day - datetime.timedelta(days=7)
    else:
        day = today.replace(day=1)
        before = (day - datetime.timedelta(days=1)).replace(day=1)
    moment = datetime.datetime.combine(day, SEND_AT, tzinfo=zone)
    return moment if moment <= now else datetime.datetime.combine(before, SEND_AT, tzinfo=zone)


def is_due(subscription, now):
    return subscription.is_receiving and subscription.covered_until < due_from(
        subscription.rhythm, now
    )


def items_for(subscription, since, until):
    """[(kind, [records])] first seen public in (since, until] that match the subscription;
    kinds with nothing left out."""
    themes = [theme.pk for theme in subscription.themes.all()]
    countries = [country.code for country in subscription.countries]
    if not themes and not countries:
        return []
    groups = []
    for kind in KINDS:
        records = list(
            kind.matching(themes, countries)
            .filter(pk__in=new_since(kind.key, since, until))
            .order_by(*kind.order)
        )
        if records:
            groups.append((kind, records))
    return groups


def unsubscribe_token(subscription):
    """The signed id the unsubscribe links carry: the only thing they need."""
    return signing.dumps(subscription.pk, salt=UNSUBSCRIBE_SALT)


def subscription_of_token(token):
    """The subscription a genuine token names; None if it is gone; BadSignature if forged."""
    if not token or len(token) > 200:
        raise signing.BadSignature("no token")
    pk = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(pk, int):
        raise signing.BadSignature("not a subscription")
    return Subscription.objects.select_related("contact__member").filter(pk=pk).first()


def title_in(record, language):
    """A record's title in `language`, else in the language it exists in."""
    codes = [language, *(code for code, _name in settings.LANGUAGES if code != language)]
    for code in codes:
        title = getattr(record, f"title_{code}", "")
        if title:
            return title
    return str(record)


def send_digest(subscription, now):
    """Write the subscription's digest, if it has anything, and move its mark to `now`, once:
    False when another run did it first or nothing matched."""
    since = subscription.covered_until
    contact = subscription.contact
    groups = items_for(subscription, since, now)
    if not groups and subscription.rhythm == Subscription.Rhythm.IMMEDIATELY:
        return False  # the mark may wait: the next run reads the same window and more
    with transaction.atomic():
        moved = {"covered_until": now, **({"last_sent_at": now} if groups else {})}
        won = Subscription.objects.filter(pk=subscription.pk, covered_until=since).update(**moved)
        if not won or not groups:
            return False
        language = contact.language
        token = unsubscribe_token(subscription)
        with translation.override(language):
            count = sum(len(records) for _kind, records in groups)
            subject = ngettext(
                "%(count)d new item on the Alliance’s portal for you",
                "%(count)d new items on the Alliance’s portal for you",
                count,
            ) % {"count": count}
            unsubscribe_url = settings.SITE_URL + reverse(
                "subscriptions:unsubscribe", kwargs={"token": token}
            )
            one_click_url = settings.SITE_URL + reverse(
                "subscriptions:one-click", kwargs={"token": token}
            )
            choices_url = settings.SITE_URL + reverse("subscriptions:choices")
            sections = [
                {
                    "heading": str(kind.heading),
                    "items": [
                        {
                            "title": title_in(record, language),
                            "url": settings.SITE_URL + record.get_absolute_url(),
                        }
                        for record in records
                    ],
                }
                for kind, records in groups
            ]
        send_after_commit(
            subject,
            "subscriptions/email/digest.txt",
            {
                "contact": contact,
                "subscription": subscription,
                "sections": sections,
                "unsubscribe_url": unsubscribe_url,
                "choices_url": choices_url,
            },
            [contact.email],
            language=language,
            headers={
                # RFC 2369 and RFC 8058: mail programs offer an "Unsubscribe" button that
                # posts "List-Unsubscribe=One-Click" to this address.
                "List-Unsubscribe": f"<{one_click_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
    return True


def send_due_digests(now=None):
    """The job: note what became public, then write each digest that is due. Says what it did."""
    now = now or timezone.now()
    noted = note_publications(now)
    sent = 0
    subscriptions = (
        Subscription.objects.receiving()
        .filter(covered_until__lt=now)
        .select_related("contact__member")
        .prefetch_related("themes")
        .order_by("pk")
    )
    for subscription in subscriptions:
        if is_due(subscription, now) and send_digest(subscription, now):
            sent += 1
    return f"{noted} new publication(s) noted, {sent} digest(s) sent"
