"""What happens to events and registrations: publish, cancel; register, confirm, leave.

Each change is one conditional UPDATE whose row count decides, so running it twice (two staff
members clicking at once, a link opened twice) changes the row once and sends one e-mail.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from background.outbox import forget_emails_to
from core.mail import notify_managers_after_commit, send_after_commit
from core.workflows import transition

from .models import Event, ParticipantMessage, Registration

CONFIRMATION_SALT = "events.registration.confirm-email"


@dataclass(frozen=True)
class Outcome:
    changed: int
    unchanged: int


def _change_each(events, from_statuses, to_status, by, reason):
    changed = unchanged = 0
    for event in events.order_by("pk"):
        if transition(
            event,
            by,
            reason,
            where=Q(status__in=from_statuses),
            status=to_status,
            sequence=F("sequence") + 1,
            updated_at=timezone.now(),
        ):
            changed += 1
            if to_status == Event.Status.CANCELLED:
                _tell_participants_of_cancellation(event)
        else:
            unchanged += 1
    return Outcome(changed=changed, unchanged=unchanged)


@transaction.atomic
def publish_events(events, by=None):
    """Drafts → published."""
    return _change_each(events, [Event.Status.DRAFT], Event.Status.PUBLISHED, by, "published")


@transaction.atomic
def cancel_events(events, by=None):
    """Published → cancelled: the event stays on the site, marked as cancelled, and calendars
    receive STATUS:CANCELLED. Its registered participants are told by e-mail."""
    return _change_each(events, [Event.Status.PUBLISHED], Event.Status.CANCELLED, by, "cancelled")


def _tell_participants_of_cancellation(event):
    for registration in event.registrations.filter(
        status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITING]
    ):
        send_after_commit(
            _("Cancelled: %(event)s") % {"event": event.title},
            "events/email/cancelled.txt",
            {"registration": registration, "event": event},
            [registration.email],
            language=registration.language,
        )


# Registrations


def confirmation_token(registration):
    return signing.dumps(registration.pk, salt=CONFIRMATION_SALT)


def registration_for_token(token, check_age=True):
    """The registration a confirmation token names, or None if it no longer exists.

    Raises signing.SignatureExpired when the link is older than CONFIRMATION_MAX_AGE_DAYS and
    signing.BadSignature when it has been tampered with.
    """
    max_age = settings.CONFIRMATION_MAX_AGE_DAYS * 24 * 3600 if check_age else None
    pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=max_age)
    if not isinstance(pk, int):
        raise signing.BadSignature("Unexpected payload.")
    return Registration.objects.select_related("event").filter(pk=pk).first()


def confirmation_url(registration):
    with translation.override(registration.language):
        path = reverse("events:confirm", kwargs={"token": confirmation_token(registration)})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def receive_registration(registration):
    """Store a registration sent through the form, unconfirmed; send the confirmation link.

    An address already registered for the event is not stored again: its owner is told by
    e-mail where they stand, and the form answers the same either way, so that nobody learns
    from it who has registered. Returns the registration stored, or the one held before.
    """
    earlier = _registration_of(registration.event, registration.email)
    if earlier is None:
        registration.status = Registration.Status.UNCONFIRMED
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # The same address sent twice at the same moment: the database kept the other.
            earlier = _registration_of(registration.event, registration.email)
            if earlier is None:
                raise
    if earlier is not None:
        _tell_already_registered(earlier)
        return earlier
    send_after_commit(
        _("Please confirm your registration: %(event)s") % {"event": registration.event.title},
        "events/email/confirm.txt",
        {
            "registration": registration,
            "event": registration.event,
            "confirmation_url": confirmation_url(registration),
            "max_age_days": settings.CONFIRMATION_MAX_AGE_DAYS,
        },
        [registration.email],
        language=registration.language,
    )
    return registration


def _registration_of(event, email):
    return Registration.objects.filter(event=event, email__iexact=email.strip()).first()


def _tell_already_registered(registration):
    """Tell the owner of an address registered again where their registration stands."""
    event = registration.event
    awaits_confirmation = (
        registration.status == Registration.Status.UNCONFIRMED and event.takes_registrations
    )
    with translation.override(registration.language):
        subject = _("You are already registered: %(event)s") % {"event": event.title}
        contact_url = f"{settings.SITE_URL}{reverse('contact:contact')}"
    send_after_commit(
        subject,
        "events/email/already_registered.txt",
        {
            "registration": registration,
            "event": event,
            "awaits_confirmation": awaits_confirmation,
            "confirmation_url": confirmation_url(registration) if awaits_confirmation else "",
            "max_age_days": settings.CONFIRMATION_MAX_AGE_DAYS,
            "contact_url": contact_url,
        },
        [registration.email],
        language=registration.language,
    )


def _has_room(event):
    if event.capacity is None:
        return True
    return event.registrations.confirmed().count() < event.capacity


@transaction.atomic
def confirm_registration(registration):
    """The participant opened the link: confirmed if a place is left, else on the waiting list;
    nothing once the event no longer takes registrations (`Event.takes_registrations`).

    The event's row is locked while places are counted, so two confirmations at the same
    moment cannot both take the last place. True the first time only.
    """
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    if not event.takes_registrations:
        return False  # closed: turned off, started, cancelled since the link was sent
    status = Registration.Status.CONFIRMED if _has_room(event) else Registration.Status.WAITING
    now = timezone.now()
    updated = transition(
        registration,
        None,
        f"e-mail confirmed: {status}",
        where=Q(status=Registration.Status.UNCONFIRMED),
        status=status,
        confirmed_at=now,
        updated_at=now,
    )
    if updated:
        _tell_participant(registration)
        with translation.override(settings.LANGUAGE_CODE):
            admin_path = reverse("admin:events_registration_change", args=[registration.pk])
        notify_managers_after_commit(
            f"New registration for {event.title}: {registration.full_name}",
            "events/email/new_registration.txt",
            {"registration": registration, "admin_url": f"{settings.SITE_URL}{admin_path}"},
        )
    return updated


def _tell_participant(registration):
    if registration.status == Registration.Status.CONFIRMED:
        subject = _("Your place is confirmed: %(event)s")
    else:
        subject = _("You are on the waiting list: %(event)s")
    send_after_commit(
        subject % {"event": registration.event.title},
        "events/email/status.txt",
        {"registration": registration, "event": registration.event},
        [registration.email],
        language=registration.language,
    )


@transaction.atomic
def cancel_registration(registration, by=None):
    """Confirmed or waiting → cancelled; a freed place goes to the first on the waiting list."""
    event = Event.objects.select_for_update().get(pk=registration.event_id)
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    if not transition(
        registration,
        by,
        "cancelled",
        where=Q(status=registration.status) & ~Q(status=Registration.Status.CANCELLED),
        status=Registration.Status.CANCELLED,
        updated_at=timezone.now(),
    ):
        return False
    if was_confirmed:
        _fill_places(event, by)
    return True


def _fill_places(event, by):
    """Give the free places to the people waiting longest; each is told by e-mail."""
    moved = 0
    while _has_room(event):
        first = event.registrations.waiting().order_by("confirmed_at", "pk").first()
        if first is None:
            break
        if transition(
            first,
            by,
            "moved from the waiting list",
            where=Q(status=Registration.Status.WAITING),
            status=Registration.Status.CONFIRMED,
            updated_at=timezone.now(),
        ):
            _tell_participant(first)
            moved += 1
    return moved


@transaction.atomic
def fill_places(event, by=None):
    """After staff raise an event's capacity: the waiting list moves up. Returns how many."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    return _fill_places(event, by)


