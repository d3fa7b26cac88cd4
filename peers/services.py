"""Members learning from each other: a contact person writes to another member's contact
persons (through the site, which never shows them an address), and finds members like theirs."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Value, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.mail import send_after_commit
from members.models import Member
from participants.models import ContactPerson
from practices.models import Practice, Theme

from .models import Message

# Messages one contact person may send in a day: enough to write to every peer a page
# suggests, too few to spam the members' officers.
MAX_MESSAGES_PER_DAY = 10
# Members "of similar size": of the same kind, with between 1/SIZE_FACTOR and SIZE_FACTOR
# times the population.
SIZE_FACTOR = 2
PEERS_SHOWN = 20
PRACTICES_SHOWN = 5


class NobodyToWrite(Exception):
    """The member has no active contact person to receive a message."""


def recipients_of(member):
    """Whom a message to `member` goes to: its active contact persons."""
    return ContactPerson.objects.active().filter(member=member).order_by("pk")


def with_recipients(members):
    """Only the members a message can reach (an active contact person)."""
    return members.filter(Exists(ContactPerson.objects.active().filter(member=OuterRef("pk"))))


def writable_members(practice, own_member):
    """The members behind `practice` a contact of `own_member` may write to."""
    return with_recipients(practice.members.approved().exclude(pk=own_member.pk)).by_public_name()


def sent_lately(contact):
    """How many messages `contact` sent in the last day (MAX_MESSAGES_PER_DAY)."""
    since = timezone.now() - datetime.timedelta(days=1)
    return Message.objects.filter(sender=contact, sent_at__gte=since).count()


def send_message(sender, member, subject, body, practice=None):
    """Store the message and write it to each of `member`'s active contact persons, in their
    language, with a Reply-To of the sender's address; a copy goes to the sender. Nobody is
    given another recipient's address: each gets their own e-mail."""
    recipients = list(recipients_of(member))
    if not recipients:
        raise NobodyToWrite(member)
    with transaction.atomic():
        message = Message.objects.create(
            sender=sender,
            member=member,
            practice=practice,
            subject=subject,
            body=body,
            recipient_count=len(recipients),
        )
        for recipient in recipients:
            _write(message, recipient)
        _write_copy(message)
    return message


def _links(message, language):
    with translation.override(language):
        practice = message.practice
        return {
            "practice_url": settings.SITE_URL + practice.get_absolute_url() if practice else "",
            "space_url": settings.SITE_URL + reverse("participants:index"),
            "contact_url": settings.SITE_URL + reverse("contact:contact"),
        }


def _write(message, recipient):
    sender = message.sender
    with translation.override(recipient.language):
        subject = _("Message from %(member)s: %(subject)s") % {
            "member": sender.member.public_name,
            "subject": message.subject,
        }
    send_after_commit(
        subject,
        "peers/email/message.txt",
        {
            "message": message,
            "sender": sender,
            "recipient": recipient,
            **_links(message, recipient.language),
        },
        [recipient.email],
        language=recipient.language,
        # Their answer goes straight to the sender, not to the Alliance.
        headers={"Reply-To": sender.email},
    )


def _write_copy(message):
    sender = message.sender
    with translation.override(sender.language):
        subject = _("Your message to %(member)s: %(subject)s") % {
            "member": message.member.public_name,
            "subject": message.subject,
        }
    send_after_commit(
        subject,
        "peers/email/copy.txt",
        {"message": message, "sender": sender, **_links(message, sender.language)},
        [sender.email],
        language=sender.language,
    )


# Retention and the contact person's own data


def _delete(messages):
    """Delete `messages` and their history (the deletion's own record included)."""
    pks = list(messages.values_list("pk", flat=True))
    deleted = Message.objects.filter(pk__in=pks).delete()[1].get(Message._meta.label, 0)
    Message.history.filter(id__in=pks).delete()
    return deleted


