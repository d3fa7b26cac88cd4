"""Mail the site sends about a submission: after the row is committed, never at its expense."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, mail_managers
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


def _one_line(text):
    # A newline in a header would let a visitor add headers of their own.
    return " ".join(str(text).split())


def send_now(subject, template, context, to, language=None):
    """Render `template` (plain text) and send it; log and return False if sending fails."""
    with translation.override(language or translation.get_language()):
        body = render_to_string(template, {**context, "SITE_URL": settings.SITE_URL})
        message = EmailMessage(_one_line(subject), body, to=[_one_line(a) for a in to])
        message.reply_to = list(getattr(settings, "REPLY_TO_EMAIL", []))
    try:
        message.send()
    except Exception:
        logger.exception("Could not send %r to %s", template, to)
        return False
    return True


def send_after_commit(subject, template, context, to, language=None):
    """Send once the surrounding transaction commits; a failure is logged, the data stay."""
    language = language or translation.get_language()
    transaction.on_commit(lambda: send_now(subject, template, context, to, language))


def notify_managers_after_commit(subject, template, context):
    def send():
        body = render_to_string(template, {**context, "SITE_URL": settings.SITE_URL})
        try:
            mail_managers(_one_line(subject), body)
        except Exception:
            logger.exception("Could not notify the managers: %s", subject)

    transaction.on_commit(send)
