"""What happens to a signature: received, e-mail confirmed, verified, rejected, withdrawn.

Each change is one conditional UPDATE whose row count decides, so running it twice (two staff
members clicking at once, a link opened twice) changes the row once and sends one e-mail.
"""

from django.conf import settings
from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from background.outbox import forget_emails_to
from core.mail import notify_managers_after_commit, send_after_commit, send_now
from core.personal_data import as_data, forget_in_admin_log, history_of, with_history
from core.text import normalise
from core.workflows import transition
from members.models import Member

from .models import Signature

CONFIRMATION_SALT = "declarations.signature.confirm-email"


def confirmation_token(signature):
    return signing.dumps(signature.pk, salt=CONFIRMATION_SALT)


def signature_for_token(token, check_age=True):
    """The signature a confirmation token names, or None if it no longer exists.

    Raises signing.SignatureExpired when the link is older than CONFIRMATION_MAX_AGE_DAYS
    (unless check_age is False) and signing.BadSignature when it has been tampered with.
    """
    max_age = settings.CONFIRMATION_MAX_AGE_DAYS * 24 * 3600 if check_age else None
    pk = signing.loads(token, salt=CONFIRMATION_SALT, max_age=max_age)
    if not isinstance(pk, int):
        raise signing.BadSignature("Unexpected payload.")
    return Signature.objects.select_related("declaration").filter(pk=pk).first()


def confirmation_url(signature):
    with translation.override(signature.language):
        path = reverse("declarations:confirm", kwargs={"token": confirmation_token(signature)})
    return f"{settings.SITE_URL}{path}"


def matching_member(authority_name, country):
    """The approved member whose name is the authority's (accents and case aside)."""
    return (
        Member.objects.approved()
        .filter(search_name=normalise(authority_name), country=country)
        .order_by("pk")
        .first()
    )


def _confirmation_message(signature):
    return (
        _("Please confirm your signature of the Declaration"),
        "declarations/email/confirm.txt",
        {
            "signature": signature,
            "confirmation_url": confirmation_url(signature),
            "max_age_days": settings.CONFIRMATION_MAX_AGE_DAYS,
        },
        [signature.email],
    )


def send_confirmation_link(signature):
    send_after_commit(*_confirmation_message(signature), language=signature.language)


def awaits_confirmation(signature):
    return (
        signature.status == Signature.Status.PENDING
        and bool(signature.email)
        and signature.email_confirmed_at is None
    )


def resend_confirmation_link(signature):
    """Send the confirmation link again (the first one may not have arrived, or have
    expired). True once it is queued."""
    if not awaits_confirmation(signature):
        return False
    return send_now(*_confirmation_message(signature), language=signature.language)


@transaction.atomic
def receive_signature(signature):
    """Store a signature sent through the form: pending, linked to its member, mail after commit.

    A person who has signed already (the same address, unless that signature was withdrawn,
    or the same name for the same authority) is not stored again: the owner of the signature
    held is told by e-mail where it stands, and the form answers the same either way, so that
    nobody learns from it who has signed. Returns the signature stored, or the one held.
    """
    earlier = earlier_signature(signature)
    if earlier is None:
        signature.status = Signature.Status.PENDING
        signature.source = Signature.Source.FORM
        if signature.member_id is None:
            signature.member = matching_member(signature.authority_name, signature.country)
        try:
            with transaction.atomic():
                signature.save()
        except IntegrityError:
            # The same signature sent twice at the same moment: the database kept the other.
            earlier = earlier_signature(signature)
            if earlier is None:
                raise
    if earlier is not None:
        _tell_already_signed(earlier)
        return earlier
    send_confirmation_link(signature)
    with translation.override(settings.LANGUAGE_CODE):
        admin_path = reverse("admin:declarations_signature_change", args=[signature.pk])
    notify_managers_after_commit(
        _("New signature of the Declaration: %(name)s") % {"name": signature.full_name},
        "declarations/email/new_signature.txt",
        {"signature": signature, "admin_url": f"{settings.SITE_URL}{admin_path}"},
    )
    return signature


def earlier_signature(signature):
    """The signature of this declaration already held for the person signing `signature`, or
    None: one from the same address that is pending, verified or rejected (a withdrawn one
    may be signed again), or one of the same person for the same authority that counts."""
    held = signature.same_person() & Q(status__in=Signature.ACTIVE_STATUSES)
    if email := (signature.email or "").strip().lower():
        held |= Q(email=email) & ~Q(status=Signature.Status.WITHDRAWN)
    return (
        Signature.objects.filter(held, declaration_id=signature.declaration_id)
        .exclude(pk=signature.pk)
        .order_by("pk")
        .first()
    )


