"""The outbox keeps each e-mail's recipients as a list: an address may hold a comma."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from background.models import OutgoingEmail
from members.models import Member

pytestmark = pytest.mark.django_db

QUOTED = '"a@x,b"@example.org'
migration = import_module("background.migrations.0002_outgoing_email_recipients_as_a_list")


def test_an_address_with_a_comma_gets_its_acknowledgement_exactly_there(
    client, join_data, smtp_server, database_tasks, django_capture_on_commit_callbacks
):
    smtp_server.start()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/join/", {**join_data, "contact_email": QUOTED})
    assert response.status_code == 302
    assert Member.objects.get().contact_email == QUOTED

    database_tasks()

    acknowledgement = OutgoingEmail.objects.get(subject__startswith="Your request")
    assert acknowledgement.state == OutgoingEmail.State.SENT, acknowledgement.last_error
    assert acknowledgement.to == [QUOTED]
    (recipients,) = [rcpt for rcpt, _text in smtp_server.inbox.received if QUOTED in rcpt]
    assert recipients == [QUOTED]


def test_staff_see_the_recipients_as_typed_and_find_them(admin_client):
    OutgoingEmail.objects.create(
        to=[QUOTED, "mayor@graz.example.org"], subject="Hello", body="Hi", from_email="n@x.org"
    )

    listed = admin_client.get("/admin/background/outgoingemail/", {"q": "graz.example.org"})

    assert "&quot;a@x,b&quot;@example.org, mayor@graz.example.org" in listed.text


@pytest.mark.parametrize(
    ("stored", "recipients"),
    [
        ("mayor@example.org", ["mayor@example.org"]),
        ("a@example.org, b@example.org", ["a@example.org", "b@example.org"]),
        (QUOTED, [QUOTED]),
        (f"{QUOTED}, c@example.org", [QUOTED, "c@example.org"]),
        (
            '"Smith, Anna" <anna@example.org>, b@example.org',
            ['"Smith, Anna" <anna@example.org>', "b@example.org"],
        ),
        ("a@example.org,, <b@example.org", ["a@example.org", "<b@example.org"]),
    ],
)
def test_the_addresses_stored_as_text_before_become_a_list(stored, recipients):
    assert migration.as_list(stored) == recipients


@pytest.mark.django_db(transaction=True)
def test_migrating_turns_the_stored_text_into_lists():
    executor = MigrationExecutor(connection)
    before = [("background", "0001_outbox_and_schedule")]
    latest = executor.loader.graph.leaf_nodes("background")
    executor.migrate(before)
    old = MigrationExecutor(connection).loader.project_state(before).apps
    OldEmail = old.get_model("background", "OutgoingEmail")
    made = OldEmail.objects.create(
        to=f"{QUOTED}, mayor@graz.example.org", subject="Hi", body="", from_email="n@x.org"
    )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(latest)

    assert OutgoingEmail.objects.get(pk=made.pk).to == [QUOTED, "mayor@graz.example.org"]
