"""The public forms' protections stop abuse, not people: a venue, a mistake, a second try."""

import re
import time
from html import unescape

import pytest
from django.core import mail, signing

from declarations.demo import ensure_declaration
from declarations.models import Signature
from members.models import Member
from tests.declarations.conftest import sign_data

pytestmark = pytest.mark.django_db

JOIN = "/en/join/"
SIGN = "/en/declaration/sign/"
VENUE = "192.0.2.80"  # a conference's Wi-Fi: everyone behind one address


def join_data(**fields):
    return {
        "name": "Cluj-Napoca",
        "kind": "city",
        "country": "RO",
        "website": "https://primariaclujnapoca.ro/",
        "population": "286000",
        "contact_name": "Ioana Pop",
        "contact_role": "Town-hall officer for Roma inclusion",
        "contact_email": "ioana.pop@cluj.example.org",
        "contact_phone": "+40 264 596 030",
        "motivation": "Cluj-Napoca wants to learn from other cities how to house Pata Rât families.",
        "privacy_consent": "on",
        **fields,
    }


def values_shown(response):
    """{field name: value} of the text inputs and text areas of the page's form."""
    content = response.content.decode()
    inputs = re.findall(
        r'<input type="(?:text|email|url|tel|number)" name="(\w+)" value="([^"]*)"', content
    )
    areas = re.findall(r'<textarea name="(\w+)"[^>]*>\s*([^<]*)</textarea>', content)
    return {name: unescape(value).strip() for name, value in [*inputs, *areas]}


def minutes_to_wait(response):
    found = re.search(r"please send it again in (\d+) minutes?\.", response.content.decode())
    assert found, "the page says when to send it again"
    return int(found[1])


def test_forty_people_signing_from_one_address_are_all_accepted(
    client, django_capture_on_commit_callbacks
):
    ensure_declaration()

    for n in range(40):
        data = sign_data(full_name=f"Mayor Number {n}", email=f"mayor{n}@town{n}.example.org")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(SIGN, data, REMOTE_ADDR=VENUE)
        assert response.status_code == 302, (n, response.status_code)
        thanks = client.get(response["Location"]).content.decode()
        assert "Please open the link in it to confirm your address." in thanks

    assert Signature.objects.count() == 40
    confirmations = {message.to[0] for message in mail.outbox}
    assert {f"mayor{n}@town{n}.example.org" for n in range(40)} <= confirmations


def test_twenty_posts_with_mistakes_do_not_use_up_the_chances_of_the_right_one(client):
    for _ in range(20):
        response = client.post(JOIN, join_data(website="not a website"), REMOTE_ADDR=VENUE)
        assert response.status_code == 200

    response = client.post(JOIN, join_data(), REMOTE_ADDR=VENUE)

    assert response.status_code == 302
    assert Member.objects.get().name == "Cluj-Napoca"


def test_one_email_address_over_its_limit_gets_the_form_back_with_everything_typed(
    client, settings, django_capture_on_commit_callbacks
):
    for n in range(settings.FORM_RATE_LIMIT_PER_EMAIL):
        assert client.post(JOIN, join_data(name=f"Town {n}")).status_code == 302
    mail.outbox.clear()
    typed = join_data(name="Turda", motivation="Turda's schools & <families>, too.")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(JOIN, typed)

    assert response.status_code == 429
    assert 1 <= minutes_to_wait(response) <= settings.FORM_RATE_WINDOW_PER_EMAIL / 60
    assert int(response["Retry-After"]) <= settings.FORM_RATE_WINDOW_PER_EMAIL
    assert "Not sent:" in response.content.decode()
    shown = values_shown(response)
    for name in ["name", "website", "contact_name", "contact_role", "contact_email", "motivation"]:
        assert shown[name] == typed[name], name
    assert re.search(r'name="privacy_consent"[^>]*checked', response.content.decode())
    assert not Member.objects.filter(name="Turda").exists()
    assert mail.outbox == []