def _tell_already_signed(signature):
    """Tell the signatory of a signature signed again where it stands (if it has an address)."""
    if not signature.email:
        return  # collected on paper without one: nobody to tell
    context = {"signature": signature, "awaits_confirmation": awaits_confirmation(signature)}
    with translation.override(signature.language):
        subject = str(_("You have already signed the Declaration"))
        context["contact_url"] = f"{settings.SITE_URL}{reverse('contact:contact')}"
    if context["awaits_confirmation"]:
        context["confirmation_url"] = confirmation_url(signature)
        context["max_age_days"] = settings.CONFIRMATION_MAX_AGE_DAYS
    elif signature.status == Signature.Status.VERIFIED and signature.consent_to_publish:
        context["declaration_url"] = _declaration_url(signature)
    send_after_commit(
        subject,
        "declarations/email/already_signed.txt",
        context,
        [signature.email],
        language=signature.language,
    )


def confirm_email(signature):
    """Record that the signatory opened the link; True the first time only."""
    now = timezone.now()
    return transition(
        signature,
        None,
        "e-mail confirmed",
        where=Q(email_confirmed_at__isnull=True),
        email_confirmed_at=now,
        updated_at=now,
    )


class Refusal:
    """The answer of a step that was refused, rather than already done: false, with a reason."""

    def __init__(self, reason):
        self.reason = reason

    def __bool__(self):
        return False

    def __repr__(self):
        return f"<Refusal: {self.reason}>"


# A form signature is verified only once its signatory has opened the confirmation link.
EMAIL_NOT_CONFIRMED = Refusal("e-mail address not confirmed")


def _change_status(signature, by, from_statuses, to_status, condition=None, **fields):
    now = timezone.now()
    return transition(
        signature,
        by,
        to_status.value,
        where=(condition or Q()) & Q(status__in=from_statuses),
        status=to_status,
        status_changed_at=now,
        status_changed_by=by,
        updated_at=now,
        **fields,
    )


@transaction.atomic
def verify_signature(signature, by):
    """Pending → verified: published if the signatory consented. Mails the signatory.

    True if this call verified it, False if it was not pending, EMAIL_NOT_CONFIRMED (false as
    well) if it came through the form and its e-mail address has not been confirmed.
    """
    now = timezone.now()
    verified = _change_status(
        signature,
        by,
        [Signature.Status.PENDING],
        Signature.Status.VERIFIED,
        condition=Signature.VERIFIABLE,
        verified_at=now,
        verified_by=by,
    )
    if verified and signature.email:
        send_after_commit(
            _("Your signature of the Declaration has been verified"),
            "declarations/email/verified.txt",
            {"signature": signature, "declaration_url": _declaration_url(signature)},
            [signature.email],
            language=signature.language,
        )
    if not verified and signature.status == Signature.Status.PENDING:
        return EMAIL_NOT_CONFIRMED
    return verified


@transaction.atomic
def reject_signature(signature, by, reason=""):
    """Pending or verified → rejected (e.g. not an elected representative): off every page."""
    return _change_status(
        signature,
        by,
        Signature.ACTIVE_STATUSES,
        Signature.Status.REJECTED,
        rejection_reason=reason,
    )


@transaction.atomic
def withdraw_signature(signature, by):
    """Pending or verified → withdrawn, at the signatory's request: off every page."""
    return _change_status(signature, by, Signature.ACTIVE_STATUSES, Signature.Status.WITHDRAWN)


# What is left of a signature whose signatory asked to be forgotten.
ERASED_NAME = "Erased"


def personal_data(signature):
    """Everything held about a signatory: the signature, its history, and any join request
    sent from the same e-mail address."""
    join_requests = []
    if signature.email:
        join_requests = Member.objects.filter(contact_email__iexact=signature.email)
    return {
        "signature": as_data([signature])[0],
        "history": history_of(signature),
        "join_requests": with_history(join_requests),
    }


@transaction.atomic
def erase_personal_data(signature, by):
    """Forget a signatory: withdrawn (off every page), name and e-mail gone, here and in the
    signature's history, the admin's log and the e-mails sent to them."""
    withdraw_signature(signature, by)
    forget_emails_to(signature.email)
    anonymous = {
        "full_name": ERASED_NAME,
        "search_name": normalise(ERASED_NAME),
        "email": "",
        "staff_note": "",
    }
    transition(signature, by, "personal data erased", **anonymous, updated_at=timezone.now())
    Signature.history.filter(id=signature.pk).update(**anonymous)
    forget_in_admin_log(signature)
    return signature


def _declaration_url(signature):
    with translation.override(signature.language):
        return f"{settings.SITE_URL}{reverse('declarations:declaration')}"
