"""Staff answer a contact message or an NGO's proposal from its page: a link opens their
mail program on the answer, to the sender, its subject in the sender's language."""

from urllib.parse import quote

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

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
