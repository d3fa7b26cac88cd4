"""Mail the site sends about a submission: stored with it, sent by the task worker after commit.

Each e-mail is written (rendered in its reader's language) into the outbox in the caller's
transaction, so it exists exactly when what it is about does; once that commits, a task with
the row's id sends it and retries while the mail server refuses (see background/outbox.py).
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from background import outbox
from background.tasks import queue_after_commit

from .typography import french_spacing

logger = logging.getLogger(__name__)


def _one_line(text):
    # A newline in a header would let a visitor add headers of their own.
    return " ".join(str(text).split())


def _store(subject, template, context, to, language=None, from_email=None):
    language = language or translation.get_language()
    with translation.override(language):
        subject = _one_line(subject)
        to = [_one_line(address) for address in to]
        try:
            body = render_to_string(template, {**context, "SITE_URL": settings.SITE_URL})
            if language.split("-")[0] == "fr":
                # The names and titles the e-mail quotes, spaced as its French text is.
                subject, body = french_spacing(subject), french_spacing(body)
        except Exception as error:
            # Kept as a failed e-mail staff can see: the submission itself must not be lost.
            logger.exception("Could not write %r to %s", template, to)
            return outbox.store(
                subject, "", to, from_email=from_email, language=language, failed_with=error
            )
    return outbox.store(subject, body, to, from_email=from_email, language=language)


def send_after_commit(subject, template, context, to, language=None):
    """Store the e-mail now, in the caller's transaction; the worker sends it once that commits."""
    queue_after_commit(_store(subject, template, context, to, language))


def send_now(subject, template, context, to, language=None):
    """Store the e-mail and queue it at once (staff sending it again). True once it is queued;
    the outbox in the admin says when it has gone out."""
    email = _store(subject, template, context, to, language)
    queue_after_commit(email)
    return email.state != email.State.FAILED


def notify_managers_after_commit(subject, template, context):
    """Tell MANAGERS, like mail_managers(), through the outbox."""
    if not settings.MANAGERS:
        return
    queue_after_commit(
        _store(
            settings.EMAIL_SUBJECT_PREFIX + _one_line(subject),
            template,
            context,
            settings.MANAGERS,
            from_email=settings.SERVER_EMAIL,
        )
    )
