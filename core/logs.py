"""What the processes write to standard output/error, and the errors they report.

Each request has an id (`RequestIdMiddleware`, core.middleware): answered in its `X-Request-ID`
header and written in every log line while it is served (`RequestIdFilter`), so that a
visitor's "it failed at 10:42, request 3f2a…" finds its lines. LOG_FORMAT=json writes one JSON
object per line (`JsonFormatter`), for a log collector; plain text otherwise.

With SENTRY_DSN set, the web processes and the task worker report their errors to Sentry
(`start_error_reports()`, called by the settings): unhandled errors of requests, and every
line logged at ERROR (a failed task is one). Nothing personal leaves: no cookies, no request
bodies, no query strings (sign-in links carry their secret there), no IP addresses, no local
variables, and every e-mail address in what remains is masked.
"""

import contextvars
import datetime
import json
import logging
import re
import uuid

# The id of the request being served in this thread or coroutine ("-" outside a request).
request_id = contextvars.ContextVar("request_id", default="-")

# An id from the client or a proxy is kept only if it is short and plain; else it is new.
ACCEPTED_REQUEST_ID = re.compile(r"[A-Za-z0-9._-]{1,64}")
# What is masked in a report: anything that looks like an e-mail address.
EMAIL_ADDRESS = re.compile(r"[^\s@<>()\[\]:;,\"'/\\]+@[^\s@<>()\[\]:;,\"'/\\]+\.[A-Za-z]{2,}")
MASKED_EMAIL = "[e-mail]"
# The request headers a report keeps; the others may name a person (Cookie, Authorization,
# X-Forwarded-For, Referer with a query string).
REPORTED_HEADERS = {"host", "user-agent", "accept", "accept-language", "content-type"}


def new_request_id(incoming):
    """The id of a request: `incoming` (its X-Request-ID) when it looks like one, else new."""
    if incoming and ACCEPTED_REQUEST_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIdFilter(logging.Filter):
    """Gives every log record the id of the request being served (`%(request_id)s`)."""

    def filter(self, record):
        record.request_id = request_id.get()
        return True


# Our own formatter, with the stdlib's json: a handful of fields needs no dependency.
class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, exception text."""

    def format(self, record):
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", request_id.get()),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["exception"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(log_format="plain", level="INFO"):
    """The LOGGING setting: every line to standard error, as text or as JSON."""
    formatter = {"()": JsonFormatter} if log_format == "json" else {"format": PLAIN_FORMAT}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": RequestIdFilter}},
        "formatters": {"main": formatter},
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "main",
                "filters": ["request_id"],
            }
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {"django.db.backends": {"level": "WARNING"}},
    }


PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s [%(request_id)s]: %(message)s"


# Error reports ----------------------------------------------------------------------------


def start_error_reports(dsn, environment="", traces_sample_rate=0.0):
    """Report the errors of this process to Sentry at `dsn`; nothing when `dsn` is empty."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment or None,
        traces_sample_rate=traces_sample_rate,
        send_default_pii=False,
        max_request_body_size="never",
        include_local_variables=False,
        before_send=without_personal_data,
        before_send_transaction=without_personal_data,
        integrations=[DjangoIntegration()],
    )
    return True


def without_personal_data(event, hint=None):
    """The report `event` without what may name a person, tagged with the request's id."""
    request = event.get("request")
    if isinstance(request, dict):
        for key in ("cookies", "data", "query_string", "env"):
            request.pop(key, None)
        if isinstance(request.get("url"), str):
            request["url"] = request["url"].split("?", 1)[0]
        headers = request.get("headers")
        if isinstance(headers, dict):
            request["headers"] = {
                name: value for name, value in headers.items() if name.lower() in REPORTED_HEADERS
            }
    event.pop("user", None)
    if request_id.get() != "-":
        event.setdefault("tags", {})["request_id"] = request_id.get()
    return _masked(event)


def _masked(value):
    if isinstance(value, str):
        return EMAIL_ADDRESS.sub(MASKED_EMAIL, value)
    if isinstance(value, dict):
        return {key: _masked(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(item) for item in value]
    return value
