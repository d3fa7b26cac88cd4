"""What every public form shares: a honeypot for bots and a per-address rate limit."""

import hashlib

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from ipware import get_client_ip

HONEYPOT_FIELD = "nickname"


class HoneypotForm(forms.Form):
    """Adds a field people never see (hidden by CSS) and bots fill in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def is_bot(self):
        return bool(self.data.get(HONEYPOT_FIELD))


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


def rate_limit_exceeded(request, scope):
    """Count one post from this address for `scope`; True once it is over the limit."""
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"rate:{scope}:{address}"
    cache.add(key, 0, timeout=settings.FORM_RATE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.FORM_RATE_WINDOW)
        count = 1
    return count > settings.FORM_RATE_LIMIT


class ProtectedFormMixin:
    """For FormViews of public forms: 429 over the rate limit, 400 for a filled honeypot.

    Neither stores anything nor sends any mail.
    """

    rate_limit_scope = None

    def post(self, request, *args, **kwargs):
        if rate_limit_exceeded(request, self.rate_limit_scope or request.path):
            return render(request, "429.html", status=429)
        form = self.get_form()
        if isinstance(form, HoneypotForm) and form.is_bot():
            return render(request, "400.html", status=400)
        return super().post(request, *args, **kwargs)
