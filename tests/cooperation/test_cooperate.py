import io
import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from background.models import OutgoingEmail
from cooperation.models import Proposal
from cooperation.services import accept_proposal, decline_proposal
from tests.factories import make_member, make_proposal

pytestmark = pytest.mark.django_db

URL = "/en/cooperate/"
FAILING_MAIL = {"default": {"BACKEND": "tests.members.failing_mail.EmailBackend"}}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_form_offers_the_themes_a_privacy_link_and_a_honeypot(client, language):
    content = client.get(f"/{language}/cooperate/").content.decode()

    assert f'href="/{language}/privacy/"' in content
    assert 'name="nickname"' in content
    assert 'name="themes"' in content
    assert ("Education" if language == "en" else "Éducation") in content


def test_a_proposal_is_stored_pending_acknowledged_and_notified(
    client, proposal_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, proposal_data)

    assert response.status_code == 302
    assert response["Location"] == "/en/cooperate/thanks/"
    proposal = Proposal.objects.get()
    assert proposal.status == Proposal.Status.PENDING
    assert proposal.roma_led and proposal.list_publicly
    assert [theme.slug for theme in proposal.themes.all()] == ["education"]
    to_ngo, to_managers = sorted(mail.outbox, key=lambda m: m.to != [proposal.contact_email])
    assert to_ngo.subject == "Your proposal of cooperation"
    assert to_managers.to == ["secretariat@example.org"]
    assert "Romano Drom" in client.get(response["Location"]).content.decode()


def test_a_proposal_is_kept_when_mail_is_down(
    client, proposal_data, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAIL
    with (
        caplog.at_level(logging.WARNING, logger="background.outbox"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(URL, proposal_data)

    assert response.status_code == 302
    assert Proposal.objects.pending().filter(name="Romano Drom").exists()
    # The acknowledgement and the managers' notice wait in the outbox for the mail server.
    assert {email.state for email in OutgoingEmail.objects.all()} == {OutgoingEmail.State.RETRYING}
    assert OutgoingEmail.objects.filter(to=["kata@romanodrom.example.org"]).exists()
    assert "not sent" in caplog.text


def test_a_second_proposal_from_the_same_organisation_is_refused(client, proposal_data):
    client.post(URL, proposal_data)
    again = client.post(
        URL, {**proposal_data, "name": "ROMANO  DROM", "contact_email": "other@example.org"}
    )

    assert again.status_code == 200
    assert "has already been received" in again.content.decode()
    assert Proposal.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_email", "nope"),
        ("proposal", ""),
        ("country", "XX"),
        ("privacy_consent", ""),
        ("name", "=HYPERLINK(1)"),
        ("contact_phone", "call me"),
    ],
)
def test_bad_input_comes_back_with_nothing_stored(client, proposal_data, field, value):
    response = client.post(URL, {**proposal_data, field: value})

    assert response.status_code == 200
    assert "The proposal could not be sent" in response.content.decode()
    assert not Proposal.objects.exists()


def test_a_filled_honeypot_stores_nothing(client, proposal_data):
    assert client.post(URL, {**proposal_data, "nickname": "x"}).status_code == 400
    assert not Proposal.objects.exists()


def test_accepting_mails_the_organisation_once_in_its_language(
    admin_user, django_capture_on_commit_callbacks
):
    proposal = make_proposal()
    with django_capture_on_commit_callbacks(execute=True):
        assert accept_proposal(proposal, admin_user) is True
        assert accept_proposal(proposal, admin_user) is False

    (message,) = mail.outbox
    assert message.subject == "Votre proposition de coopération"
    assert proposal.status == Proposal.Status.ACCEPTED
    assert proposal.decided_by == admin_user
    assert proposal.history.first().history_change_reason == "accepted"


def test_declining_from_the_admin_asks_a_reason_and_sends_it(
    admin_client, django_capture_on_commit_callbacks
):
    proposal = make_proposal(language="en")
    action = {"action": "decline_selected", "_selected_action": [proposal.pk]}

    asked = admin_client.post("/admin/cooperation/proposal/", action)
    assert "Reason, sent to the organisation" in asked.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        done = admin_client.post(
            "/admin/cooperation/proposal/",
            {**action, "post": "yes", "reason": "Outside our remit."},
            follow=True,
        )

    assert "1 proposal declined" in done.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.DECLINED
    assert "Outside our remit." in mail.outbox[0].body


def test_staff_link_an_accepted_ngo_to_members(admin_user):
    proposal = make_proposal()
    accept_proposal(proposal, admin_user)
    member = make_member(name="Pécs")
    proposal.members.add(member)
    assert list(proposal.members.all()) == [member]


def test_only_accepted_ngos_that_agreed_are_listed_and_never_their_contact(client, admin_user):
    listed = make_proposal(name="Listed NGO", list_publicly=True)
    unlisted = make_proposal(name="Quiet NGO", country="FR", list_publicly=False)
    make_proposal(name="Pending NGO", country="DE", list_publicly=True)
    declined = make_proposal(name="Declined NGO", country="ES", list_publicly=True)
    accept_proposal(listed, admin_user)
    accept_proposal(unlisted, admin_user)
    decline_proposal(declined, admin_user, "no")

    assert list(Proposal.objects.listed()) == [listed]
    about = client.get("/en/about/").content.decode()
    assert "Listed NGO" in about
    for hidden in ("Quiet NGO", "Pending NGO", "Declined NGO", "kata@example.org", "Horváth"):
        assert hidden not in about


def test_accepting_a_listed_ngo_shows_on_the_cached_about_page(client, admin_user, page_cache):
    proposal = make_proposal(name="Listed NGO", list_publicly=True)
    assert "Listed NGO" not in client.get("/en/about/").content.decode()

    accept_proposal(proposal, admin_user)

    assert "Listed NGO" in client.get("/en/about/").content.decode()


def test_declined_proposals_are_purged_after_the_retention_period(admin_user):
    old = make_proposal(name="Old NGO")
    decline_proposal(old, admin_user, "no")
    Proposal.objects.filter(pk=old.pk).update(decided_at=timezone.now() - timedelta(days=100))
    recent = make_proposal(name="Recent NGO", country="FR")
    decline_proposal(recent, admin_user, "no")
    accepted = make_proposal(name="Accepted NGO", country="DE")
    accept_proposal(accepted, admin_user)
    Proposal.objects.filter(pk=accepted.pk).update(decided_at=timezone.now() - timedelta(days=100))

    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)

    assert set(Proposal.objects.values_list("name", flat=True)) == {"Recent NGO", "Accepted NGO"}
    assert not Proposal.history.filter(id=old.pk).exists()
    assert "1 declined proposal(s)" in out.getvalue()


def test_about_page_queries_are_bounded(client, admin_user, django_assert_max_num_queries):
    for n in range(2):
        accept_proposal(make_proposal(name=f"NGO {n}", list_publicly=True), admin_user)
    with django_assert_max_num_queries(6):
        client.get("/en/about/")
    for n in range(20):
        accept_proposal(make_proposal(name=f"Other NGO {n}", list_publicly=True), admin_user)
    with django_assert_max_num_queries(6):
        client.get("/en/about/")
