"""Whatever a visitor or a bot sends to a public form or filter, the site never answers 500.

Hypothesis generates the input: any Unicode, huge strings, missing and extra fields, repeated
fields, numbers and files where text is expected. A row is stored only when the form accepted
the post and redirected to its confirmation.
"""

import importlib
import itertools
from urllib.parse import quote

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from declarations.demo import ensure_declaration
from declarations.models import Signature
from members.models import Member
from tests.factories import make_article, make_member, make_signature

from .public_forms import FORMS as PUBLIC_FORMS
from .public_forms import make_objects, path_of
from .public_forms import sign_in as sign_in_participant

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

AWKWARD = st.sampled_from(
    [
        "",
        " ",
        "0",
        "-1",
        "1.5",
        "1e400",
        "99999999999999999999999999",
        "NaN",
        "null",
        "[]",
        "{}",
        "\x00",
        "a\x00b",
        "\r\nBcc: victim@example.org",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        "%00",
        "../../etc/passwd",
        "Łódź",
        "ŁÓDŹ",
        "Škofja Loka",
        "🙂",
        "\u202e",
        "on",
        "true",
        "FR",
        "fr",
        "XX",
        "city",
        "region",
        "mayor",
        "name",
        "-name",
    ]
)
# Any code point a browser can send (surrogates cannot be encoded in UTF-8).
UNICODE = st.text(max_size=300)
HUGE = st.builds(
    lambda chunk, times: chunk * times, st.text(min_size=1, max_size=3), st.integers(1_000, 400_000)
)
TEXT = st.one_of(UNICODE, AWKWARD)
VALUE = st.one_of(
    TEXT,
    HUGE,
    st.integers().map(str),
    st.lists(TEXT, min_size=2, max_size=3),  # the field sent several times
    st.binary(max_size=2_000).map(lambda content: SimpleUploadedFile("file.bin", content)),
)


@st.composite
def payloads(draw, valid):
    """Posts built from a valid one: some fields replaced by junk, some left out, extras added.

    Hypothesis shrinks a failure towards the valid post, which states the smallest bad input.
    """
    names = sorted(valid)
    data = dict(valid)
    for name in sorted(draw(st.sets(st.sampled_from(names)))):
        data[name] = draw(VALUE)
    for name in draw(st.sets(st.sampled_from(names), max_size=3)):
        data.pop(name)
    data.update(draw(st.dictionaries(st.text(min_size=1, max_size=30), VALUE, max_size=3)))
    return data


VALID_JOIN = {
    "name": "Novi Sad",
    "kind": "city",
    "country": "RS",
    "website": "https://www.novisad.rs/",
    "population": "380000",
    "contact_name": "Jelena Petrović",
    "contact_role": "Officer for minority affairs",
    "contact_email": "jelena.petrovic@novisad.example.org",
    "contact_phone": "+381 21 000 000",
    "motivation": "We want to share what works for Roma inclusion.",
    "privacy_consent": "on",
}
VALID_SIGNATURE = {
    "full_name": "Ana Horvat",
    "office": "mayor",
    "authority_name": "Čakovec",
    "country": "HR",
    "email": "ana.horvat@cakovec.example.org",
    "consent_to_publish": "on",
    "privacy_consent": "on",
}


addresses = itertools.count(1)


def rows():
    return Member.objects.count() + Signature.objects.count()


def assert_post_is_handled(client, path, data):
    before = rows()

    response = client.post(path, data)
    event(f"answered {response.status_code}")  # shown by --hypothesis-show-statistics

    assert response.status_code < 500, response.status_code
    stored = rows() - before
    accepted = response.status_code in (302, 303) and response["Location"] != path
    assert stored == (1 if accepted else 0), (response.status_code, stored)


@pytest.fixture
def lenient():
    """Posts are never rate-limited here: every example must reach the form's own checks."""
    with override_settings(
        FORM_RATE_LIMIT_PER_ADDRESS=1_000_000, FORM_RATE_LIMIT_PER_EMAIL=1_000_000
    ):
        yield


@FUZZ
@given(data=payloads(VALID_JOIN))
@example(data=VALID_JOIN)
@example(data={**VALID_JOIN, "motivation": "x" * 3_000_000})  # over the upload size limit
def test_any_post_to_the_join_form_is_answered_without_error(client, lenient, data):
    assert_post_is_handled(client, "/en/join/", data)


@FUZZ
@given(data=payloads(VALID_SIGNATURE))
@example(data=VALID_SIGNATURE)
def test_any_post_to_the_signing_form_is_answered_without_error(client, lenient, data):
    ensure_declaration()
    if data.get("email") == VALID_SIGNATURE["email"]:
        # One signature per address: signing twice is another behaviour, tested with the form.
        data["email"] = f"signatory{next(addresses)}@example.org"
    assert_post_is_handled(client, "/en/declaration/sign/", data)


@pytest.mark.parametrize(
    ("path", "data"),
    [("/en/join/", VALID_JOIN), ("/en/declaration/sign/", VALID_SIGNATURE)],
)
def test_a_form_posted_without_its_csrf_token_is_refused(path, data):
    ensure_declaration()
    client = Client(enforce_csrf_checks=True)
    client.get(path)  # the visitor has the cookie, but the post lacks the form's token

    response = client.post(path, data)

    assert response.status_code == 403
    assert rows() == 0


