"""A member's contact person finds the participants' space from the home page, signs in by the
e-mailed link, subscribes to a theme, writes to another member about one of its practices, and
receives the digest once staff publish a matching practice of that member; the digest's link
stops the e-mails without signing in."""

import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from practices.models import Practice
from subscriptions import digests
from tests.factories import make_contact_person, make_member, make_practice, make_theme

from .axe import axe_violations, format_violations
from .conftest import STAFF_PASSWORD, log_into_admin, open_page, run_admin_action

pytestmark = pytest.mark.django_db(transaction=True)

EMAIL = "mirela.ionescu@albaiulia.example.ro"
PRACTICE = "Roma health mediators in every district"
PUBLISHED = "Homework clubs with Roma mediators"
PEER_EMAIL = "aino.virtanen@kuopio.example.fi"


@pytest.fixture
def members(demo):
    """Two members: Alba Iulia, whose officer follows a theme, and Kuopio, which has a
    practice published and sends another on that theme; the worker has already noted what was
    published."""
    alba = make_member(name="Alba Iulia", country="RO", latitude=46.07, longitude=23.58)
    make_contact_person(alba, name="Mirela Ionescu", email=EMAIL)
    kuopio = make_member(name="Kuopio", country="FI", latitude=62.89, longitude=27.68)
    make_contact_person(kuopio, name="Aino Virtanen", email=PEER_EMAIL)
    # The themes a migration makes are gone after a browser test that empties the database.
    make_theme("education", "Education")
    make_theme("health", "Health")
    make_practice(themes=["education"], members=[kuopio], title=PUBLISHED)
    make_practice(
        themes=["health"],
        members=[kuopio],
        title=PRACTICE,
        status=Practice.Status.SUBMITTED,
    )
    digests.note_publications(timezone.now())
    return alba, kuopio


@pytest.fixture
def contact_page(browser, live_server):
    """The contact person's own browser."""
    page = open_page(browser, live_server)
    yield page
    page.context.close()


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, format_violations(violations, page.url)


def test_a_member_hears_of_a_practice_on_its_theme(
    page, contact_page, visitor, site_url, secretariat, members, screenshot
):
    # The space, found from the home page's footer.
    contact_page.goto("/en/")
    contact_page.get_by_role("contentinfo").get_by_role("link", name="Members’ space").click()
    mail.outbox.clear()
    contact_page.get_by_label("Your e-mail address").fill(EMAIL)
    contact_page.get_by_role("button", name="Send me a sign-in link").click()
    expect(contact_page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    (message,) = [m for m in mail.outbox if m.to == [EMAIL]]
    link = re.search(r"^(http\S+/participants/sign-in/\S+)$", message.body, re.M).group(1)
    contact_page.goto(link)
    contact_page.get_by_role("button", name="Sign in").click()
    expect(contact_page.get_by_text("Signed in as Mirela Ionescu, for Alba Iulia")).to_be_visible()

    # Subscribes to a theme, at once.
    contact_page.get_by_role("link", name="E-mail alerts", exact=True).click()
    expect(contact_page.get_by_role("heading", level=1)).to_have_text("E-mail alerts")
    contact_page.get_by_role("checkbox", name="Health", exact=True).check()
    contact_page.get_by_role("radio", name=re.compile(r"^at once")).check()
    assert_accessible(contact_page)
    screenshot(contact_page, "participants-e-mail-alerts")
    contact_page.get_by_role("button", name="Save my choices").click()
    expect(contact_page.get_by_text("Your choices are saved")).to_be_visible()
    expect(contact_page.get_by_role("link", name="E-mail alerts", exact=True)).to_have_attribute(
        "aria-current", "page"
    )
    contact_page.get_by_role("link", name="Overview").click()
    expect(contact_page.get_by_text("Your e-mail alerts follow Health")).to_be_visible()

    # Writes to Kuopio about its published practice, from the practice's page.
    contact_page.goto("/en/practices/")
    contact_page.get_by_role("link", name=PUBLISHED).first.click()
    contact_page.get_by_role("link", name="Write to this authority").click()
    contact_page.get_by_label("Subject").fill("Your homework clubs")
    contact_page.get_by_label("Your message").fill("How do you recruit the mediators?")
    assert_accessible(contact_page)
    contact_page.get_by_role("button", name="Send the message").click()
    expect(contact_page.get_by_role("heading", level=1)).to_have_text("Message sent")
    assert [m for m in mail.outbox if m.to == [PEER_EMAIL] and "mediators" in m.body]

    # Nothing published on health yet: the job writes nothing.
    digests.send_due_digests()
    assert not [m for m in mail.outbox if m.to == [EMAIL] and PRACTICE in m.body]

    # Staff publish the other member's practice; the worker's next run writes the digest.
    log_into_admin(page, "secretariat", STAFF_PASSWORD)
    page.goto("/admin/practices/practice/")
    run_admin_action(page, PRACTICE, "Publish")
    assert Practice.objects.get(title=PRACTICE).status == Practice.Status.PUBLISHED
    digests.send_due_digests()

    page.goto("/admin/background/outgoingemail/")
    digest_row = page.get_by_role("row").filter(
        has_text="new item on the Alliance’s portal for you"
    )
    digest_row.get_by_role("link").first.click()
    expect(page.get_by_role("main")).to_contain_text(PRACTICE)
    expect(page.get_by_role("main")).to_contain_text(EMAIL)
    (digest,) = [m for m in mail.outbox if m.to == [EMAIL] and PRACTICE in m.body]
    assert digest.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The practice's link in the digest leads to its public page.
    practice_link = re.search(r"^\s*(http\S+/practices/\S+/)$", digest.body, re.M).group(1)
    contact_page.goto(practice_link)
    expect(contact_page.get_by_role("heading", level=1)).to_have_text(PRACTICE)

    # The digest's link stops the e-mails, from a browser that is not signed in.
    unsubscribe = re.search(r"^(http\S+/unsubscribe/\S+/)$", digest.body, re.M).group(1)
    visitor.goto(unsubscribe)
    assert_accessible(visitor)
    visitor.get_by_role("button", name="Stop the e-mail alerts").click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text("E-mail alerts stopped")
    contact_page.goto("/en/participants/subscriptions/")
    expect(contact_page.get_by_text("You receive no e-mail alerts.")).to_be_visible()
