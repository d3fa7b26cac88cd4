"""The outbox: every e-mail is a row first, stored with what it is about, then a task sends it.

A row is claimed with a conditional UPDATE (queued or retrying → sending) before it is sent,
so two tasks for one e-mail (a retry and a "Send again", a task run twice) send it once. When
the mail server refuses, the row waits for its next try (EMAIL_RETRY_DELAYS) and says why;
after the last one, or when the server rejects the message itself, it is marked failed.
"""

import datetime
import logging
import re
import smtplib
from dataclasses import dataclass
from email.utils import parseaddr
from urllib.parse import urlsplit, urlunsplit

from django.conf import settings
from django.core.mail import EmailMessage, make_msgid
from django.db.models import F, Q
from django.utils import timezone

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

State = OutgoingEmail.State

# A row left "sending" this long belongs to a worker that stopped in the middle (a send
# gives up after EMAIL_TIMEOUT seconds); a row waiting this long past its time has lost its task.
STALE_AFTER = datetime.timedelta(minutes=10)


def store(subject, body, to, *, from_email=None, language="", failed_with=None, headers=None):
    """A new row for one e-mail: queued, or failed at once when it could not even be written."""
    from_email = from_email or settings.DEFAULT_FROM_EMAIL
    now = timezone.now()
    email = OutgoingEmail(
        to=list(to),
        from_email=from_email,
        subject=subject,
        body=body,
        language=language or "",
        headers=dict(headers or {}),
        message_id=make_msgid(domain=_domain_of(from_email)),
        created_at=now,
        next_attempt_at=now,
    )
    if failed_with is not None:
        email.state = State.FAILED
        email.next_attempt_at = None
        email.last_error = describe(failed_with)
    email.save()
    return email


@dataclass(frozen=True)
class Attempt:
    outcome: str
    retry_at: datetime.datetime | None = None


def deliver(email_id):
    """Send the e-mail `email_id` unless it is sent or on its way; say what happened."""
    now = timezone.now()
    claimed = (
        OutgoingEmail.objects.waiting()
        .filter(pk=email_id)
        .update(state=State.SENDING, attempts=F("attempts") + 1, last_attempt_at=now)
    )
    # A deleted row raises DoesNotExist here: the task is marked failed, never retried.
    email = OutgoingEmail.objects.get(pk=email_id)
    if not claimed:
        return Attempt(f"nothing to do: the e-mail is {email.state}")
    try:
        EmailMessage(
            email.subject,
            email.body,
            email.from_email,
            email.to,
            headers={
                **email.headers,
                **({"Message-ID": email.message_id} if email.message_id else {}),
            },
            # A reply reaches a person of the secretariat, not the sending address.
            reply_to=list(settings.REPLY_TO_EMAIL),
        ).send()
    except Exception as error:
        return _refused(email, error, now)
    OutgoingEmail.objects.filter(pk=email.pk).update(
        state=State.SENT, sent_at=timezone.now(), next_attempt_at=None
    )
    return Attempt(f"sent to {len(email.to)} recipient(s)")


def _refused(email, error, now):
    retry_at = None
    if is_mail_server_trouble(error) and not is_rejection(error):
        retry_at = next_attempt(email.attempts, now)
    fields = {"last_error": describe(error), "next_attempt_at": retry_at}
    if retry_at is None:
        OutgoingEmail.objects.filter(pk=email.pk).update(state=State.FAILED, **fields)
        logger.error("E-mail %s failed after %d attempt(s): %s", email.pk, email.attempts, error)
        if not is_mail_server_trouble(error):
            # Not the server's doing (a bug, a bad address the code let through): the task
            # is marked failed with its traceback too.
            raise error
        return Attempt(f"failed: {fields['last_error']}")
    OutgoingEmail.objects.filter(pk=email.pk).update(state=State.RETRYING, **fields)
    logger.warning("E-mail %s not sent (%s); next try at %s", email.pk, error, retry_at)
    return Attempt(f"retrying at {retry_at.isoformat()}: {fields['last_error']}", retry_at)


def next_attempt(attempts, now):
    """When to try again after `attempts` failed tries, or None when it is time to give up."""
    delays = settings.EMAIL_RETRY_DELAYS
    if attempts > len(delays):
        return None
    return now + datetime.timedelta(seconds=delays[attempts - 1])


def is_mail_server_trouble(error):
    """The server is down, unreachable, busy or misconfigured: worth trying again later."""
    return isinstance(error, smtplib.SMTPException | OSError)


