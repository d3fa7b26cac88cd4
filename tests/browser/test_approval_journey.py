"""A membership officer approves a join request in the admin; the public pages then show the
new member: directory, country page, map, and the home page's counter."""

import importlib
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from playwright.sync_api import expect

from members.models import Member
from tests.factories import make_member

from .conftest import log_into_admin, run_admin_action

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-strong-staff-password-1842"
officers_group = importlib.import_module("members.migrations.0003_membership_officers_group")


@pytest.fixture
def officer(django_user_model):
    """A staff member in the "Membership officers" group, as the data migration defines it
    (recreated here: the live server's tests empty the database, groups included)."""
    group, _created = Group.objects.get_or_create(name=officers_group.GROUP)
    group.permissions.set(
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in officers_group.PERMISSIONS
    )
    user = django_user_model.objects.create_user(
        "officer", "officer@example.org", PASSWORD, is_staff=True
    )
    user.groups.add(group)
    return user


@pytest.fixture
def join_request(demo):
    return make_member(
        name="Oulu",
        country="FI",
        status=Member.Status.PENDING,
        latitude=65.01,
        longitude=25.47,
        requested_at=timezone.now(),
        contact_email="aino.virtanen@ouka.fi",
    )


def members_counted_on_home(page):
    if not re.search(r"/en/$", page.url):
        page.goto("/en/")
    figures = page.get_by_role("region", name="The Alliance in figures")
    text = figures.get_by_role("link", name=re.compile("cities and regions")).inner_text()
    return int(re.match(r"\d+", text.replace(",", "")).group())


def test_officer_approves_a_request_and_the_member_appears_on_the_public_pages(
    page, visitor, officer, join_request, screenshot
):
    before = members_counted_on_home(page)

    log_into_admin(page, "officer", PASSWORD)
    # The admin opens on today's work: the join requests waiting, counted, link to the queue.
    page.get_by_role("link", name="Join requests waiting for a decision").click()

    # The list opens on the requests awaiting a decision, the newest first.
    expect(page.get_by_role("heading", level=1)).to_have_text("Join requests awaiting a decision")
    rows = page.get_by_role("row").filter(
        has=page.get_by_role("checkbox", name=re.compile("^Select this object"))
    )
    expect(rows.first).to_contain_text("Oulu")
    # What staff scan for: the contact and the country, beside the name.
    expect(rows.first).to_contain_text("aino.virtanen@ouka.fi")
    expect(rows.first).to_contain_text("Finland")
    screenshot(page, "admin-join-requests")

    run_admin_action(page, "Oulu", "Approve the selected requests")

    expect(page.get_by_text("1 request approved.")).to_be_visible()
    # Approved, it has left the pending list.
    expect(rows.filter(has_text="Oulu")).to_have_count(0)
    join_request.refresh_from_db()
    assert join_request.status == Member.Status.APPROVED
    assert join_request.decided_by == officer
    assert join_request.joined_on == timezone.localdate()
    # The officer looks at the site: their browser shows the new count, not the page it kept.
    page.get_by_role("link", name="View site").click()
    assert members_counted_on_home(page) == before + 1

    # A visitor (a browser of their own, not logged in) finds the new member everywhere.
    visitor.goto("/en/members/")
    search = visitor.get_by_role("search", name="Find a member")
    search.get_by_label("Name").fill("Oulu")
    search.get_by_role("button", name="Show").click()
    visitor.get_by_role("main").get_by_role("link", name="Oulu").first.click()
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Oulu")

    visitor.goto("/en/countries/fi/")
    expect(visitor.get_by_role("heading", level=1)).to_contain_text("Finland")
    expect(visitor.get_by_role("main").get_by_role("link", name="Oulu").first).to_be_visible()

    visitor.goto("/en/members/map/")
    marker = visitor.get_by_role("link", name="Oulu, Finland — city")
    expect(marker).to_be_visible()
    marker.click()
    expect(visitor).to_have_url(re.compile(r"/en/members/oulu/$"))

    assert members_counted_on_home(visitor) == before + 1
