"""What every public form shares: traps for bots, rate limits that count accepted posts, choices
of rows that refuse any key the database could not hold, and a form that comes back as typed
when the database fails."""

import hashlib
import json
import logging
import math
import secrets
import time
from dataclasses import dataclass
from typing import NamedTuple

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import DatabaseError
from django.db.models import Model
from django.forms.widgets import Input
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from ipware import get_client_ip

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "nickname"
# When the form was shown, signed, with a nonce: good for one accepted post (see ShownAtField).
SHOWN_AT_FIELD = "shown_at"
# The fields HoneypotForm adds; each form's layout puts them in its hidden wrapper.
PROTECTION_FIELDS = (HONEYPOT_FIELD, SHOWN_AT_FIELD)
SHOWN_AT_SALT = "core.protection.shown-at"
# A form shown longer ago than this comes back with a new token: the used ones are remembered
# (in the cache) for that long.
SHOWN_AT_MAX_AGE = 24 * 3600
# The kinds of <input> a person types into (unless their browser fills it in for them).
TYPED_INPUT_TYPES = {"text", "email", "url", "number", "tel", "search"}


class ShownAt(NamedTuple):
    at: float
    nonce: str


def shown_at_token(at=None):
    """A signed token saying when the form was shown, with a random nonce that one post uses up."""
    value = {"at": time.time() if at is None else at, "nonce": secrets.token_urlsafe(12)}
    return signing.dumps(value, salt=SHOWN_AT_SALT)


def read_shown_at(token):
    """The ShownAt of a genuine token not older than SHOWN_AT_MAX_AGE, else None."""
    try:
        value = signing.loads(token or "", salt=SHOWN_AT_SALT)
    except signing.BadSignature:
        return None  # missing or forged: what a bot posting without the form sends
    if not isinstance(value, dict):
        return None
    at, nonce = value.get("at"), value.get("nonce")
    if not isinstance(at, int | float) or not isinstance(nonce, str):
        return None
    return ShownAt(at, nonce) if time.time() - at <= SHOWN_AT_MAX_AGE else None


class ShownAtField(forms.CharField):
    """The hidden token. Shown again after a post (with mistakes, over a limit), it is a new
    token with a new nonce, still telling when the form was first shown."""

    widget = forms.HiddenInput

    def __init__(self):
        super().__init__(required=False, initial=shown_at_token)

    def bound_data(self, data, initial):
        shown = read_shown_at(data)
        return initial if shown is None else shown_at_token(at=shown.at)


class HoneypotForm(forms.Form):
    """Adds a field people never see (hidden by CSS) and bots fill in, and when it was shown."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        self.fields[SHOWN_AT_FIELD] = ShownAtField()

    def is_bot(self):
        """A filled honeypot: people never see the field."""
        return bool(self.data.get(HONEYPOT_FIELD))

    def min_fill_seconds(self):
        """How soon after it was shown a person can send this form, at most FORM_MIN_FILL_SECONDS.

        A second for each required field they type in themselves (not one their browser fills
        in: it names its autocomplete), and one if they must choose or tick something. Nothing
        to wait for the sign-in form's one address, which the browser fills in.
        """
        typed, chooses = 0, False
        for name, field in self.fields.items():
            widget = field.widget
            if not field.required or name in PROTECTION_FIELDS or widget.attrs.get("autocomplete"):
                continue
            if isinstance(widget, forms.Textarea) or (
                isinstance(widget, Input)
                and widget.attrs.get("type", widget.input_type) in TYPED_INPUT_TYPES
            ):
                typed += 1
            elif not widget.is_hidden:
                chooses = True
        return min(settings.FORM_MIN_FILL_SECONDS, typed + chooses)

    def sent_too_soon(self):
        """Sent sooner after the form was shown than people can, or without a genuine token.

        A bot's post, or a person whose browser filled the form in for them: the form comes
        back with what was typed, so a person only has to send it again.
        """
        if settings.FORM_MIN_FILL_SECONDS <= 0:
            return False
        shown = read_shown_at(self.data.get(SHOWN_AT_FIELD))
        return shown is None or time.time() - shown.at < self.min_fill_seconds()

    def use_token(self):
        """Use up the token of a post about to be accepted: False if a post already used it
        (a bot sending one page again and again)."""
        if settings.FORM_MIN_FILL_SECONDS <= 0:
            return True
        shown = read_shown_at(self.data.get(SHOWN_AT_FIELD))
        return shown is not None and cache.add(
            f"form-token:{shown.nonce}", True, timeout=SHOWN_AT_MAX_AGE
        )

    def content(self):
        """What was typed, as text: the same post twice gives the same text."""
        typed = {k: v for k, v in self.cleaned_data.items() if k not in PROTECTION_FIELDS}
        return json.dumps(typed, sort_keys=True, default=str)


class _KeysInRange:
    """Refuses, as a choice that does not exist, a key its column could not hold, before any
    query: SQLite raises OverflowError on an integer past 64 bits instead of finding no row."""

    def key_in_range(self, value):
        if isinstance(value, Model):
            return True
        meta = self.queryset.model._meta
        field = meta.get_field(self.to_field_name) if self.to_field_name else meta.pk
        try:
            # The model field's own validators hold the range of the database's column.
            field.run_validators(field.to_python(value))
        except ValidationError:
            return False
        return True


class BoundedModelChoiceField(_KeysInRange, forms.ModelChoiceField):
    """Django's ModelChoiceField for public forms and filters: any value is an answer, never a 500."""

    def to_python(self, value):
        if value not in self.empty_values and not self.key_in_range(value):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(_KeysInRange, forms.ModelMultipleChoiceField):
    """Django's ModelMultipleChoiceField for public forms and filters: never a 500 either."""

    def clean(self, value):
        if isinstance(value, list | tuple):
            for key in value:
                if not self.key_in_range(key):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": key},
                    )
        return super().clean(value)


