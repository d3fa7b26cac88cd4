"""A contact person chooses in the space what they follow and how often they hear about it."""

import pytest
from django.test import Client

from practices.models import Theme
from subscriptions.models import Subscription
from tests.factories import make_member, make_practice, make_subscription

from .conftest import CHOICES

pytestmark = pytest.mark.django_db

SAVE = f"{CHOICES}save/"


def is_checked(page, value):
    """Whether the box or button of `value` is ticked on the page."""
    tag = page.split(f'value="{value}"', 1)[1].split(">", 1)[0]
    return "checked" in tag


def test_the_page_is_in_the_space_s_navigation_and_chooses_nothing_for_the_person(signed_in):
    make_member(name="Cluj-Napoca", country="RO")

    response = signed_in.get(CHOICES)

    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="{CHOICES}" aria-current="page">E-mail alerts</a>' in page
    assert 'value="RO"' in page and "Romania" in page
    assert 'value="education"' not in page  # themes by id
    assert (
        'value="none" checked' in page
        or 'value="none"  checked' in page
        or ("checked" in page.split('value="none"', 1)[1].split(">", 1)[0])
    )
    assert not Subscription.objects.exists()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]


def test_the_choices_are_saved(signed_in, contact):
    make_member(name="Cluj-Napoca", country="RO")
    housing = Theme.objects.get(slug="housing")

    response = signed_in.post(
        SAVE, {"themes": [housing.pk], "countries": ["RO"], "rhythm": "weekly"}
    )

    assert response.status_code == 302 and response["Location"] == CHOICES
    subscription = Subscription.objects.get(contact=contact)
    assert [theme.slug for theme in subscription.themes.all()] == ["housing"]
    assert [country.code for country in subscription.countries] == ["RO"]
    assert subscription.rhythm == Subscription.Rhythm.WEEKLY
    page = signed_in.get(CHOICES).content.decode()
    assert "Your choices are saved" in page
    assert "You receive e-mail alerts once a week, on Monday." in page
    overview = signed_in.get("/en/participants/").content.decode()
    assert "Your e-mail alerts follow Housing, Romania, once a week, on Monday." in overview


def test_a_refused_form_keeps_what_was_chosen(signed_in, contact):
    education = Theme.objects.get(slug="education")

    response = signed_in.post(
        SAVE,
        {
            "themes": [education.pk, "99999999999999999999"],
            "countries": ["SK"],
            "rhythm": "monthly",
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert "is not one of the available choices" in page or "not a valid value" in page
    assert is_checked(page, "SK") and is_checked(page, "monthly")
    assert is_checked(page, education.pk)
    assert not Subscription.objects.exists()


def test_an_e_mail_about_nothing_is_refused_with_a_message(signed_in):
    response = signed_in.post(SAVE, {"rhythm": "immediately"})

    assert response.status_code == 400
    assert "Choose at least one theme or country" in response.content.decode()
    assert not Subscription.objects.exists()


def test_stopping_keeps_the_choices(signed_in, contact):
    make_subscription(contact, themes=["health"], rhythm="weekly")
    health = Theme.objects.get(slug="health")

    signed_in.post(SAVE, {"themes": [health.pk], "rhythm": "none"})

    subscription = Subscription.objects.get()
    assert subscription.rhythm == Subscription.Rhythm.NONE
    assert "You receive no e-mail alerts." in signed_in.get(CHOICES).content.decode()


def test_the_page_and_its_form_are_for_signed_in_contacts_only(contact):
    anonymous = Client()

    assert anonymous.get(CHOICES)["Location"] == "/en/participants/"
    assert anonymous.post(SAVE, {"rhythm": "none"})["Location"] == "/en/participants/"
    assert not Subscription.objects.exists()


def test_a_contact_sees_and_changes_only_their_own_choices(signed_in, contact, other_contact):
    theirs = make_subscription(other_contact, themes=["employment"], rhythm="monthly")

    signed_in.post(SAVE, {"countries": ["SK"], "rhythm": "weekly"})

    theirs.refresh_from_db()
    assert theirs.rhythm == Subscription.Rhythm.MONTHLY
    assert Subscription.objects.get(contact=contact).rhythm == Subscription.Rhythm.WEEKLY


def test_choosing_again_after_stopping_does_not_send_what_was_published_meanwhile(
    signed_in, contact, run_digests
):
    subscription = make_subscription(contact, themes=["health"], rhythm="none")
    make_practice(themes=["health"], title="Published while stopped")
    run_digests()
    health = Theme.objects.get(slug="health")

    signed_in.post(SAVE, {"themes": [health.pk], "rhythm": "immediately"})

    subscription.refresh_from_db()
    assert subscription.rhythm == Subscription.Rhythm.IMMEDIATELY
    assert run_digests() == []
