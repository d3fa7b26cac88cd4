"""A mayor signs the Declaration and confirms by e-mail; staff verify the signature; the name
is then public, on the Declaration's page and in the open data."""

import csv
import io
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from declarations.models import Signature

from .conftest import STAFF_PASSWORD, log_into_admin

pytestmark = pytest.mark.django_db(transaction=True)

NAME = "Katarína Horváthová"


def signatory_names(page):
    table = page.get_by_role("table", name="Elected representatives who have signed")
    return table.get_by_role("rowheader").all_inner_texts()


def test_mayor_signs_confirms_and_is_listed_once_staff_verify(
    page, visitor, demo, site_url, secretariat, screenshot
):
    page.goto("/en/")
    page.get_by_role("navigation").get_by_role("link", name="Declaration", exact=True).first.click()
    assert NAME not in signatory_names(page)
    page.locator("#main").get_by_role("link", name="Sign the Declaration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign the Declaration")

    page.get_by_label("Full name").fill(NAME)
    page.get_by_label("Office held").select_option(label="Mayor")
    page.get_by_label("City or region you represent").fill("Košice")
    page.get_by_role("combobox", name="Country").select_option(label="Slovakia")
    page.get_by_label("E-mail address").fill("primatorka@kosice.example.sk")
    page.get_by_label("I agree that my name, office, authority and country are published").check()
    page.get_by_label("I sign the Declaration.").check()
    screenshot(page, "sign-filled-desktop")
    page.get_by_role("button", name="Sign the Declaration").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for signing")
    signature = Signature.objects.get(full_name=NAME)
    assert signature.status == Signature.Status.PENDING
    assert signature.email_confirmed_at is None
    assert signature.member.name == "Košice"  # linked to the member authority

    # The e-mail holds a link to this site; its page's one button confirms the address.
    (message,) = [m for m in mail.outbox if m.to == ["primatorka@kosice.example.sk"]]
    assert message.subject == "Please confirm your signature of the Declaration"
    link = re.search(r"^(http\S+/confirm/\S+)$", message.body, re.MULTILINE).group(1)
    assert link.startswith(f"{site_url}/en/declaration/confirm/")
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your signature")
    page.get_by_role("button", name="Confirm my signature").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your e-mail address is confirmed")
    expect(page.get_by_role("main")).to_contain_text(f"Thank you, {NAME}.")
    signature.refresh_from_db()
    assert signature.email_confirmed_at is not None
    # Confirmed is not yet verified: still unlisted.
    page.get_by_role("link", name="Back to the Declaration").click()
    assert NAME not in signatory_names(page)

    # The secretariat verifies it in the admin.
    log_into_admin(page, "secretariat", STAFF_PASSWORD)
    # From today's work to the signature's own page, where the Verify button is.
    page.get_by_role("link", name="Signatures confirmed and waiting for verification").click()
    page.get_by_role("link", name=NAME).click()
    page.get_by_role("button", name="Verify", exact=True).click()
    expect(page.get_by_text("1 signature verified.")).to_be_visible()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.VERIFIED
    assert signature.verified_by == secretariat
    verified = [m for m in mail.outbox if m.to == ["primatorka@kosice.example.sk"]][-1]
    assert "has verified your signature" in verified.body

    # Any visitor now finds the name on the Declaration's page and in the open data.
    visitor.goto("/en/declaration/")
    filters = visitor.get_by_role("search", name="Filter the signatories")
    filters.get_by_label("Name").fill("horvathova")  # without the accents, as people type
    filters.get_by_role("button", name="Show").click()
    expect(visitor.get_by_role("status")).to_have_text("1 signatory matches.")
    row = visitor.get_by_role("row", name=re.compile(NAME))
    expect(row).to_contain_text("Mayor")
    expect(row.get_by_role("link", name="Košice")).to_have_attribute(
        "href", signature.member.get_absolute_url()
    )
    screenshot(visitor, "declaration-signed-desktop")

    csv_link = visitor.get_by_role("link", name="open data (CSV)")
    response = visitor.request.get(csv_link.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text())))
    (listed,) = [r for r in rows if r["full_name"] == NAME]
    assert (listed["office"], listed["authority_name"], listed["country"]) == (
        "mayor",
        "Košice",
        "SK",
    )
    assert "primatorka@kosice.example.sk" not in response.text()
