"""Every public POST view declares its rate limits once, and a form that writes to an e-mail
address says which field holds it: an address gets no more than FORM_RATE_LIMIT_PER_EMAIL
posts per window, whichever connections they come from."""

import inspect

import pytest
from django import forms
from django.urls import URLResolver, get_resolver

from core.protection import FormLimits

from .public_forms import FORMS, make_objects, path_of

# The views outside the admin that take a POST without form limits, and why they need none.
# A new POST view either declares its FormLimits or says here why it needs none.
NO_FORM_LIMITS = {
    "django.views.i18n.set_language": "sets the language cookie: stores and sends nothing",
    "declarations.views.confirm": "needs the signed link of one signature, confirmed once",
    "events.views.confirm": "needs the signed link of one registration, confirmed once",
    "participants.views.link": "needs a sign-in link, good once, sent to a contact's address",
    "participants.views.choose": "signed-in contact persons: writes to their session only",
    "participants.views.sign_out": "signed-in contact persons: ends their session",
    "participants.views.profile_edit": (
        "signed-in contact persons: at most MAX_PENDING_CHANGE_REQUESTS wait for the secretariat"
    ),
    "participants.views.practice_create": "signed-in contact persons: a draft of their member's",
    "participants.views.practice_edit": "signed-in contact persons: their member's draft",
    "participants.views.practice_submit": "signed-in contact persons: each practice sent once",
    "participants.views.my_data": "signed-in contact persons: one removal request, kept once",
    "participants.views.directory_listing": (
        "signed-in contact persons: their own directory entry, changed in place"
    ),
}
ADDRESSES = (f"198.51.100.{n}" for n in range(1, 255))


def url_patterns(patterns=None, route=""):
    """(route, pattern) of every URL pattern, through every include, but the admin's."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        here = route + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if pattern.app_name != "admin":
                yield from url_patterns(pattern.url_patterns, here)
        else:
            yield here, pattern


def name_of(view):
    view = getattr(view, "view_class", view)
    return f"{view.__module__}.{view.__qualname__}"


def takes_post(view):
    """A class-based view with a post() method, or a function view whose source (decorators
    included) handles a POST: require_POST, request.POST, request.method == "POST"."""
    view_class = getattr(view, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    seen = {view}
    while getattr(view, "__wrapped__", view) not in seen:  # the function the decorators wrap
        view = view.__wrapped__
        seen.add(view)
    if not inspect.isfunction(view):  # the feeds: Feed objects
        return False
    return "POST" in inspect.getsource(view.__code__)


def post_views():
    """{name: view} of every view outside the admin that takes a POST."""
    return {
        name_of(p.callback): p.callback for _route, p in url_patterns() if takes_post(p.callback)
    }


def limits_of(view):
    return getattr(getattr(view, "view_class", view), "limits", None)


def test_every_public_post_view_declares_its_limits_or_why_it_needs_none():
    views = post_views()

    undeclared = [
        name
        for name, view in views.items()
        if not isinstance(limits_of(view), FormLimits) and name not in NO_FORM_LIMITS
    ]

    assert undeclared == []
    # Every public form is found, with its resend link; no excuse is left for a view now gone.
    assert {
        "members.views.JoinView",
        "declarations.views.SignView",
        "declarations.views.resend_confirmation",
        "events.views.RegisterView",
        "contact.views.ContactView",
        "cooperation.views.CooperateView",
        "participants.views.SignInView",
    } <= set(views)
    assert set(NO_FORM_LIMITS) <= set(views)


def test_a_form_with_an_email_field_declares_the_address_it_writes_to():
    for name, view in post_views().items():
        form_class = getattr(getattr(view, "view_class", None), "form_class", None)
        if form_class is None:
            continue
        emails = {
            field_name
            for field_name, field in form_class.base_fields.items()
            if isinstance(field, forms.EmailField)
        }
        limits = limits_of(view)
        if emails:
            assert limits.email_field in emails, f"{name} does not limit posts per e-mail address"
        else:
            assert not limits.email_field, f"{name} has no field {limits.email_field!r}"


EMAIL_FORMS = [
    name
    for name, public_form in FORMS.items()
    if public_form.email and not public_form.signed_in and name != "sign-in"
]


@pytest.mark.django_db
@pytest.mark.parametrize("name", EMAIL_FORMS)
def test_one_address_is_refused_past_its_limit_from_any_connection(client, settings, name):
    # Each post from another connection, each with another text: only the address is the same.
    public_form = FORMS[name]
    path = path_of(public_form, make_objects())
    varied = next(key for key in ("full_name", "name", "message") if key in public_form.required)

    def post(n):
        data = {**public_form.required, varied: f"{public_form.required[varied]} {n}"}
        return client.post(path, data, REMOTE_ADDR=next(ADDRESSES))

    accepted = [post(n).status_code for n in range(settings.FORM_RATE_LIMIT_PER_EMAIL)]
    refused = post(settings.FORM_RATE_LIMIT_PER_EMAIL)

    assert accepted == [302] * settings.FORM_RATE_LIMIT_PER_EMAIL
    assert refused.status_code == 429
    assert "too many times from your connection or for this e-mail address" in refused.text
