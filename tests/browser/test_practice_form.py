"""A member's contact person shares a practice through the guide, on a phone and on a
desktop: signs in, writes in sections, adds a file, previews the page, submits it. The page
never scrolls sideways; its height and the clicks it takes are printed (pytest -s) for the
record."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from practices.models import Practice
from tests.factories import make_contact_person, make_member, make_theme

from .axe import axe_violations, format_violations
from .conftest import open_page

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "zuzana@kosice.example.sk"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
VIEWPORTS = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture
def contact(settings, tmp_path, live_server):
    settings.SITE_URL = live_server.url
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    make_theme("housing", "Housing")
    member = make_member(name="Košice", country="SK")
    return make_contact_person(member, name="Zuzana Horváthová", email=EMAIL)


class Clicks:
    """The page's clicks (and files chosen), counted as the contact makes them."""

    def __init__(self):
        self.count = 0

    def __call__(self, locator):
        self.count += 1
        locator.click()


def sign_in(page):
    page.goto("/en/participants/")
    mail.outbox.clear()
    page.get_by_label("Your e-mail address").fill(EMAIL)
    page.get_by_role("button", name="Send me a sign-in link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    page.goto(re.search(r"^(http\S+/participants/sign-in/\S+)$", message.body, re.M).group(1))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Signed in as Zuzana Horváthová, for Košice")).to_be_visible()


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, page.url


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)


@pytest.mark.parametrize("device", VIEWPORTS)
def test_a_contact_shares_a_practice_through_the_guide(
    browser, live_server, contact, device, screenshot
):
    page = open_page(browser, live_server, **VIEWPORTS[device])
    click = Clicks()
    sign_in(page)

    click(page.get_by_role("link", name="Our practices", exact=True))
    click(page.get_by_role("link", name="Share a new practice"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Share a new practice")
    for heading in ("What", "Where and when", "Results and lessons", "Contact and files"):
        expect(page.get_by_role("heading", level=2, name=heading)).to_be_visible()
    no_sideways_scroll(page)
    assert_accessible(page)
    height = page.evaluate("document.documentElement.scrollHeight")
    screenshot(page, f"practice-form-{device}")

    page.get_by_role("textbox", name="Title").fill("A housing desk for families")
    page.get_by_role("textbox", name="Summary", exact=True).fill(
        "A desk in the town hall helps Roma families find and keep a home."
    )
    page.get_by_role("textbox", name="Description", exact=True).fill(
        "We opened a desk.\n\n- two advisers\n- open every day"
    )
    click(page.get_by_label("Housing", exact=True))
    page.get_by_label("Start year").fill("2021")
    page.get_by_role("textbox", name="Results", exact=True).fill(
        "Forty families housed in two years."
    )
    with page.expect_file_chooser() as chooser:
        click(page.get_by_label("File", exact=True))
    chooser.value.set_files(
        {"name": "evaluation.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("Name shown for the file").fill("Evaluation 2023")

    # The preview: the public page's look, marked as such.
    click(page.get_by_role("button", name="Save and preview"))
    expect(page.get_by_role("heading", level=1)).to_have_text("A housing desk for families")
    expect(page.get_by_role("status")).to_contain_text("Preview: not published")
    expect(page.get_by_role("link", name="Evaluation 2023")).to_be_visible()
    no_sideways_scroll(page)
    assert_accessible(page)
    screenshot(page, f"practice-preview-{device}")

    click(page.get_by_role("link", name="Back to the draft"))
    click(page.get_by_role("button", name="Submit for publication"))
    expect(page.get_by_role("main")).to_contain_text("submitted")
    no_sideways_scroll(page)

    practice = Practice.objects.get()
    assert practice.status == Practice.Status.SUBMITTED
    assert practice.title_en == "A housing desk for families"
    assert practice.attachments.get().title == "Evaluation 2023"
    print(
        f"\n{device}: the practice form is {height} px high; "
        f"{click.count} clicks from the overview to a submitted practice with a file "
        "(through the preview)"
    )
    page.context.close()
