"""Staff answer an NGO's proposal from its page, as a contact message: the answer goes through
the outbox to the contact person, in their language, and is kept with the proposal with who
and when; a note of their own stays with the secretariat."""

import pytest

from background.models import OutgoingEmail
from cooperation.models import Proposal
from cooperation.services import accept_proposal, answer_proposal
from tests.factories import make_proposal

pytestmark = pytest.mark.django_db

LIST = "/admin/cooperation/proposal/"


def answer(client, proposal, text=None):
    data = {"action": "answer_selected", "_selected_action": [proposal.pk]}
    if text is not None:
        data.update(post="yes", text=text)
    return client.post(LIST, data, follow=True)


def change_page(client, proposal):
    return client.get(f"{LIST}{proposal.pk}/change/").content.decode()


def test_staff_answer_a_proposal_in_its_language_and_it_is_kept(admin_client, admin_user):
    proposal = make_proposal(proposal="Des ateliers de devoirs avec les écoles.", language="fr")
    assert 'value="answer_selected"' in change_page(admin_client, proposal)  # its Answer… button

    form = answer(admin_client, proposal)
    assert "Send the answer" in form.content.decode()
    assert "kata@example.org · French" in form.content.decode()
    assert OutgoingEmail.objects.count() == 0  # nothing sent before the answer is written

    done = answer(admin_client, proposal, "Dites-nous avec quelles villes vous travaillez.")

    assert "1 answer sent." in done.content.decode()
    [email] = OutgoingEmail.objects.all()
    assert email.to == ["kata@example.org"]
    assert email.language == "fr"
    assert "Romano Drom" in email.subject
    assert email.body.startswith("Bonjour Kata Horváth,")  # the contact person's language
    assert "Dites-nous avec quelles villes vous travaillez." in email.body
    assert "Des ateliers de devoirs avec les écoles." in email.body  # their proposal, quoted
    proposal.refresh_from_db()
    assert proposal.answer == "Dites-nous avec quelles villes vous travaillez."
    assert proposal.answered_by == admin_user and proposal.answered_at is not None
    assert proposal.status == Proposal.Status.PENDING  # an answer decides nothing
    page = change_page(admin_client, proposal)
    assert "Dites-nous avec quelles villes vous travaillez." in page
    assert 'value="answer_selected"' not in page  # answered once
    assert 'value="accept_selected"' in page  # still to decide


def test_a_proposal_is_answered_once(admin_client):
    proposal = make_proposal()
    answer(admin_client, proposal, "Voici.")

    again = answer(admin_client, proposal, "Voici encore.")

    assert "0 answers sent, 1 was already answered." in again.content.decode()
    assert OutgoingEmail.objects.count() == 1
    proposal.refresh_from_db()
    assert proposal.answer == "Voici."


def test_a_decided_proposal_can_still_be_answered(admin_client, admin_user):
    proposal = make_proposal(language="en")
    accept_proposal(proposal, admin_user)
    assert 'value="answer_selected"' in change_page(admin_client, proposal)

    answer(admin_client, proposal, "Here is the date of our first meeting.")

    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.ACCEPTED
    assert OutgoingEmail.objects.filter(subject__contains="Romano Drom").count() == 1


def test_the_answer_is_among_the_latest_decisions_with_who_gave_it(admin_client, django_user_model):
    colleague = django_user_model.objects.create_user(
        "participant-3fa2", first_name="Ana", last_name="Costa", is_staff=True
    )
    answer_proposal(make_proposal(name="Romano Drom"), colleague, "Merci.")

    home = admin_client.get("/admin/").content.decode()
    decisions = home.split('id="latest-decisions"', 1)[1]

    assert "Proposal answered" in decisions
    assert "Romano Drom" in decisions and "Ana Costa" in decisions


def test_staff_keep_a_note_on_a_proposal_that_is_never_sent(admin_client, admin_user):
    proposal = make_proposal(language="en", note="Met them at the Strasbourg session.")
    page = change_page(admin_client, proposal)
    assert 'name="note"' in page and "Met them at the Strasbourg session." in page

    answer(admin_client, proposal, "Thank you.")
    accept_proposal(proposal, admin_user)

    bodies = [email.body for email in OutgoingEmail.objects.all()]
    assert len(bodies) == 2
    assert not any("Strasbourg session" in body for body in bodies)
