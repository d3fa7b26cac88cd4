"""Staff answer a contact message or an NGO's proposal from its page: a link opens their
mail program on the answer, to the sender, its subject in the sender's language."""

from urllib.parse import quote

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from background.models import OutgoingEmail
from contact.models import ContactMessage
from tests.factories import make_proposal

pytestmark = pytest.mark.django_db


def test_a_contact_message_is_answered_to_its_sender_in_their_language(admin_client):
    message = ContactMessage.objects.create(
        name="Jana Novak",
        email="jana@example.org",
        subject=ContactMessage.Subject.PRESS,
        message="Bonjour",
        language="fr",
    )
    with translation.override("fr"):
        subject = _("Re: %(subject)s") % {"subject": ContactMessage.Subject.PRESS.label}
    assert "presse" in subject.lower()  # the sender's language

    html = admin_client.get(f"/admin/contact/contactmessage/{message.pk}/change/").content.decode()

    assert f'href="mailto:jana%40example.org?subject={quote(subject)}"' in html
    assert "Write to Jana Novak" in html
    assert "They wrote in French: answer in it." in html


def test_a_proposal_is_answered_to_its_contact_person(admin_client):
    proposal = make_proposal(name="Romano Drom", contact_name="Kata Horváth", language="en")

    html = admin_client.get(f"/admin/cooperation/proposal/{proposal.pk}/change/").content.decode()

    subject = quote("Your proposal of cooperation: Romano Drom")
    assert f'href="mailto:kata%40example.org?subject={subject}"' in html
    assert "Write to Kata Horváth" in html


@pytest.fixture
def french_message():
    return ContactMessage.objects.create(
        name="Jana Novak",
        email="jana@example.org",
        subject=ContactMessage.Subject.PRESS,
        message="Pouvez-vous nous envoyer le dossier de presse ?",
        language="fr",
    )


def answer(client, message, text=None):
    data = {"action": "answer_selected", "_selected_action": [message.pk]}
    if text is not None:
        data.update(post="yes", text=text)
    return client.post("/admin/contact/contactmessage/", data, follow=True)


def test_staff_answer_a_message_in_the_sender_s_language_and_it_is_kept(
    admin_client, admin_user, french_message
):
    form = answer(admin_client, french_message)
    assert "Send the answer" in form.content.decode()
    assert OutgoingEmail.objects.count() == 0  # nothing sent before the answer is written

    done = answer(admin_client, french_message, "Le dossier est en pièce jointe du site.")

    assert "1 answer sent." in done.content.decode()
    [email] = OutgoingEmail.objects.all()
    assert email.to == ["jana@example.org"]
    assert email.language == "fr"
    assert email.subject.startswith("Re")
    assert email.subject.endswith("Presse et médias")  # the subject, in French
    assert "Le dossier est en pièce jointe du site." in email.body
    assert "Pouvez-vous nous envoyer le dossier de presse" in email.body  # their message
    french_message.refresh_from_db()
    assert french_message.answer == "Le dossier est en pièce jointe du site."
    assert french_message.answered_by == admin_user
    assert french_message.handled_by == admin_user and french_message.handled_at is not None
    page = admin_client.get(f"/admin/contact/contactmessage/{french_message.pk}/change/")
    assert "Le dossier est en pièce jointe du site." in page.content.decode()


def test_a_message_is_answered_once(admin_client, french_message):
    answer(admin_client, french_message, "Voici.")

    again = answer(admin_client, french_message, "Voici encore.")

    assert "0 answers sent, 1 was already answered." in again.content.decode()
    assert OutgoingEmail.objects.count() == 1
    french_message.refresh_from_db()
    assert french_message.answer == "Voici."


def test_an_answer_keeps_who_handled_the_message_first(
    admin_client, django_user_model, french_message
):
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    from contact.services import mark_handled

    mark_handled(french_message, colleague)

    answer(admin_client, french_message, "Voici.")

    french_message.refresh_from_db()
    assert french_message.answer == "Voici."
    assert french_message.handled_by == colleague


def test_a_staff_note_on_a_message_is_never_sent(admin_client, french_message):
    french_message.note = "Sent the press kit by post as well."
    french_message.save()

    answer(admin_client, french_message, "Voici le dossier.")

    [email] = OutgoingEmail.objects.all()
    assert "press kit by post" not in email.body
    page = admin_client.get(f"/admin/contact/contactmessage/{french_message.pk}/change/")
    assert "Sent the press kit by post as well." in page.content.decode()