def is_rejection(error):
    """The server refused this message for good (5xx to every recipient, or to its content)."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _reply in error.recipients.values())
    return isinstance(error, smtplib.SMTPDataError) and error.smtp_code >= 500


def describe(error):
    return f"{type(error).__name__}: {error}"[:2000]


def send_again(emails):
    """Put failed or retrying e-mails back in the queue from their first delay; a sent one is
    copied as a new e-mail. Returns (the rows to queue, how many were already on their way)."""
    now = timezone.now()
    queued, skipped = [], 0
    for email in emails:
        if email.state in (State.FAILED, State.RETRYING):
            changed = OutgoingEmail.objects.filter(
                pk=email.pk, state__in=[State.FAILED, State.RETRYING]
            ).update(state=State.QUEUED, attempts=0, next_attempt_at=now)
            if changed:
                email.state, email.attempts = State.QUEUED, 0
                queued.append(email)
                continue
        elif email.state == State.SENT:
            queued.append(
                store(
                    email.subject,
                    email.body,
                    email.to,
                    from_email=email.from_email,
                    language=email.language,
                    headers=email.headers,
                )
            )
            continue
        skipped += 1
    return queued, skipped


def stale(now=None):
    """(Rows a stopped worker left "sending", rows waiting long past their time.)"""
    now = now or timezone.now()
    interrupted = OutgoingEmail.objects.filter(
        state=State.SENDING, last_attempt_at__lt=now - STALE_AFTER
    )
    overdue = OutgoingEmail.objects.waiting().filter(next_attempt_at__lt=now - STALE_AFTER)
    return interrupted, overdue


def give_up_on_interrupted(rows):
    """The server may have taken these before the worker stopped: never sent twice by itself,
    they are marked failed for staff to check and send again."""
    return rows.update(
        state=State.FAILED,
        next_attempt_at=None,
        last_error=(
            "The worker stopped while sending it: it may have gone out. Check with the "
            "recipient before sending it again."
        ),
    )


def prune(days=None, now=None):
    """Delete sent and failed e-mails older than OUTBOX_KEEP_DAYS: they hold personal data."""
    days = settings.OUTBOX_KEEP_DAYS if days is None else days
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    finished = OutgoingEmail.objects.filter(state__in=[State.SENT, State.FAILED])
    return finished.filter(created_at__lt=cutoff).delete()[0]


def forget_emails_to(address):
    """Delete every e-mail to `address` or quoting it (a person asked to be forgotten): the
    staff's notifications of a join request or a proposal hold the address they came from."""
    if not address:
        return 0
    quoting = Q(subject__icontains=address) | Q(body__icontains=address)
    candidates = OutgoingEmail.objects.only("pk", "to")
    domain = address.rpartition("@")[2]
    if domain.isascii() and '"' not in domain and "\\" not in domain:
        # The list's JSON text holds the domain as typed (the local part may be escaped).
        candidates = candidates.filter(Q(to__icontains=domain) | quoting)
    rows = [email.pk for email in candidates.iterator() if _to(email, address)]
    return OutgoingEmail.objects.filter(Q(pk__in=rows) | quoting).delete()[0]


def _to(email, address):
    return address.lower() in (recipient.lower() for recipient in email.to)


# What staff see of an e-mail hides the secrets its links carry (the e-mail sent keeps them):
# the values of a query string (a sign-in link's ?sesame=…), a fragment, and each path segment
# shaped as django.core.signing writes a value (payload:timestamp:signature, as the
# confirmation links of signatures and event registrations carry).
MASK = "•••"
LINK = re.compile(r"https?://[^\s<>\"'`]+", re.IGNORECASE)
SIGNED_SEGMENT = re.compile(r"\.?[\w-]+(?:(?::|%3A)[\w-]+)+", re.IGNORECASE)


def masked(text):
    """`text` with the secrets of its links replaced by •••."""
    return LINK.sub(lambda match: _masked_link(match.group()), text or "")


def _masked_link(url):
    parts = urlsplit(url)
    path = "/".join(
        MASK if SIGNED_SEGMENT.fullmatch(segment) else segment for segment in parts.path.split("/")
    )
    query = "&".join(
        f"{name}={MASK}" if has_value else name
        for name, has_value, _value in (pair.partition("=") for pair in parts.query.split("&"))
    )
    fragment = MASK if parts.fragment else ""
    return urlunsplit((parts.scheme, parts.netloc, path, query, fragment))


def _domain_of(address):
    return parseaddr(address)[1].rpartition("@")[2] or "localhost"