def test_a_signature_refused_by_the_address_limit_says_so_and_keeps_what_was_typed(
    client, settings
):
    ensure_declaration()
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 1
    client.post(SIGN, sign_data(full_name="First Signatory", email="first@example.org"))
    typed = sign_data(full_name="Second Signatory", email="second@example.org")

    response = client.post(SIGN, typed)

    assert response.status_code == 429
    assert minutes_to_wait(response) >= 1
    content = response.content.decode()
    assert "Not sent:" in content
    assert "Everything you typed is still here" in content
    shown = values_shown(response)
    assert shown["full_name"] == "Second Signatory"
    assert shown["email"] == "second@example.org"
    assert shown["authority_name"] == "Exampleburg"
    assert re.search(r'name="consent_to_publish"[^>]*checked', content)
    assert not Signature.objects.filter(full_name="Second Signatory").exists()


def test_the_address_limit_counts_accepted_posts_and_then_refuses(client, settings):
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 3
    codes = [
        client.post(JOIN, join_data(name=f"Town {n}", contact_email=f"o{n}@example.org"))
        for n in range(4)
    ]

    assert [response.status_code for response in codes] == [302, 302, 302, 429]
    assert Member.objects.count() == 3


def test_a_join_request_deleted_as_spam_and_posted_again_unchanged_is_refused(client):
    client.post(JOIN, join_data())
    Member.objects.all().delete()

    again = client.post(JOIN, join_data())
    changed = client.post(JOIN, join_data(motivation="Another text, written by a person."))

    assert again.status_code == 429
    assert changed.status_code == 302
    assert Member.objects.count() == 1


# The minimum fill time


@pytest.fixture
def min_fill(settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    return 3


@pytest.fixture
def clock(monkeypatch):
    """clock(seconds) moves the time forward by that many seconds."""
    real = time.time

    def forward(seconds):
        monkeypatch.setattr(time, "time", lambda: real() + seconds)

    return forward


def shown_at(client, path):
    """The hidden field the form was shown with, as a browser posts it back."""
    content = client.get(path).content.decode()
    wrapper = re.search(
        r'class="form-honeypot"[^>]*>\s*<div id="div_id_nickname".*?</div>\s*'
        r'<input type="hidden" name="shown_at" value="([^"]+)"[^>]*>\s*</div>',
        content,
        re.S,
    )
    assert wrapper, "the protection fields sit in the hidden wrapper"
    return {"shown_at": wrapper[1]}


def shown_at_in(response):
    return {"shown_at": re.search(r'name="shown_at" value="([^"]+)"', response.text)[1]}


@pytest.mark.parametrize(("path", "data"), [(JOIN, join_data), (SIGN, sign_data)])
def test_a_form_sent_back_faster_than_a_person_can_stores_nothing_and_comes_back_as_typed(
    client, min_fill, path, data, django_capture_on_commit_callbacks
):
    ensure_declaration()
    token = shown_at(client, path)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path, {**data(), **token})

    assert response.status_code == 400
    assert not Member.objects.exists() and not Signature.objects.exists()
    assert mail.outbox == []
    assert "the form came back as if a program had filled it in" in response.text
    typed = data()
    for field in ("full_name", "name", "contact_name", "motivation"):
        if field in typed:
            assert typed[field] in response.text.replace("&#x27;", "'")


def test_a_form_whose_hidden_field_was_filled_comes_back_as_typed_without_it(client):
    # A password manager may fill the hidden field: the person gets the form back, not a 400
    # page that loses what they wrote; a bot gets nothing stored either way.
    data = join_data()
    response = client.post(JOIN, {**data, "nickname": "autofilled"})

    assert response.status_code == 400
    assert not Member.objects.exists()
    assert data["motivation"] in unescape(response.text)
    assert 'value="autofilled"' not in response.text
    again = client.post(JOIN, {**data, **shown_at_in(response)})
    assert again.status_code == 302


