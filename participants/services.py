"""The participants' workflows: contact persons and their sign-in links, invitations, and the
profile changes they propose, which staff approve or reject.

A decision is one conditional UPDATE on the request's status: whichever call changes the row
does the work (the profile, history, e-mail); a repeated or concurrent call does none.
"""

import hashlib

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from background.outbox import forget_emails_to
from core.history import record_change
from core.mail import notify_managers_after_commit, send_after_commit
from core.personal_data import as_data, erase_related, history_of, related_data
from core.protection import take_one
from core.workflows import transition
from members.models import Member
from practices import services as practice_services

from . import auth, tasks
from .models import ContactPerson, ProfileChangeRequest

Status = ProfileChangeRequest.Status
SIGN_IN_SALT = "participants.sign-in-address"
# Profile change requests one member may have waiting for staff at once: each e-mails them.
MAX_PENDING_CHANGE_REQUESTS = 3


def contact_from_join_request(member, by=None):
    """The join request's contact becomes the member's first contact person (once)."""
    email = (member.contact_email or "").strip()
    if not email or member.contact_persons.with_email(email).exists():
        return None
    contact = ContactPerson(
        member=member,
        name=member.contact_name or email,
        role=member.contact_role,
        email=email,
        language=member.language,
    )
    contact._history_user = by
    contact._change_reason = "from the join request"
    with transaction.atomic():  # the record and its history
        contact.save()
    return contact


def account_for(email):
    """The sign-in account of an address: made on first use, linked to its contact persons.

    Its username is derived from the address (which may be longer than a username): never a
    staff member's, and the same address always finds the same account.
    """
    email = email.strip()
    digest = hashlib.sha256(email.lower().encode()).hexdigest()[:32]
    user, created = get_user_model().objects.get_or_create(
        username=f"participant-{digest}", defaults={"email": email}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    ContactPerson.objects.with_email(email).filter(user__isnull=True).update(user=user)
    return user


def ask_for_sign_in_link(email, language):
    """What the sign-in form does with any address: queue one task, the same for everyone.

    The task looks the address up and writes the e-mail: the request's time and work tell
    nobody whether the address is a contact person's. The task carries a digest of the
    address, not the address itself (tasks carry no personal data).
    """
    tasks.send_sign_in_link.enqueue(address_digest(email), language)


def address_digest(email):
    """A keyed digest of an e-mail address, the same whatever its case or spaces around it."""
    return salted_hmac(SIGN_IN_SALT, email.strip().lower(), algorithm="sha256").hexdigest()


def send_sign_in_link(digest, language):
    """E-mail a sign-in link if the address of `digest` is an active contact person's (the
    task's work). True if one was sent.

    At most FORM_RATE_LIMIT_PER_EMAIL links go to one address per FORM_RATE_WINDOW_PER_EMAIL:
    the requests past it send nothing, and the form said the same as always, so a stranger
    asking for someone's link learns nothing and stops nobody for longer than the window.
    """
    # The contact persons are few: their addresses are compared here, not in the database,
    # which holds no digest.
    addresses = ContactPerson.objects.active().order_by("pk").values_list("email", flat=True)
    email = next((address for address in addresses if address_digest(address) == digest), None)
    if email is None:
        return False
    if not take_one(
        f"sign-in-link:{digest}",
        settings.FORM_RATE_LIMIT_PER_EMAIL,
        settings.FORM_RATE_WINDOW_PER_EMAIL,
    ):
        return False
    with transaction.atomic():
        user = account_for(email)
        with translation.override(language):
            url = settings.SITE_URL + reverse("participants:link")
            subject = str(_("Your link to sign in to the Alliance members’ space"))
        send_after_commit(
            subject,
            "participants/email/sign_in_link.txt",
            {
                "url": url + auth.link_query(user),
                "minutes": settings.SESAME_MAX_AGE // 60,
            },
            [email.strip()],
            language=language,
        )
    return True


def invite(contact, by):
    """Tell a contact person that they can sign in to the space. True once it is queued."""
    if not contact.can_sign_in:
        return False
    with transaction.atomic():
        ContactPerson.objects.filter(pk=contact.pk).update(invited_at=timezone.now())
        contact.refresh_from_db()
        record_change(contact, by, "invited")
        with translation.override(contact.language):
            subject = str(_("You can now sign in to the Alliance members’ space"))
            url = settings.SITE_URL + reverse("participants:index")
        send_after_commit(
            subject,
            "participants/email/invitation.txt",
            {"contact": contact, "url": url},
            [contact.email],
            language=contact.language,
        )
    return True


class TooManyPendingChanges(Exception):
    """The member already has MAX_PENDING_CHANGE_REQUESTS change requests waiting for staff."""


def propose_changes(contact, changes, logo=None):
    """Save a contact person's proposed changes to their member's profile, for staff to review.

    Each request e-mails the secretariat: a member has at most MAX_PENDING_CHANGE_REQUESTS
    waiting at once (TooManyPendingChanges), and may send more once staff have decided.
    """
    with transaction.atomic():
        # The member's row is locked: two requests sent at the same moment are counted in turn.
        Member.objects.select_for_update().only("pk").get(pk=contact.member_id)
        pending = ProfileChangeRequest.objects.filter(
            member_id=contact.member_id, status=Status.PENDING
        )
        if pending.count() >= MAX_PENDING_CHANGE_REQUESTS:
            raise TooManyPendingChanges
        change_request = ProfileChangeRequest(
            member=contact.member, contact=contact, changes=changes
        )
        if logo is not None:
            change_request.logo.save(logo.name, logo, save=False)
        change_request._change_reason = "sent"
        change_request.save()
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.SITE_URL + reverse(
                "admin:participants_profilechangerequest_change", args=[change_request.pk]
            )
            subject = _("Profile changes proposed: %(member)s") % {"member": contact.member.name}
        notify_managers_after_commit(
            subject,
            "participants/email/changes_notify_managers.txt",
            {"change_request": change_request, "admin_url": admin_url},
        )
    return change_request


def approve_change_request(change_request, by):
    """Apply the proposed changes to the public profile. True if this call approved them."""
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            change_request,
            by,
            "approved",
            where=Q(status=Status.PENDING),
            status=Status.APPROVED,
            decided_at=now,
            decided_by=by,
            updated_at=now,
        )
        if changed:
            member = change_request.member
            for name, value in change_request.changes.items():
                if name in ProfileChangeRequest.FIELDS:
                    setattr(member, name, value)
            if change_request.logo:
                with change_request.logo.open("rb") as logo:
                    name = change_request.logo.name.rsplit("/", 1)[-1]
                    member.logo.save(name, ContentFile(logo.read()), save=False)
            member._history_user = by
            member._change_reason = "profile changes approved"
            member.save()  # renews the public pages (core.workflows.watch)
            change_request.discard_proposed_logo()
            _tell_contact(
                change_request,
                _("Your changes to your authority’s profile are published"),
                "participants/email/changes_approved.txt",
            )
    return bool(changed)