@transaction.atomic
def send_participant_message(message, by=None):
    """E-mail the event's confirmed participants, each in their language; once per message.

    Returns the number of recipients, 0 if the message had already been sent.
    """
    recipients = list(message.event.registrations.confirmed().order_by("pk"))
    updated = ParticipantMessage.objects.filter(pk=message.pk, sent_at__isnull=True).update(
        sent_at=timezone.now(), recipients=len(recipients)
    )
    if not updated:
        return 0
    for registration in recipients:
        send_after_commit(
            message.subject,
            "events/email/message.txt",
            {"registration": registration, "event": message.event, "message": message},
            [registration.email],
            language=registration.language,
        )
    message.refresh_from_db()
    return len(recipients)


def purge_registrations(days=None, dry_run=False):
    """Delete the registrations of events that ended more than `days` ago, with their history.

    Returns the number deleted (or that would be).
    """
    days = settings.EVENT_REGISTRATION_RETENTION_DAYS if days is None else days
    rows = Registration.objects.purgeable(days)
    if dry_run:
        return rows.count()
    pks = list(rows.values_list("pk", flat=True))
    deleted = Registration.objects.filter(pk__in=pks).delete()[1].get("events.Registration", 0)
    Registration.history.filter(id__in=pks).delete()
    return deleted


@transaction.atomic
def forget_participant(email, by=None):
    """Forget the person registered from `email` (they asked to be): their registrations, a
    place they held going to the waiting list, with their history and the e-mails sent to
    them. Returns how many registrations were deleted."""
    email = (email or "").strip()
    if not email:
        return 0
    registrations = list(Registration.objects.filter(email__iexact=email).order_by("pk"))
    for registration in registrations:
        if registration.status == Registration.Status.CONFIRMED:
            cancel_registration(registration, by)
    pks = [registration.pk for registration in registrations]
    Registration.objects.filter(pk__in=pks).delete()
    Registration.history.filter(id__in=pks).delete()
    forget_emails_to(email)
    return len(pks)