def client_address(request):
    """The address the request came from, for the form rate limits and the staff lockout.

    Behind TRUSTED_PROXY_COUNT proxies, each appending the address it saw to X-Forwarded-For,
    it is the address the farthest one saw: counted from the right, as the client writes the left.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies > 0:
        # ipware counts the proxies named in the header: the nearest one is REMOTE_ADDR instead.
        # Not strict: entries a client prepends must not send it back to REMOTE_ADDR.
        address, _routable = get_client_ip(
            request,
            proxy_count=proxies - 1,
            request_header_order=["HTTP_X_FORWARDED_FOR"],
            strict=False,
        )
        if address:
            return address
    return request.META.get("REMOTE_ADDR", "")


def _window(name, window, now):
    """(cache key, seconds left) of the fixed window `name` is counted in at `now`."""
    number = int(now // window)
    # Hashed: the cache holds no address, e-mail or text people typed.
    digest = hashlib.sha256(f"{name}:{window}:{number}".encode()).hexdigest()[:40]
    return f"rate:{digest}", (number + 1) * window - now


def _count(key, window):
    """One more in the window's counter; the count now."""
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


class RateLimits:
    """The limits one post counts against: its address, the e-mail address written to, its content.

    Only accepted posts count: check retry_after() before saving, count() once saved. Windows
    are fixed (a new one starts every FORM_RATE_WINDOW_* seconds), so when to retry is known.
    """

    def __init__(self, request, scope, email="", content=""):
        self.limits = [
            (
                f"{scope}:address:{client_address(request)}",
                settings.FORM_RATE_LIMIT_PER_ADDRESS,
                settings.FORM_RATE_WINDOW_PER_ADDRESS,
            )
        ]
        if email:
            # Not per form: it keeps one inbox from being flooded by every form together.
            self.limits.append(
                (
                    f"email:{email.strip().lower()}",
                    settings.FORM_RATE_LIMIT_PER_EMAIL,
                    settings.FORM_RATE_WINDOW_PER_EMAIL,
                )
            )
        if content:
            self.limits.append(
                (f"{scope}:content:{content}", 1, settings.FORM_RATE_WINDOW_PER_EMAIL)
            )

    def _windows(self):
        """(cache key, limit, window, seconds left in it) of each limit, at this moment."""
        now = time.time()
        for name, limit, window in self.limits:
            key, left = _window(name, window, now)
            yield key, limit, window, left

    def retry_after(self):
        """Seconds until one more post may be accepted; 0 when it may be now."""
        windows = list(self._windows())
        counts = cache.get_many([key for key, *_rest in windows])
        waits = [left for key, limit, _window, left in windows if counts.get(key, 0) >= limit]
        return math.ceil(max(waits, default=0))

    def count(self):
        for key, _limit, window, _left in self._windows():
            _count(key, window)


