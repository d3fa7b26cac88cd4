"""A town-hall officer asks to join: finds the form from the home page, makes a mistake,
reads what to correct next to the field, corrects it and gets the confirmation."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from members.models import Member

pytestmark = pytest.mark.django_db(transaction=True)


def error_of(page, field):
    """The visible messages aria-describedby ties to a field, as a screen reader reads them."""
    ids = (field.get_attribute("aria-describedby") or "").split()
    described = [page.locator(f"[id='{id_}']") for id_ in ids]
    return " ".join(element.inner_text() for element in described if element.is_visible())


def test_officer_corrects_a_mistake_and_sends_the_join_request(page, screenshot):
    page.goto("/en/")
    page.get_by_role("main").get_by_role("link", name="Join the Alliance").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Join the Alliance")

    page.get_by_label("Name of the city or region").fill("Tampere")
    page.get_by_label("City", exact=True).check()
    page.get_by_label("Country").select_option(label="Finland")
    page.get_by_label("Official website").fill("https://www.tampere.fi/")
    page.get_by_label("Full name").fill("Aino Virtanen")
    page.get_by_label("Role or office").fill("Roma inclusion officer")
    email = page.get_by_label("E-mail")
    email.fill("aino.virtanen@tampere")  # no top-level domain: a typing mistake
    page.get_by_label("Why does your authority wish to join?").fill(
        "Tampere runs a Roma mediation programme and wants to learn from other cities."
    )
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Send the request").click()

    # Nothing was stored; the page says what to correct, and the field says why.
    expect(page).to_have_title(re.compile(r"^Error:"))
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("The request could not be sent. Please correct:")
    expect(summary.get_by_role("link", name="E-mail")).to_be_visible()
    expect(email).to_have_attribute("aria-invalid", "true")
    assert "Enter a valid email address." in error_of(page, email)
    # What was typed is kept, so only the mistake needs typing again.
    expect(page.get_by_label("Name of the city or region")).to_have_value("Tampere")
    expect(page.get_by_label("City", exact=True)).to_be_checked()
    expect(page.get_by_label("I have read the privacy notice")).to_be_checked()
    assert not Member.objects.exists()
    assert mail.outbox == []
    screenshot(page, "join-error-desktop")

    summary.get_by_role("link", name="E-mail").click()
    expect(email).to_be_focused()
    email.fill("aino.virtanen@tampere.fi")
    page.get_by_role("button", name="Send the request").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Request received")
    expect(page.get_by_role("main")).to_contain_text(
        "The request for Tampere to join the Alliance has been received."
    )
    expect(page.get_by_role("main")).to_contain_text(
        "A confirmation has been sent to aino.virtanen@tampere.fi."
    )
    screenshot(page, "join-received-desktop")

    member = Member.objects.get()
    assert (member.name, member.country.code, member.status) == ("Tampere", "FI", "pending")
    assert member.contact_email == "aino.virtanen@tampere.fi"
    assert member.language == "en"
    # Not public until staff approve it.
    page.goto("/en/members/?q=Tampere")
    expect(page.get_by_role("main").get_by_role("link", name="Tampere")).to_have_count(0)
    # The contact got the acknowledgement; the secretariat was told too.
    acknowledgements = [m for m in mail.outbox if m.to == ["aino.virtanen@tampere.fi"]]
    assert len(acknowledgements) == 1
    assert acknowledgements[0].subject == "Your request to join the Alliance"
    assert "Tampere" in acknowledgements[0].body
    assert any("New request to join: Tampere" in m.subject for m in mail.outbox)
