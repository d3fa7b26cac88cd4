"""What every public form shares: traps for bots, and rate limits that count accepted posts."""

import hashlib
import json
import math
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from ipware import get_client_ip

HONEYPOT_FIELD = "nickname"
# When the form was shown, signed: a post sooner than FORM_MIN_FILL_SECONDS after it is a bot's.
SHOWN_AT_FIELD = "shown_at"
# The fields HoneypotForm adds; each form's layout puts them in its hidden wrapper.
PROTECTION_FIELDS = (HONEYPOT_FIELD, SHOWN_AT_FIELD)
SHOWN_AT_SALT = "core.protection.shown-at"


def shown_at_token():
    return signing.dumps(time.time(), salt=SHOWN_AT_SALT)


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
        self.fields[SHOWN_AT_FIELD] = forms.CharField(
            required=False, initial=shown_at_token, widget=forms.HiddenInput
        )

    def is_bot(self):
        """A filled honeypot: people never see the field."""
        return bool(self.data.get(HONEYPOT_FIELD))

    def sent_too_soon(self):
        """Sent sooner after the form was shown than people can, or without a genuine time.

        A bot's post, or a person whose browser filled the form in for them: the form comes
        back with what was typed, so a person only has to send it again.
        """
        minimum = settings.FORM_MIN_FILL_SECONDS
        if minimum <= 0:
            return False
        try:
            shown_at = signing.loads(self.data.get(SHOWN_AT_FIELD) or "", salt=SHOWN_AT_SALT)
        except signing.BadSignature:
            return True  # missing or forged: what a bot posting without the form sends
        return not isinstance(shown_at, int | float) or time.time() - shown_at < minimum

    def content(self):
        """What was typed, as text: the same post twice gives the same text."""
        typed = {k: v for k, v in self.cleaned_data.items() if k not in PROTECTION_FIELDS}
        return json.dumps(typed, sort_keys=True, default=str)


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
            number = int(now // window)
            # Hashed: the cache holds no address, e-mail or text people typed.
            digest = hashlib.sha256(f"{name}:{window}:{number}".encode()).hexdigest()[:40]
            yield f"rate:{digest}", limit, window, (number + 1) * window - now

    def retry_after(self):
        """Seconds until one more post may be accepted; 0 when it may be now."""
        windows = list(self._windows())
        counts = cache.get_many([key for key, *_rest in windows])
        waits = [left for key, limit, _window, left in windows if counts.get(key, 0) >= limit]
        return math.ceil(max(waits, default=0))

    def count(self):
        for key, _limit, window, _left in self._windows():
            cache.add(key, 0, timeout=window)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=window)


def retry_minutes(seconds):
    return max(1, math.ceil(seconds / 60))


class ProtectedFormMixin:
    """For FormViews of public forms: a bot's post gets a 400 and stores nothing, sends no mail.

    The rate limits count accepted posts only. A valid post over a limit is not saved: the form
    comes back (429) with everything typed in it and when to send it again.
    """

    rate_limit_scope = None
    # The form's field holding the e-mail address the site will write to, if any.
    rate_limit_email_field = None

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if isinstance(form, HoneypotForm) and (form.is_bot() or form.sent_too_soon()):
            # A bot's post, or a person's browser that filled the hidden field or sent at once:
            # nothing is stored, and a person gets the form back as typed, to send again.
            return self.sent_too_soon(form)
        if not form.is_valid():
            return self.form_invalid(form)
        limits = RateLimits(
            request,
            self.rate_limit_scope or request.path,
            email=form.cleaned_data.get(self.rate_limit_email_field) or "",
            content=form.content() if isinstance(form, HoneypotForm) else "",
        )
        if seconds := limits.retry_after():
            return self.rate_limited(form, seconds)
        response = self.form_valid(form)
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
                "than a person can, or with a hidden field filled). Everything you typed is "
                "still here; please check it and send it again."
            ),
        )
        return self.render_to_response(self.get_context_data(form=form), status=400)

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
