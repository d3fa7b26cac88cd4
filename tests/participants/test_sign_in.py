"""Signing in by an e-mailed link: no enumeration, one use, 15 minutes, rate limits, and no
way in for a removed contact or the contact of a member that left."""

import re
import time

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from members import services as member_services
from members.models import Member
from participants.models import ContactPerson
from tests.factories import make_contact_person, make_member

from .conftest import SPACE, ask_for_link, link_in_mail, sign_in, token_of

pytestmark = pytest.mark.django_db


def test_a_contact_person_gets_a_link_by_email(client, contact):
    response = ask_for_link(client, contact.email)

    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == [contact.email]
    assert message.subject == "Your link to sign in to the Alliance members’ space"
    assert "15 minutes" in message.body
    assert link_in_mail(contact.email).startswith("http://127.0.0.1:8000/en/participants/sign-in/")


def test_the_page_says_the_same_whether_or_not_the_address_is_known(client, contact):
    known = client.get(ask_for_link(client, contact.email)["Location"])
    unknown = client.get(ask_for_link(client, "nobody@example.org")["Location"])

    assert known.status_code == unknown.status_code == 200
    assert known.content.decode().replace(contact.email, "ADDRESS") == (
        unknown.content.decode().replace("nobody@example.org", "ADDRESS")
    )
    assert [m.to for m in mail.outbox] == [[contact.email]]


def test_opening_the_link_shows_a_button_and_signs_in_nobody(client, contact):
    ask_for_link(client, contact.email)
    response = client.get(link_in_mail(contact.email).replace("http://127.0.0.1:8000", ""))

    assert response.status_code == 200
    assert "Sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_the_button_signs_in_and_opens_the_space(client, contact):
    sign_in(client, contact.email)

    response = client.get(SPACE)
    assert response.status_code == 200
    assert "Signed in as Zuzana Horváthová, for Košice" in response.content.decode()
    assert client.session.get_expiry_age() == 8 * 3600


def test_the_session_lasts_as_configured(client, contact, settings):
    settings.PARTICIPANT_SESSION_SECONDS = 1800
    sign_in(client, contact.email)
    assert client.session.get_expiry_age() == 1800


def test_a_link_signs_in_once(client, contact):
    ask_for_link(client, contact.email)
    token = token_of(link_in_mail(contact.email))
    assert client.post("/en/participants/sign-in/", {"sesame": token}).status_code == 302
    client.logout()

    again = client.post("/en/participants/sign-in/", {"sesame": token})
    opened = client.get(f"/en/participants/sign-in/?sesame={token}")

    assert again.status_code == opened.status_code == 400
    assert "This link does not work" in again.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_link_expires_after_15_minutes(client, contact, monkeypatch):
    ask_for_link(client, contact.email)
    token = token_of(link_in_mail(contact.email))
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr("sesame.tokens_v2.time.time", lambda: later)

    response = client.post("/en/participants/sign-in/", {"sesame": token})

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_a_link_still_works_within_15_minutes(client, contact, monkeypatch):
    ask_for_link(client, contact.email)
    token = token_of(link_in_mail(contact.email))
    later = time.time() + 14 * 60
    monkeypatch.setattr("sesame.tokens_v2.time.time", lambda: later)

    assert client.post("/en/participants/sign-in/", {"sesame": token}).status_code == 302


@pytest.mark.parametrize("token", ["", "x", "AAAAAAAAAAAAAAAAAAAAAAAA", "é" * 30, "A" * 5000])
def test_a_tampered_link_is_a_clear_page_not_an_error(client, contact, token):
    ask_for_link(client, contact.email)
    real = token_of(link_in_mail(contact.email))

    for bad in (token, real[:-2] + ("AA" if not real.endswith("AA") else "BB")):
        response = client.post("/en/participants/sign-in/", {"sesame": bad})
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_removed_contact_gets_no_link_and_their_link_stops_working(client, contact):
    ask_for_link(client, contact.email)
    token = token_of(link_in_mail(contact.email))
    ContactPerson.objects.filter(pk=contact.pk).update(active=False)
    mail.outbox.clear()

    assert client.post("/en/participants/sign-in/", {"sesame": token}).status_code == 400
    ask_for_link(client, contact.email)
    assert mail.outbox == []


