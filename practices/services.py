"""The practices' workflow: draft → submitted → published, or returned with a comment;
published → archived.

Each step is one conditional UPDATE on the status: whichever call changes the row does the work
(dates, history record, e-mail); a repeated or concurrent call finds nothing to change and does
none. Staff submit in the admin; member authorities will submit from their own space, through
the same `submit_practice()`.
"""

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.mail import notify_managers_after_commit, send_after_commit
from core.workflows import transition

from .models import Practice

Status = Practice.Status
SUBMITTABLE = [Status.DRAFT, Status.RETURNED]
PUBLISHABLE = [Status.DRAFT, Status.SUBMITTED, Status.RETURNED, Status.ARCHIVED]


def submit_practice(practice, by_user=None, by_contact=None):
    """Send a draft (or a returned practice) to the secretariat. True if this call did it.

    `by_user` is the staff member who submits it in the admin; `by_contact` is the member
    authority's contact person (anything with an `email`, or a member with `contact_email`,
    and optionally a `language`): the decisions are written to them.
    """
    email, language = _submitter(by_user, by_contact)
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            practice,
            by_user,
            "submitted",
            where=Q(status__in=SUBMITTABLE),
            status=Status.SUBMITTED,
            submitted_at=now,
            submitted_by=by_user if getattr(by_user, "pk", None) else None,
            submitter_email=email,
            submitter_language=language,
            review_comment="",
            updated_at=now,
        )
        if changed:
            with translation.override(settings.LANGUAGE_CODE):
                admin_path = reverse("admin:practices_practice_change", args=[practice.pk])
                subject = _("Practice submitted for publication: %(title)s") % {
                    "title": practice.title
                }
            notify_managers_after_commit(
                subject,
                "practices/email/submitted_notify_managers.txt",
                {"practice": practice, "admin_url": settings.SITE_URL + admin_path},
            )
    return bool(changed)


def publish_practice(practice, by):
    """Put a practice online. True if this call published it, False if it already was."""
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            practice,
            by,
            "published",
            where=Q(status__in=PUBLISHABLE),
            status=Status.PUBLISHED,
            published_at=now,
            decided_at=now,
            decided_by=by,
            review_comment="",
            updated_at=now,
        )
        if changed:
            _tell_submitter(
                practice, _("Your practice is published"), "practices/email/published.txt"
            )
    return bool(changed)


def return_practice(practice, by, comment):
    """Send a submitted practice back to its submitter with a comment. True if this call did it."""
    now = timezone.now()
    with transaction.atomic():
        changed = transition(
            practice,
            by,
            "returned",
            where=Q(status=Status.SUBMITTED),
            status=Status.RETURNED,
            review_comment=comment.strip(),
            decided_at=now,
            decided_by=by,
            updated_at=now,
        )
        if changed:
            _tell_submitter(
                practice, _("Your practice needs changes"), "practices/email/returned.txt"
            )
    return bool(changed)


def archive_practice(practice, by):
    """Take a published practice offline, kept for the record. True if this call did it."""
    now = timezone.now()
    return transition(
        practice,
        by,
        "archived",
        where=Q(status=Status.PUBLISHED),
        status=Status.ARCHIVED,
        decided_at=now,
        decided_by=by,
        updated_at=now,
    )


def _submitter(by_user, by_contact):
    """(e-mail, language) of whoever submits: the contact person first, else the staff member."""
    if by_contact is not None:
        email = getattr(by_contact, "email", "") or getattr(by_contact, "contact_email", "")
        language = getattr(by_contact, "language", "") or settings.LANGUAGE_CODE
        return email or "", language
    return (getattr(by_user, "email", "") or "", translation.get_language() or "en")


def _tell_submitter(practice, subject, template):
    if not practice.submitter_email:
        return
    language = practice.submitter_language
    with translation.override(language):
        subject = str(subject)
        path = practice.get_absolute_url()
    send_after_commit(
        subject,
        template,
        {"practice": practice, "url": settings.SITE_URL + path},
        [practice.submitter_email],
        language=language,
    )


# Personal data: the submitter's address is all a practice keeps of the person who sent it.


def submitted_from(email):
    """The practices drafted or submitted from `email` (decisions are written to it)."""
    if not email:
        return Practice.objects.none()
    return Practice.objects.filter(submitter_email__iexact=email.strip()).order_by("pk")


def forget_submitter(email):
    """Blank `email` on the practices submitted from it and in all their history; how many."""
    if not email:
        return 0
    Practice.history.filter(submitter_email__iexact=email.strip()).update(submitter_email="")
    return submitted_from(email).update(submitter_email="")
