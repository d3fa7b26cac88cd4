"""The e-mail alerts: chosen in the participants' space, stopped from any digest's link without
signing in."""

from django.contrib import messages
from django.core import signing
from django.db import DatabaseError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from core.protection import FormLimits, form_limits, retry_minutes
from participants.views import not_stored, participant_required, private, space

from .digests import subscription_of_token
from .forms import SubscriptionForm
from .models import Subscription

TEMPLATE = "subscriptions/choices.html"


def _form(request, data=None):
    contact = request.participant.contact
    instance = getattr(contact, "subscription", None) or Subscription(contact=contact)
    return SubscriptionForm(data, instance=instance)


@participant_required
def choices(request):
    """What the person follows and how often they hear about it; the form posts to `save`."""
    context = {"form": _form(request), "here": "subscriptions", "section": "subscriptions"}
    return space(request, TEMPLATE, context)


def _too_many(request, seconds):
    response = render(request, "429.html", {"retry_minutes": retry_minutes(seconds)}, status=429)
    response["Retry-After"] = str(seconds)
    return response


@form_limits(FormLimits(scope="subscriptions-choices"))
@participant_required
@require_POST
def save(request):
    form = _form(request, request.POST)
    context = {"form": form, "section": "subscriptions"}
    if not form.is_valid():
        return space(request, TEMPLATE, context, status=400)
    limits = save.limits.rate_limits(request)
    if seconds := limits.retry_after():
        return _too_many(request, seconds)
    form.instance._change_reason = "chosen in the participants’ space"
    try:
        with transaction.atomic():  # the choices and their themes
            subscription = form.save()
    except DatabaseError:
        return not_stored(request, TEMPLATE, form, context)
    limits.count()
    if subscription.is_receiving:
        messages.success(request, _("Your choices are saved: you will hear about what is new."))
    else:
        messages.success(request, _("Your choices are saved: you receive no e-mail alerts."))
    return redirect("subscriptions:choices")


def _subscription_or_refusal(request, token):
    """(subscription, None), or (None, the page that says the link does not work)."""
    try:
        subscription = subscription_of_token(token)
    except signing.BadSignature:
        subscription = None
    if subscription is None:
        response = render(request, "subscriptions/unsubscribe_invalid.html", status=400)
        return None, private(response)
    return subscription, None


def _unsubscribe(subscription):
    if subscription.rhythm != Subscription.Rhythm.NONE:
        subscription.rhythm = Subscription.Rhythm.NONE
        subscription._change_reason = "unsubscribed by the e-mail’s link"
        subscription.save(update_fields=["rhythm", "updated_at"])


UNSUBSCRIBE_LIMITS = FormLimits(scope="subscriptions-unsubscribe")


@form_limits(UNSUBSCRIBE_LIMITS)
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """The digest's link: a page with one button (a mail scanner opening the link changes
    nothing); the button stops the e-mails, without signing in. The token is the authority."""
    subscription, refusal = _subscription_or_refusal(request, token)
    if refusal is not None:
        return refusal
    if request.method == "POST":
        limits = unsubscribe.limits.rate_limits(request)
        if seconds := limits.retry_after():
            return _too_many(request, seconds)
        _unsubscribe(subscription)
        limits.count()
        return redirect("subscriptions:unsubscribed")
    response = render(
        request,
        "subscriptions/unsubscribe_confirm.html",
        {"subscription": subscription, "token": token},
    )
    # The token must not leak to another site through the Referer.
    response["Referrer-Policy"] = "same-origin"
    return private(response)


# Exempt from the CSRF check: a mail program's one-click unsubscribe (RFC 8058) posts
# "List-Unsubscribe=One-Click" from outside any page of the site, with no CSRF token or cookie.
# The signed token in the address is the only authority, as on the confirmation page; and all
# this post can do is stop e-mails to the person the token names.
@form_limits(UNSUBSCRIBE_LIMITS)
@csrf_exempt
@require_POST
def one_click(request, token):
    subscription, refusal = _subscription_or_refusal(request, token)
    if refusal is not None:
        return refusal
    limits = one_click.limits.rate_limits(request)
    if seconds := limits.retry_after():
        return _too_many(request, seconds)
    _unsubscribe(subscription)
    limits.count()
    return private(render(request, "subscriptions/unsubscribed.html"))


def unsubscribed(request):
    return private(render(request, "subscriptions/unsubscribed.html"))