def test_a_contact_of_a_member_that_left_cannot_sign_in_and_is_signed_out(
    client, contact, secretariat
):
    sign_in(client, contact.email)
    member_services.mark_left(contact.member, secretariat)

    response = client.get(SPACE + "profile/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    mail.outbox.clear()
    ask_for_link(client, contact.email)
    assert mail.outbox == []


def test_links_are_limited_per_address_and_the_extra_requests_are_answered_the_same(
    client, contact, settings
):
    settings.FORM_RATE_LIMIT_PER_EMAIL = 2
    for _attempt in range(2):
        assert ask_for_link(client, contact.email).status_code == 302

    extra = ask_for_link(client, contact.email)

    # Sent nothing, and said so to nobody: the page is the one every address gets.
    assert extra.status_code == 302
    assert extra["Location"] == SPACE + "link-sent/"
    assert len(mail.outbox) == 2


def test_the_links_limit_passes_with_its_window(client, contact, settings, monkeypatch):
    settings.FORM_RATE_LIMIT_PER_EMAIL = 1
    ask_for_link(client, contact.email)
    ask_for_link(client, contact.email)
    assert len(mail.outbox) == 1
    later = time.time() + settings.FORM_RATE_WINDOW_PER_EMAIL
    monkeypatch.setattr("core.protection.time.time", lambda: later)

    ask_for_link(client, contact.email)

    assert len(mail.outbox) == 2


def test_requests_are_limited_per_client_address(client, contact, settings):
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 1
    assert ask_for_link(client, contact.email).status_code == 302
    assert ask_for_link(client, "someone.else@example.org").status_code == 429


def test_an_address_of_two_members_chooses_which_one(client, contact):
    second = make_contact_person(
        make_member(name="Prešov", country="SK"), email=contact.email.upper()
    )
    sign_in(client, contact.email)

    response = client.get(SPACE)
    assert response.status_code == 302
    assert response["Location"] == SPACE + "choose/"
    page = client.get(SPACE + "choose/").content.decode()
    assert "Košice" in page and "Prešov" in page

    client.post(SPACE + "choose/", {"member": second.member_id})
    assert "for Prešov" in client.get(SPACE).content.decode()
    client.post(SPACE + "choose/", {"member": contact.member_id})
    assert "for Košice" in client.get(SPACE).content.decode()


def test_choosing_a_member_one_is_not_a_contact_of_is_ignored(client, contact, other_member):
    make_contact_person(make_member(name="Prešov", country="SK"), email=contact.email)
    sign_in(client, contact.email)

    client.post(SPACE + "choose/", {"member": other_member.pk})

    assert client.get(SPACE)["Location"] == SPACE + "choose/"


def test_staff_login_is_unchanged_and_a_link_never_signs_in_staff(client, secretariat):
    from participants import auth

    secretariat.email = "staff@example.org"
    secretariat.save()
    token = auth.link_query(secretariat).split("=", 1)[1]

    assert client.post("/en/participants/sign-in/", {"sesame": token}).status_code == 400
    assert client.login(username="secretariat", password="a long password 42")


def test_approving_a_join_request_makes_its_contact_the_first_contact_person(
    secretariat, django_capture_on_commit_callbacks
):
    request = make_member(
        name="Oulu",
        country="FI",
        status=Member.Status.PENDING,
        contact_name="Aino Virtanen",
        contact_role="Mayor’s office",
        contact_email="aino@ouka.fi",
        language="fr",
        requested_at=timezone.now(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        member_services.approve_member(request, secretariat)
        member_services.approve_member(request, secretariat)

    (contact,) = request.contact_persons.all()
    assert (contact.name, contact.role, contact.email, contact.language) == (
        "Aino Virtanen",
        "Mayor’s office",
        "aino@ouka.fi",
        "fr",
    )
    approval = next(m for m in mail.outbox if m.to == ["aino@ouka.fi"])
    assert "/fr/participants/" in approval.body


IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def work_of(sql):
    """What a query does and to which table, whatever its values."""
    table = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)', sql)
    return sql.split(None, 1)[0].upper(), table[1] if table else ""


def test_the_request_does_the_same_work_for_a_known_and_an_unknown_address(
    contact, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS

    def ask(email):
        with CaptureQueriesContext(connection) as queries:
            response = Client().post(SPACE, {"email": email})
        assert response.status_code == 302
        return [work_of(query["sql"]) for query in queries]

    known = ask(contact.email)
    unknown = ask("nobody@example.org")

    assert known == unknown
    assert ("INSERT", "django_tasks_database_dbtaskresult") in known
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [task.task_path for task in tasks] == ["participants.tasks.send_sign_in_link"] * 2
    # The tasks carry no address.
    assert "kosice" not in str([task.args_kwargs for task in tasks])
    assert mail.outbox == []

    # The worker runs them: the contact person gets their link, the unknown address nothing.
    settings.TASKS = IMMEDIATE_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        for task in tasks:
            task.task.call(*task.args_kwargs["args"], **task.args_kwargs["kwargs"])
    assert [message.to for message in mail.outbox] == [[contact.email]]
    assert link_in_mail(contact.email)


def test_a_stranger_using_a_contacts_address_on_the_contact_form_does_not_stop_them_signing_in(
    client, contact
):
    stranger = Client()

    def message(n):
        return stranger.post(
            "/en/contact/",
            {
                "name": "A stranger",
                "email": contact.email,
                "subject": "membership",
                "message": f"Message number {n}",
                "privacy_consent": "on",
            },
        )

    assert [message(n).status_code for n in range(4)] == [302, 302, 302, 429]

    response = ask_for_link(client, contact.email)

    assert response.status_code == 302
    assert response["Location"] == SPACE + "link-sent/"
    assert link_in_mail(contact.email)


def test_a_stranger_asking_for_many_links_for_one_address_is_never_refused(client, contact):
    stranger = Client()
    answers = {ask_for_link(stranger, "someone@example.org").status_code for _ in range(6)}

    assert answers == {302}
    assert ask_for_link(client, contact.email).status_code == 302
    assert link_in_mail(contact.email)


def shown_form(client):
    """The sign-in page's hidden token, as a browser posts it back."""
    page = client.get(SPACE).content.decode()
    return {"shown_at": re.search(r'name="shown_at" value="([^"]+)"', page)[1]}


def test_a_contact_whose_browser_filled_the_address_is_sent_a_link_a_second_later(
    client, contact, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.FORM_MIN_FILL_SECONDS = 3
    token = shown_form(client)
    later = time.time() + 1
    monkeypatch.setattr("core.protection.time.time", lambda: later)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SPACE, {"email": contact.email, **token})

    assert response.status_code == 302
    assert link_in_mail(contact.email)


def test_a_sign_in_form_refused_as_a_programs_says_so_once(
    client, contact, settings, django_capture_on_commit_callbacks
):
    settings.FORM_MIN_FILL_SECONDS = 3

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SPACE, {"email": contact.email, "nickname": "filled", **shown_form(client)}
        )

    assert response.status_code == 400
    assert response.content.decode().count("as if a program had filled it in") == 1
    assert f'value="{contact.email}"' in response.content.decode()
    assert mail.outbox == []