FILTERS = {
    "/en/members/": ["page", "country", "kind", "q", "sort"],
    "/en/members/map/": ["country", "kind", "q"],
    "/en/declaration/": ["page", "country", "q"],
    "/en/news/": ["page", "kind", "tag", "country"],
}


@pytest.fixture
def some_content(db):
    for country in ["FR", "RO", "HU"]:
        make_member(country=country, kind="region" if country == "HU" else "city")
        make_signature(country=country)
        make_article()


def query_strings():
    known = st.dictionaries(
        st.sampled_from(sorted({p for ps in FILTERS.values() for p in ps})),
        VALUE.filter(lambda v: not isinstance(v, SimpleUploadedFile)),
        max_size=5,
    )
    extras = st.dictionaries(st.text(min_size=1, max_size=20), TEXT, max_size=2)
    return st.builds(lambda extra, params: {**extra, **params}, extras, known)


@FUZZ
@given(path=st.sampled_from(sorted(FILTERS)), params=query_strings())
def test_any_filter_on_a_list_page_is_answered_without_error(client, some_content, path, params):
    response = client.get(path, params)
    event(f"answered {response.status_code}")

    assert response.status_code < 500, (path, params)
    assert response.status_code != 204


@FUZZ
@given(code=st.one_of(UNICODE.filter(bool), AWKWARD.filter(bool)))
def test_any_country_address_is_answered_without_error(client, some_content, code):
    response = client.get(f"/en/countries/{quote(code, safe='')}/")

    assert response.status_code in (200, 301, 302, 404), code


def test_a_null_character_in_a_filter_is_refused_with_a_readable_page(client, some_content):
    response = client.get("/en/members/", {"q": "Lo\x00dz"})

    assert response.status_code == 400
    assert "Address not understood" in response.text


# Hostile values in every field of every public form and every filter, on either database


HOSTILE = [
    "99999999999999999999",  # past 64 bits: SQLite raised OverflowError on a lookup
    "-99999999999999999999",
    "9223372036854775808",
    "2147483648",  # past PostgreSQL's integer
    "-1",
    "1e400",
    "not a number",
    "a\x00b",
    "x" * 100_000,
]


def post_each_field(client, path, form, base, value):
    """Post the valid data with one field at a time replaced by `value`: never a 5xx."""
    for name, form_field in form.fields.items():
        many = isinstance(form_field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField)
        response = client.post(path, {**base, name: [value] if many else value})
        assert response.status_code < 500, (path, name, value[:40], response.status_code)


@pytest.fixture
def objects(lenient):
    return make_objects()


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
@pytest.mark.parametrize("name", PUBLIC_FORMS)
def test_no_value_in_any_field_of_a_public_form_gives_an_error_page(client, objects, name, value):
    public_form = PUBLIC_FORMS[name]
    if public_form.signed_in:
        sign_in_participant(client, objects)
    path = path_of(public_form, objects)

    post_each_field(client, path, public_form.form(objects), public_form.required, value)


FILTER_PAGES = {
    "/en/members/": ["page", "country", "kind", "q", "sort"],
    "/en/members/map/": ["country", "kind", "q"],
    "/en/declaration/": ["page", "country", "q"],
    "/en/news/": ["page", "kind", "tag", "country"],
    "/en/practices/": ["page", "q", "theme", "country", "year", "member"],
    "/en/events/": ["page", "kind", "theme", "country", "past"],
    "/en/library/": ["page", "q", "type", "year", "theme", "language"],
    "/en/search/": ["q", "kind", "page"],
    "/en/participants/directory/": ["page", "country", "theme"],
}


@pytest.mark.parametrize("value", HOSTILE, ids=range(len(HOSTILE)))
def test_no_value_in_any_filter_gives_an_error_page(client, objects, some_content, value):
    sign_in_participant(client, objects)
    for path, params in FILTER_PAGES.items():
        for param in params:
            response = client.get(path, {param: value})
            assert response.status_code < 500, (path, param, value[:40], response.status_code)


def test_every_choice_of_rows_in_a_form_refuses_a_key_the_database_cannot_hold():
    """One field class for choices of rows (core.protection), in every form of every app."""
    from django.apps import apps
    from django.forms.forms import BaseForm

    from core.protection import BoundedModelChoiceField, BoundedModelMultipleChoiceField

    checked = []
    for app in apps.get_app_configs():
        if "site-packages" in app.path:
            continue  # the site's own apps only: the admin's forms are staff's
        try:
            module = importlib.import_module(f"{app.name}.forms")
        except ModuleNotFoundError:
            continue
        for form_class in vars(module).values():
            if not (isinstance(form_class, type) and issubclass(form_class, BaseForm)):
                continue
            for name, form_field in form_class.base_fields.items():
                if isinstance(form_field, forms.ModelChoiceField):
                    checked.append(f"{form_class.__name__}.{name}")
                    assert isinstance(
                        form_field, BoundedModelChoiceField | BoundedModelMultipleChoiceField
                    ), f"{module.__name__}.{form_class.__name__}.{name}"
    assert {"ProposalForm.themes", "PracticeForm.themes"} <= set(checked)
