"""French elision where a sentence puts "de" before a name it is given: a member's page reads
"Toutes les pratiques d'Anvers", an organisation's e-mail "la proposition de coopération
d'Association Romani Rota"; a name that starts with a consonant keeps "de"."""

import pytest
from django.core import mail

from cooperation.services import accept_proposal
from tests.factories import make_member, make_practice, make_proposal

pytestmark = pytest.mark.django_db


def test_a_member_page_in_french_elides_before_the_members_name(client):
    antwerp = make_member(name="Antwerpen", display_name_en="Antwerp", display_name_fr="Anvers")
    make_practice(members=[antwerp])
    lyon = make_member(name="Lyon")
    make_practice(members=[lyon])

    english = client.get(f"/en/members/{antwerp.slug}/").content.decode()
    french = client.get(f"/fr/members/{antwerp.slug}/").content.decode()
    consonant = client.get(f"/fr/members/{lyon.slug}/").content.decode()

    assert "Toutes les pratiques d’Anvers" in french
    assert "Toutes les pratiques de Anvers" not in french
    assert "All practices of Antwerp" in english
    assert "Toutes les pratiques de Lyon" in consonant


def test_the_acceptance_e_mail_in_french_elides_before_the_organisations_name(
    admin_user, django_capture_on_commit_callbacks
):
    proposal = make_proposal(name="Association Romani Rota", language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        accept_proposal(proposal, admin_user)

    (message,) = mail.outbox
    assert "la proposition de coopération d’Association Romani Rota avec" in message.body
    assert "de Association" not in message.body