def purge_messages(days=None, dry_run=False):
    """Delete the messages sent more than `days` (RETENTION_DAYS) ago: how many."""
    days = settings.RETENTION_DAYS if days is None else days
    expired = Message.objects.filter(sent_at__lt=timezone.now() - datetime.timedelta(days=days))
    return expired.count() if dry_run else _delete(expired)


def messages_sent_by(contact):
    return contact.peer_messages.order_by("pk")


def erase_messages_of(contact, by):
    count = _delete(messages_sent_by(contact))
    if not count:
        return ""
    return ngettext(
        "%(count)d message to another member",
        "%(count)d messages to other members",
        count,
    ) % {"count": count}


# Peers like you


@dataclass
class Peer:
    """A member suggested to another: why (shared themes, similar size, same country), what it
    did (its published practices, those on the shared themes first) and whether a message can
    reach it."""

    member: Member
    shared: int = 0  # its published practices on the themes of interest
    same_country: bool = False
    similar_size: bool = False
    reachable: bool = False
    themes: list = field(default_factory=list)
    practices: list = field(default_factory=list)
    practice_count: int = 0

    def rank(self):
        return (-((self.shared > 0) + self.same_country + self.similar_size), -self.shared)


def interests_of(member, contact):
    """The themes of the member's own practices (whatever their status) and of its contact
    person's interests."""
    return list(
        Theme.objects.filter(Q(practices__members=member) | Q(interested_contacts=contact))
        .distinct()
        .order_by("position", "name")
    )


def of_similar_size(member, other):
    return bool(
        member.population
        and other.population
        and other.kind == member.kind
        and member.population / SIZE_FACTOR <= other.population <= member.population * SIZE_FACTOR
    )


def peers_of(member, contact):
    """(themes of interest, peers): up to PEERS_SHOWN approved members but `member` with
    published practices on its themes of interest, of similar size or in its country, those
    alike in most ways first. Four queries, whatever the number of members and practices."""
    themes = interests_of(member, contact)
    theme_ids = [theme.pk for theme in themes]
    alike = Q(country=member.country)
    shared = Value(0)
    if theme_ids:
        on_themes = Practice.members.through.objects.filter(
            practice__status=Practice.Status.PUBLISHED, practice__themes__in=theme_ids
        )
        alike |= Q(pk__in=on_themes.values("member_id"))
        shared = Count(
            "practices",
            filter=Q(practices__status=Practice.Status.PUBLISHED, practices__themes__in=theme_ids),
            distinct=True,
        )
    if member.population:
        alike |= Q(
            kind=member.kind,
            population__gte=member.population / SIZE_FACTOR,
            population__lte=member.population * SIZE_FACTOR,
        )
    candidates = (
        Member.objects.approved()
        .exclude(pk=member.pk)
        .filter(alike)
        .annotate(
            shared=shared,
            reachable=Exists(ContactPerson.objects.active().filter(member=OuterRef("pk"))),
        )
        .by_public_name()
    )
    peers = [
        Peer(
            candidate,
            shared=candidate.shared,
            same_country=candidate.country == member.country,
            similar_size=of_similar_size(member, candidate),
            reachable=candidate.reachable,
        )
        for candidate in candidates
    ]
    peers.sort(key=Peer.rank)  # stable: by name within a rank
    peers = peers[:PEERS_SHOWN]
    prefetch_related_objects(
        [peer.member for peer in peers],
        Prefetch(
            "practices",
            queryset=Practice.objects.published()
            .only("title", "slug", "start_year", "end_year", "published_at")
            .prefetch_related("themes")
            .order_by("-published_at", "-pk"),
            to_attr="published_practices",
        ),
    )
    wanted = set(theme_ids)
    for peer in peers:
        practices = peer.member.published_practices
        on_theme = [p for p in practices if any(t.pk in wanted for t in p.themes.all())]
        found = {t.pk for p in on_theme for t in p.themes.all()}
        peer.themes = [theme for theme in themes if theme.pk in found]
        peer.practices = (on_theme + [p for p in practices if p not in on_theme])[:PRACTICES_SHOWN]
        peer.practice_count = len(practices)
    return themes, peers