@dataclass(frozen=True)
class FormLimits:
    """The rate limits of one public form, declared once, on its view (`limits = FormLimits(…)`;
    a function view: `@form_limits(FormLimits(…))`). tests/hardening/test_form_declarations.py
    walks every public POST view and fails for one without it.

    `scope` names the form's per-address and per-content counters. `email_field` names the
    field holding the e-mail address the site writes to (the form's, or the record's for a view
    without a form): one address gets at most FORM_RATE_LIMIT_PER_EMAIL posts of all the forms
    together per window. A form that writes to no address leaves it empty. `email_silently`:
    the form never refuses a post for its address (the sign-in form, where a stranger typing
    someone's address must learn nothing); the task writing to it takes that limit instead.
    """

    scope: str
    email_field: str = ""
    email_silently: bool = False

    def rate_limits(self, request, email="", content=""):
        """The RateLimits one post counts against."""
        return RateLimits(
            request, self.scope, email="" if self.email_silently else email, content=content
        )


def form_limits(limits):
    """Declares a function view's FormLimits (`view.limits`), where the walking test finds it."""

    def declare(view):
        view.limits = limits
        return view

    return declare


def take_one(name, limit, window):
    """Count one use of `name` in its fixed window of `window` seconds; False once `limit` uses
    are taken. For work the task worker does on a visitor's behalf, where nobody is answered."""
    key, _left = _window(name, window, time.time())
    return _count(key, window) <= limit


def not_stored_message():
    return _(
        "Not sent: the site could not store it just now, and kept nothing of it. Everything you "
        "typed is still here; please send it again in a minute."
    )


def retry_minutes(seconds):
    return max(1, math.ceil(seconds / 60))


class ProtectedFormMixin:
    """For FormViews of public forms: a bot's post gets a 400 and stores nothing, sends no mail.

    The rate limits count accepted posts only. A valid post over a limit is not saved: the form
    comes back (429) with everything typed in it and when to send it again. So does a post the
    database failed to store (503): each form's workflow stores it in one transaction, so
    nothing of it is left behind.
    """

    # Each form's view declares its limits: FormLimits(scope=…, email_field=…).
    limits = None

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        protected = isinstance(form, HoneypotForm)
        if protected and (form.is_bot() or form.sent_too_soon()):
            # A bot's post, or a person's browser that filled the hidden field or sent at once:
            # nothing is stored, and a person gets the form back as typed, to send again.
            return self.sent_too_soon(form)
        if not form.is_valid():
            return self.form_invalid(form)
        declared = self.limits
        if declared is None:
            raise ImproperlyConfigured(f"{type(self).__name__} declares no FormLimits.")
        limits = declared.rate_limits(
            request,
            email=form.cleaned_data.get(declared.email_field) or "",
            content=form.content() if protected else "",
        )
        if seconds := limits.retry_after():
            return self.rate_limited(form, seconds)
        if protected and not form.use_token():
            # The page's token was already used by an accepted post: a program sending it again.
            return self.sent_too_soon(form)
        try:
            response = self.form_valid(form)
        except DatabaseError:
            logger.exception("Could not store a post to %s", request.path)
            return self.not_stored(form)
        if not form.errors:  # form_valid adds one when the database refused a duplicate
            limits.count()
        return response

    def sent_too_soon(self, form):
        """Nothing stored: the form comes back as typed (400), to be checked and sent again."""
        kwargs = self.get_form_kwargs()
        kwargs["data"] = kwargs["data"].copy()
        kwargs["data"][SHOWN_AT_FIELD] = shown_at_token()
        kwargs["data"][HONEYPOT_FIELD] = ""
        form = self.get_form_class()(**kwargs)
        form.add_error(
            None,
            _(
                "Not sent yet: the form came back as if a program had filled it in (sooner "
                "than a person can, a second time, or with a hidden field filled). Everything "
                "you typed is still here; please check it and send it again."
            ),
        )
        return self.render_to_response(self.get_context_data(form=form), status=400)

    def not_stored(self, form):
        """The database failed: nothing is stored, the form comes back as typed (503)."""
        form.add_error(None, not_stored_message())
        response = self.render_to_response(self.get_context_data(form=form), status=503)
        response["Retry-After"] = "30"
        return response

    def rate_limited(self, form, seconds):
        minutes = retry_minutes(seconds)
        message = ngettext(
            "Not sent: this form has been sent too many times from your connection or for this "
            "e-mail address. Everything you typed is still here; please send it again in "
            "%(minutes)d minute.",
            "Not sent: this form has been sent too many times from your connection or for this "
            "e-mail address. Everything you typed is still here; please send it again in "
            "%(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        form.add_error(None, message)
        response = self.render_to_response(self.get_context_data(form=form), status=429)
        response["Retry-After"] = str(seconds)
        return response
