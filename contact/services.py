"""Contact messages: kept first, then notified to the staff; marked handled once, by one person."""

from django.conf import settings
from django.db import transaction
from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.mail import notify_managers_after_commit, send_after_commit
from core.workflows import transition


def receive_message(message, language):
    """Save a message from the contact form and tell the managers once it is stored."""
    message.language = language
    message.received_at = timezone.now()
    with translation.override(settings.LANGUAGE_CODE), transaction.atomic():
        message.save()
        admin_url = settings.SITE_URL + reverse(
            "admin:contact_contactmessage_change", args=[message.pk]
        )
        subject = _("Contact form: %(subject)s, from %(name)s") % {
            "subject": message.get_subject_display(),
            "name": message.name,
        }
        notify_managers_after_commit(
            subject,
            "contact/email/notify_managers.txt",
            {"message": message, "admin_url": admin_url},
        )
    return message


def mark_handled(message, by):
    """Record that a message has been dealt with. True if this call marked it."""
    return transition(
        message,
        by,
        "handled",
        where=Q(handled_at__isnull=True),
        handled_at=timezone.now(),
        handled_by=by,
    )


def answer(message, by, text):
    """E-mail `text` to the sender, in their language, through the outbox; kept with the
    message, which is handled from then on (by `by`, unless it already was). A message is
    answered once: True if this call answered it."""
    now = timezone.now()
    with transaction.atomic():
        answered = transition(
            message,
            by,
            "answered",
            where=Q(answered_at__isnull=True),
            answer=text,
            answered_at=now,
            answered_by=by,
            handled_at=Coalesce("handled_at", Value(now)),
            handled_by=Coalesce("handled_by", Value(by.pk)),
        )
        if answered:
            send_after_commit(
                answer_subject(message),
                "contact/email/answer.txt",
                {"message": message},
                [message.email],
                language=message.language,
            )
    return answered


def answer_subject(message):
    """The subject of an answer to `message`, in the sender's language."""
    with translation.override(message.language):
        return _("Re: %(subject)s") % {"subject": message.get_subject_display()}
