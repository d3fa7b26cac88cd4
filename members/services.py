"""The membership workflow: a join request arrives, staff approve or reject it, a member leaves.

Each decision is one conditional UPDATE on the status: whichever call changes the row does
the work (dates, history record, e-mail); a repeated or concurrent call finds nothing to change
and does none.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from background.outbox import forget_emails_to
from core.mail import notify_managers_after_commit, send_after_commit, send_now
from core.personal_data import as_data, erase_related, history_of, related_data
from core.workflows import transition

from .models import Member
from .places import find_coordinates
from .signals import member_approved


def submit_join_request(member, language):
    """Save a new request from the join form (coordinates looked up), and acknowledge it."""
    member.status = Member.Status.PENDING
    member.language = language
    member.requested_at = timezone.now()
    if member.latitude is None and member.longitude is None:
        member.latitude, member.longitude = find_coordinates(member.name, member.country)
    # Staff read the notification in the site's main language, whatever the visitor's.
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        member.save()
        if member.contact_email:
            with translation.override(language):
                subject = str(_("Your request to join the Alliance"))
            send_after_commit(
                subject,
                "members/email/join_received.txt",
                {"member": member},
                [member.contact_email],
                language=language,
            )
        admin_url = settings.SITE_URL + reverse("admin:members_member_change", args=[member.pk])
        subject = _("New request to join: %(name)s (%(country)s)") % {
            "name": member.name,
            "country": member.country.name,
        }
        notify_managers_after_commit(
            subject,
            "members/email/join_notify_managers.txt",
            {"member": member, "admin_url": admin_url},
        )
    return member


def approve_member(member, by):
    """Approve a pending request. True if this call approved it, False if it was not pending."""
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            member,
            by,
            "approved",
            where=Q(status=Member.Status.PENDING),
            status=Member.Status.APPROVED,
            decided_at=now,
            decided_by=by,
            rejection_reason="",
            # A join date staff already entered (an authority that joined on paper) is kept.
            joined_on=Coalesce("joined_on", timezone.localdate(now)),
            updated_at=now,
        )
        if changed:
            # The apps above members act on it (the contact becomes the first contact person).
            member_approved.send(sender=Member, member=member, by=by)
            _tell_applicant(
                member,
                _("Welcome to the Alliance"),
                "members/email/approved.txt",
            )
    return changed


def reject_member(member, by, reason):
    """Reject a pending request with a reason the applicant reads. True if this call did it."""
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            member,
            by,
            "rejected",
            where=Q(status=Member.Status.PENDING),
            status=Member.Status.REJECTED,
            decided_at=now,
            decided_by=by,
            rejection_reason=reason.strip(),
            updated_at=now,
        )
        if changed:
            _tell_applicant(
                member,
                _("Your request to join the Alliance"),
                "members/email/rejected.txt",
            )
    return changed


def mark_left(member, by, left_on=None):
    """Record that an approved member has left the Alliance. True if this call did it."""
    now = timezone.now()
    return transition(
        member,
        by,
        "left the Alliance",
        where=Q(status=Member.Status.APPROVED),
        status=Member.Status.LEFT,
        left_on=left_on or timezone.localdate(now),
        decided_at=now,
        decided_by=by,
        updated_at=now,
    )


def resend_acknowledgement(member):
    """Send the acknowledgement of a pending join request again (the person may not have
    received the first one). True once it is queued."""
    if member.status != Member.Status.PENDING or not member.contact_email:
        return False
    with translation.override(member.language):
        subject = str(_("Your request to join the Alliance"))
    return send_now(
        subject,
        "members/email/join_received.txt",
        {"member": member},
        [member.contact_email],
        language=member.language,
    )


# The contact person's data: blanked when they ask to be forgotten. The authority's own data
# (name, country, website) is public and stays.
CONTACT_FIELDS = ["contact_name", "contact_role", "contact_email", "contact_phone", "motivation"]


def personal_data(member):
    """Everything held about a member's contact person: the request, its history, and what the
    other apps hold about them (the signatures given for that authority or from that address)."""
    return {
        "member": as_data([member])[0],
        "history": history_of(member),
        **related_data(member),
    }


def erase_personal_data(member, by):
    """Forget the contact person: every copy the apps hold of them (a contact person, who can
    no longer sign in, registrations, signatures… found by their address), then their details
    in the member and in all its history, and the e-mails sent to them.

    Returns what was erased, in words, for staff: ["1 contact person", "2 event registrations"].
    """
    blank = dict.fromkeys(CONTACT_FIELDS, "")
    with transaction.atomic():
        erased = erase_related(member, by)  # while the request still names its contact
        forget_emails_to(member.contact_email)
        transition(member, by, "personal data erased", **blank, updated_at=timezone.now())
        Member.history.filter(id=member.pk).update(**blank)
    return erased


def _tell_applicant(member, subject, template):
    if not member.contact_email:
        return
    with translation.override(member.language):
        subject = str(subject)
    send_after_commit(
        subject, template, {"member": member}, [member.contact_email], language=member.language
    )
