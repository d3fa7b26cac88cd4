"""The staff back office works in a real browser under the site's strict Content-Security-Policy."""

import pytest
from django.contrib.auth import get_user_model

from alliance.models import Page

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a-strong-staff-password-1842"


@pytest.fixture
def console(page):
    """Every console message and CSP violation the page reports, as text."""
    messages = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    return messages


def csp_violations(messages):
    return [m for m in messages if "Content Security Policy" in m or "pageerror" in m]


def test_staff_log_in_and_edit_under_the_strict_csp(page, demo, console, screenshot):
    user = get_user_model().objects.create_superuser("secretariat", "s@example.org", PASSWORD)
    about = Page.objects.get(slug="about")

    page.goto("/admin/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Today’s work").wait_for()

    page.goto("/admin/alliance/page/")
    page.get_by_role("link", name=about.title).wait_for()
    page.goto(f"/admin/alliance/page/{about.pk}/change/")
    page.get_by_role("button", name="Save", exact=True).wait_for()
    screenshot(page, "admin-page-change")
    # The user form runs the admin's richest scripts: the two-pane group and permission pickers.
    page.goto(f"/admin/auth/user/{user.pk}/change/")
    page.locator("#id_groups_from").wait_for()
    page.get_by_role("button", name="Save", exact=True).click()
    page.locator(".messagelist .success").wait_for()

    assert csp_violations(console) == []
