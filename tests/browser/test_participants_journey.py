"""Staff approve a join request; its contact person signs in by the e-mailed link, proposes a
French description that staff approve (the public French page shows it), and submits a
practice that staff publish."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from playwright.sync_api import expect

from members.models import Member
from participants.models import ProfileChangeRequest
from practices.models import Practice
from tests.factories import make_member

from .axe import axe_violations, format_violations
from .conftest import STAFF_PASSWORD, log_into_admin, open_page, run_admin_action

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "aino.virtanen@ouka.fi"
DESCRIPTION_FR = "Oulu accueille les familles roms dans ses écoles depuis 2015."


@pytest.fixture
def join_request(demo):
    return make_member(
        name="Oulu",
        country="FI",
        status=Member.Status.PENDING,
        latitude=65.01,
        longitude=25.47,
        requested_at=timezone.now(),
        contact_name="Aino Virtanen",
        contact_email=EMAIL,
    )


@pytest.fixture
def contact_page(browser, live_server):
    """The contact person's own browser."""
    page = open_page(browser, live_server)
    yield page
    page.context.close()


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)


def sign_in_by_link(page):
    page.goto("/en/participants/")
    assert_accessible(page)
    mail.outbox.clear()
    page.get_by_label("Your e-mail address").fill(EMAIL)
    page.get_by_role("button", name="Send me a sign-in link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"^(http\S+/participants/sign-in/\S+)$", message.body, re.M).group(1)
    page.goto(link)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as Aino Virtanen, for Oulu")).to_be_visible()


def test_a_new_member_keeps_its_profile_and_shares_a_practice(
    page, contact_page, visitor, site_url, secretariat, join_request, screenshot
):
    log_into_admin(page, "secretariat", STAFF_PASSWORD)
    page.goto("/admin/members/member/")
    run_admin_action(page, "Oulu", "Approve the selected requests")
    expect(page.get_by_text("1 request approved.")).to_be_visible()

    sign_in_by_link(contact_page)
    assert_accessible(contact_page)
    contact_page.get_by_role("link", name="Our profile").click()
    contact_page.get_by_role("link", name="Propose changes", exact=True).click()
    contact_page.get_by_label("Description in French").fill(DESCRIPTION_FR)
    assert_accessible(contact_page)
    screenshot(contact_page, "participants-profile-edit")
    contact_page.get_by_role("button", name="Send the changes for approval").click()
    expect(contact_page.get_by_role("heading", level=1)).to_have_text("Change request")
    expect(contact_page.get_by_role("main")).to_contain_text(DESCRIPTION_FR)

    # Not public before staff approve (read without the visitor's browser, which would keep
    # the page for PAGE_MAX_AGE seconds).
    with translation.override("en"):  # the request leaves French active in this thread
        assert DESCRIPTION_FR not in Client().get("/fr/members/oulu/").content.decode()

    page.goto("/admin/")
    page.get_by_role("link", name="Profile changes waiting for a decision").click()
    page.get_by_role("link", name="Changes to Oulu").click()
    expect(page.get_by_role("main")).to_contain_text(DESCRIPTION_FR)
    page.get_by_role("button", name="Approve and publish", exact=True).click()
    expect(page.get_by_text("1 change request approved.")).to_be_visible()
    assert ProfileChangeRequest.objects.get().status == ProfileChangeRequest.Status.APPROVED

    visitor.goto("/fr/members/oulu/")
    expect(visitor.get_by_role("main")).to_contain_text(DESCRIPTION_FR)

    contact_page.get_by_role("link", name="Our practices").click()
    contact_page.get_by_role("link", name="Share a new practice").click()
    contact_page.get_by_role("textbox", name="Title").fill("Schools open to every family")
    contact_page.get_by_label("Start year").fill("2015")
    contact_page.get_by_role("button", name="Save the draft").click()
    contact_page.get_by_role("button", name="Submit for publication").click()
    expect(contact_page.get_by_role("main")).to_contain_text("submitted")
    assert_accessible(contact_page)

    page.goto("/admin/practices/practice/")
    run_admin_action(page, "Schools open to every family", "Publish")
    practice = Practice.objects.get(title="Schools open to every family")
    assert practice.status == Practice.Status.PUBLISHED
    assert list(practice.members.values_list("name", flat=True)) == ["Oulu"]

    contact_page.reload()
    expect(contact_page.get_by_role("main")).to_contain_text("published")
    visitor.goto(f"/en/practices/{practice.slug}/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Schools open to every family")

    contact_page.get_by_role("link", name="Directory").click()
    assert_accessible(contact_page)
