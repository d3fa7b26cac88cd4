"""NGO proposals: one arrives, staff accept or decline it, and may answer it by e-mail; each
decision is one conditional UPDATE, so a repeated or concurrent click neither decides twice
nor mails twice."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.mail import notify_managers_after_commit, send_after_commit
from core.workflows import transition

from .models import Proposal


def submit_proposal(proposal, themes, language):
    """Save a proposal from the cooperation form, acknowledge it, tell the managers."""
    proposal.status = Proposal.Status.PENDING
    proposal.language = language
    proposal.requested_at = timezone.now()
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        proposal.save()
        proposal.themes.set(themes)
        _tell_organisation(proposal, _("Your proposal of cooperation"), "received.txt")
        admin_url = settings.SITE_URL + reverse(
            "admin:cooperation_proposal_change", args=[proposal.pk]
        )
        subject = _("New proposal of cooperation: %(name)s (%(country)s)") % {
            "name": proposal.name,
            "country": proposal.country.name,
        }
        notify_managers_after_commit(
            subject,
            "cooperation/email/notify_managers.txt",
            {"proposal": proposal, "admin_url": admin_url},
        )
    return proposal


def accept_proposal(proposal, by):
    """Accept a pending proposal. True if this call accepted it."""
    with transaction.atomic():
        changed = transition(
            proposal,
            by,
            "accepted",
            where=Q(status=Proposal.Status.PENDING),
            status=Proposal.Status.ACCEPTED,
            decided_at=timezone.now(),
            decided_by=by,
            decline_reason="",
            updated_at=timezone.now(),
        )
        if changed:
            _tell_organisation(proposal, _("Your proposal of cooperation"), "accepted.txt")
    return bool(changed)


def decline_proposal(proposal, by, reason):
    """Decline a pending proposal with a reason the organisation reads. True if this call did."""
    with transaction.atomic():
        changed = transition(
            proposal,
            by,
            "declined",
            where=Q(status=Proposal.Status.PENDING),
            status=Proposal.Status.DECLINED,
            decided_at=timezone.now(),
            decided_by=by,
            decline_reason=reason.strip(),
            updated_at=timezone.now(),
        )
        if changed:
            _tell_organisation(proposal, _("Your proposal of cooperation"), "declined.txt")
    return bool(changed)


def answer_proposal(proposal, by, text):
    """E-mail `text` to the contact person, in their language, through the outbox, with the
    proposal; kept with it (by `by`, now). Answering decides nothing: the proposal stays
    pending, accepted or declined. A proposal is answered once: True if this call answered it."""
    now = timezone.now()
    with transaction.atomic():
        answered = transition(
            proposal,
            by,
            "answered",
            where=Q(answered_at__isnull=True),
            answer=text.strip(),
            answered_at=now,
            answered_by=by,
            updated_at=now,
        )
        if answered:
            send_after_commit(
                answer_subject(proposal),
                "cooperation/email/answer.txt",
                {"proposal": proposal},
                [proposal.contact_email],
                language=proposal.language,
            )
    return answered


def answer_subject(proposal):
    """The subject of an answer to `proposal`, in its contact person's language."""
    with translation.override(proposal.language):
        return _("Your proposal of cooperation: %(name)s") % {"name": proposal.name}


def _tell_organisation(proposal, subject, template):
    with translation.override(proposal.language):
        subject = str(subject)
    send_after_commit(
        subject,
        f"cooperation/email/{template}",
        {"proposal": proposal},
        [proposal.contact_email],
        language=proposal.language,
    )
