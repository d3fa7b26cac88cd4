"""Mail the site sends about a submission: stored with it, sent by the task worker after commit.

Each e-mail is written (rendered in its reader's language) into the outbox in the caller's
transaction, so it exists exactly when what it is about does; once that commits, a task with
the row's id sends it and retries while the mail server refuses (see background/outbox.py).
"""

import logging
import re

from django.conf import settings
from django.core.mail.backends.console import EmailBackend as DjangoConsoleBackend
from django.template.loader import render_to_string
from django.utils import translation

from background import outbox
from background.tasks import queue_after_commit

from .typography import french_spacing

logger = logging.getLogger(__name__)


def _one_line(text):
    # A newline in a header would let a visitor add headers of their own.
    return " ".join(str(text).split())


def _store(subject, template, context, to, language=None, from_email=None, headers=None):
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
    return outbox.store(
        subject, body, to, from_email=from_email, language=language, headers=headers
    )


def send_after_commit(subject, template, context, to, language=None, headers=None):
    """Store the e-mail now, in the caller's transaction; the worker sends it once that commits.
    `headers`: more header lines ({"List-Unsubscribe": "<https://…>"}), sent as they are."""
    queue_after_commit(_store(subject, template, context, to, language, headers=headers))


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


# A link in an e-mail: up to the next space, less the punctuation that ends a sentence.
LINK = re.compile(r"https?://\S+?(?=[.,;:!?»)]*(?:\s|$))")


class ConsoleEmailBackend(DjangoConsoleBackend):
    """Development's mail: each e-mail printed as people read it, its subject and body decoded
    and each of its links whole on a line of its own, to be clicked from the terminal.

    Django's console backend prints the e-mail as it goes over the wire (message().as_bytes()):
    a body with a line over 78 characters, as every sign-in link makes, is quoted-printable,
    which cuts the links with "=" and writes "é" as "=C3=A9", and a non-English subject is
    encoded; it has no option but its stream, so the printing is ours."""

    def write_message(self, message):
        headers = {
            "Subject": message.subject,
            "From": message.from_email,
            "To": ", ".join(message.to),
            "Cc": ", ".join(message.cc),
            "Reply-To": ", ".join(message.reply_to),
        }
        lines = [f"{name}: {value}" for name, value in headers.items() if value]
        lines.append("")
        lines.append(message.body.rstrip())
        links = LINK.findall(message.body)
        if links:
            lines += ["", "Links:", *dict.fromkeys(links)]
        for attachment in message.attachments:  # (filename, content, type), or a MIME part
            name = (
                attachment.get_filename() if hasattr(attachment, "get_filename") else attachment[0]
            )
            lines.append(f"Attached: {name}")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
