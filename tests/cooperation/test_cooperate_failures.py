"""A proposal the database fails to store leaves nothing behind and comes back as typed; the
optional fields may be left empty."""

import pytest
from django.core import mail
from django.db import DatabaseError, connection

from background.models import OutgoingEmail
from cooperation.models import Proposal

pytestmark = pytest.mark.django_db

URL = "/en/cooperate/"


def test_a_proposal_the_database_fails_to_finish_leaves_nothing_and_comes_back_as_typed(
    client, proposal_data, django_capture_on_commit_callbacks
):
    def refuse_the_themes(execute, sql, params, many, context):
        # The proposal is stored, then its themes fail.
        if sql.startswith("INSERT") and 'INTO "cooperation_proposal_themes"' in sql:
            raise DatabaseError("disk I/O error")
        return execute(sql, params, many, context)

    with (
        connection.execute_wrapper(refuse_the_themes),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(URL, proposal_data)

    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "the site could not store it just now, and kept nothing of it" in page
    assert proposal_data["proposal"].replace("'", "&#x27;") in page
    assert not Proposal.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert mail.outbox == []

    assert client.post(URL, proposal_data).status_code == 302
    assert Proposal.objects.get().themes.count() == 1


def test_a_proposal_without_a_role_in_the_organisation_is_accepted(client, proposal_data):
    response = client.post(URL, {**proposal_data, "contact_role": ""})

    assert response.status_code == 302
    assert Proposal.objects.get().contact_role == ""


@pytest.mark.parametrize("themes", ["99999999999999999999", "-99999999999999999999", "x"])
def test_a_theme_that_cannot_exist_is_refused_as_a_mistake(client, proposal_data, themes):
    response = client.post(URL, {**proposal_data, "themes": [themes]})

    assert response.status_code == 200
    assert "The proposal could not be sent" in response.content.decode()
    assert not Proposal.objects.exists()