def reject_change_request(change_request, by, reason):
    """Refuse the proposed changes with a reason the contact person reads. True if this call did."""
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            change_request,
            by,
            "rejected",
            where=Q(status=Status.PENDING),
            status=Status.REJECTED,
            rejection_reason=reason.strip(),
            decided_at=now,
            decided_by=by,
            updated_at=now,
        )
        if changed:
            change_request.discard_proposed_logo()
            _tell_contact(
                change_request,
                _("Your changes to your authority’s profile"),
                "participants/email/changes_rejected.txt",
            )
    return bool(changed)


def request_removal(contact):
    """The person asks to be removed: staff are told, and erase their data in the admin."""
    with transaction.atomic():
        ContactPerson.objects.filter(pk=contact.pk).update(removal_requested_at=timezone.now())
        contact.refresh_from_db()
        record_change(contact, None, "asked to be removed")
        with translation.override(settings.LANGUAGE_CODE):
            admin_url = settings.SITE_URL + reverse(
                "admin:participants_contactperson_change", args=[contact.pk]
            )
            subject = _("A contact person asks to be removed: %(member)s") % {
                "member": contact.member.name
            }
        notify_managers_after_commit(
            subject,
            "participants/email/removal_notify_managers.txt",
            {"contact": contact, "admin_url": admin_url},
        )


def personal_data(contact):
    """Everything held about a contact person: the record and its history, their sign-in
    account, the change requests they sent and the practices they submitted."""
    user = contact.user
    practices = practice_services.submitted_from(contact.email)
    return {
        "contact_person": {**as_data([contact])[0], "history": history_of(contact)},
        "account": {
            "email": user.email,
            "last_login": user.last_login,
            "date_joined": user.date_joined,
        }
        if user
        else None,
        "profile_change_requests": as_data(contact.change_requests.order_by("pk")),
        "practices_submitted": [
            {
                "id": practice.pk,
                "title": practice.title,
                "status": practice.status,
                "created_at": practice.created_at,
                "submitted_at": practice.submitted_at,
                "decided_at": practice.decided_at,
                "published_at": practice.published_at,
            }
            for practice in practices
        ],
        # What the apps above this one hold about the contact person (messages, subscriptions).
        **related_data(contact),
    }


def erase_contact(contact, by):
    """Forget a contact person: the record, its history, its account if no other contact
    person uses it, the e-mails sent to them and their address on the practices they submitted."""
    with transaction.atomic():
        erase_related(contact, by)
        forget_emails_to(contact.email)
        practice_services.forget_submitter(contact.email)
        user, pk = contact.user, contact.pk
        contact.delete()
        # Its history too, the record of the deletion included.
        ContactPerson.history.filter(id=pk).delete()
        if user is not None and not user.contact_persons.exists() and not user.is_staff:
            user.delete()


def _tell_contact(change_request, subject, template):
    contact = change_request.contact
    if contact is None:
        return
    with translation.override(contact.language):
        subject = str(subject)
        url = settings.SITE_URL + reverse("participants:profile")
        public_url = settings.SITE_URL + change_request.member.get_absolute_url()
    send_after_commit(
        subject,
        template,
        {
            "change_request": change_request,
            "contact": contact,
            "url": url,
            "public_url": public_url,
        },
        [contact.email],
        language=contact.language,
    )
