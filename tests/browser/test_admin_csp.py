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


def breadcrumbs_styled(page):
    """Whether the breadcrumb bar has the admin's own colours (lost when a style is blocked)."""
    return page.evaluate(
        """() => {
            const bar = document.querySelector('.breadcrumbs');
            if (!bar) return false;
            const style = getComputedStyle(bar);
            return style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.paddingLeft !== '0px';
        }"""
    )


def test_import_export_reject_history_and_restore_pages_are_whole_under_the_csp(
    page, demo, console, screenshot, tmp_path
):
    from declarations.models import Signature
    from members.models import Member

    get_user_model().objects.create_superuser("secretariat", "s@example.org", PASSWORD)
    member = Member.objects.approved().order_by("name").first()
    signature = Signature.objects.awaiting_verification().first() or Signature.objects.first()
    page.goto("/admin/")
    page.get_by_label("Username").fill("secretariat")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="Today’s work").wait_for()

    pages = {
        "admin-import": "/admin/members/member/import/",
        "admin-export": "/admin/members/member/export/",
        "admin-history": f"/admin/members/member/{member.pk}/history/",
        "admin-signature-import": "/admin/declarations/signature/import/",
        "admin-deleted": "/admin/members/member/deleted/",
    }
    record = member.history.order_by("history_id").first()
    pages["admin-restore"] = f"/admin/members/member/{member.pk}/history/{record.history_id}/"
    problems = {}
    for name, path in pages.items():
        console.clear()
        response = page.goto(path)
        assert response.status == 200, path
        screenshot(page, name)
        if violations := csp_violations(console):
            problems[name] = violations
        elif not breadcrumbs_styled(page):
            problems[name] = ["breadcrumbs unstyled"]

    # The reject page: the action's confirmation, from the signature's own page.
    console.clear()
    page.goto(f"/admin/declarations/signature/{signature.pk}/change/")
    page.get_by_role("button", name="Reject…").click()
    page.get_by_role("button", name="Reject").wait_for()
    screenshot(page, "admin-reject")
    if violations := csp_violations(console):
        problems["admin-reject"] = violations

    # The import's preview, with one wrong row.
    sheet = tmp_path / "members.csv"
    sheet.write_text("name,country,kind\nNew Town,HU,city\nNowhere,Atlantis,city\n")
    console.clear()
    page.goto("/admin/members/member/import/")
    page.locator("input[type=file]").set_input_files(str(sheet))
    page.locator("select[name=format]").select_option(label="csv")
    page.get_by_role("link", name="CSV template").wait_for()
    page.get_by_role("button", name="Check the file").click()
    page.get_by_text("Row 3, column Country").wait_for()
    screenshot(page, "admin-import-preview")
    if violations := csp_violations(console):
        problems["admin-import-preview"] = violations

    assert problems == {}, "; ".join(
        f"{name}: {found[0][:100]}" for name, found in problems.items()
    )