def test_a_person_whose_browser_filled_the_form_too_fast_sends_it_again(client, min_fill, clock):
    token = shown_at(client, JOIN)
    clock(1)
    too_soon = client.post(JOIN, {**join_data(), **token})
    assert too_soon.status_code == 400
    clock(1 + min_fill)

    again = client.post(JOIN, {**join_data(), **shown_at_in(too_soon)})

    assert again.status_code == 302
    assert Member.objects.count() == 1


@pytest.mark.parametrize(("path", "data"), [(JOIN, join_data), (SIGN, sign_data)])
def test_a_form_sent_after_the_minimum_time_is_accepted(client, min_fill, clock, path, data):
    ensure_declaration()
    token = shown_at(client, path)
    clock(min_fill)

    response = client.post(path, {**data(), **token})

    assert response.status_code == 302
    assert Member.objects.count() + Signature.objects.count() == 1


@pytest.mark.parametrize(
    "token",
    [
        {},
        {"shown_at": ""},
        {"shown_at": "1700000000"},
        {"shown_at": signing.dumps(0, salt="another.salt")},
    ],
    ids=["missing", "empty", "unsigned", "forged"],
)
def test_a_post_without_a_genuine_time_shown_is_a_bots(client, min_fill, clock, token):
    clock(3600)

    response = client.post(JOIN, {**join_data(), **token})

    assert response.status_code == 400
    assert not Member.objects.exists()


def test_a_form_shown_again_with_its_errors_keeps_the_time_it_was_first_shown(
    client, min_fill, clock
):
    token = shown_at(client, JOIN)
    clock(min_fill)
    with_mistake = client.post(JOIN, {**join_data(website="not a website"), **token})
    assert with_mistake.status_code == 200

    corrected = client.post(JOIN, {**join_data(), **shown_at_in(with_mistake)})

    assert corrected.status_code == 302


def test_a_token_is_good_for_one_accepted_post_and_a_replay_comes_back_as_typed(
    client, min_fill, clock
):
    token = shown_at(client, JOIN)
    clock(min_fill)
    assert client.post(JOIN, {**join_data(), **token}).status_code == 302

    replays = [
        client.post(
            JOIN, {**join_data(name=f"Town {n}", contact_email=f"t{n}@example.org"), **token}
        )
        for n in range(5)
    ]

    assert {replay.status_code for replay in replays} == {400}
    assert Member.objects.count() == 1
    replay = replays[-1]
    assert "the form came back as if a program had filled it in" in replay.text
    assert values_shown(replay)["name"] == "Town 4"
    fresh = shown_at_in(replay)
    assert fresh != token
    clock(2 * min_fill)
    assert client.post(JOIN, {**join_data(name="Town 4"), **fresh}).status_code == 302
    assert Member.objects.count() == 2


def test_a_form_shown_again_with_its_errors_gets_a_token_of_its_own(client, min_fill, clock):
    token = shown_at(client, JOIN)
    clock(min_fill)
    with_mistake = client.post(JOIN, {**join_data(website="not a website"), **token})

    assert shown_at_in(with_mistake) != token
    assert client.post(JOIN, {**join_data(), **shown_at_in(with_mistake)}).status_code == 302


def test_a_form_left_open_for_more_than_a_day_comes_back_to_be_sent_again(client, min_fill, clock):
    token = shown_at(client, JOIN)
    clock(24 * 3600 + 1)

    response = client.post(JOIN, {**join_data(), **token})

    assert response.status_code == 400
    assert values_shown(response)["motivation"] == join_data()["motivation"]
    assert not Member.objects.exists()


@pytest.mark.parametrize(
    ("form", "minimum"),
    [
        ("participants.forms.SignInForm", 0),
        ("declarations.forms.SignatureForm", 1),
        ("contact.forms.ContactForm", 2),
        ("members.forms.JoinForm", 3),
    ],
)
def test_the_minimum_fill_time_counts_what_a_person_types_themselves(settings, form, minimum):
    from django.utils.module_loading import import_string

    settings.FORM_MIN_FILL_SECONDS = 10
    form_class = import_string(form)
    kwargs = {"declaration": ensure_declaration()} if "Signature" in form else {}

    assert form_class(**kwargs).min_fill_seconds() == minimum
