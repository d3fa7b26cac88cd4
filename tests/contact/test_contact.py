import logging

import pytest
from django.core import mail
from django.template.loader import render_to_string

from background.models import OutgoingEmail
from contact.models import ContactMessage
from contact.services import mark_handled
from core.mail import send_now
from tests.factories import make_secretariat_contact

pytestmark = pytest.mark.django_db

URL = "/en/contact/"
FAILING_MAIL = {"default": {"BACKEND": "tests.members.failing_mail.EmailBackend"}}


@pytest.mark.parametrize("language", ["en", "fr"])
def test_contact_page_lists_the_secretariat_in_the_visitors_language(client, language):
    make_secretariat_contact()

    content = client.get(f"/{language}/contact/").content.decode()

    assert "Ana Costa" in content
    role = "Head of the Alliance" if language == "en" else "Cheffe de la Task Force"
    assert role in content
    assert 'href="mailto:alliance@example.org"' in content
    assert 'href="tel:+33388412000"' in content
    assert "F-67075 Strasbourg Cedex" in content
    assert 'name="nickname"' in content  # the honeypot


def test_bare_contact_path_redirects_to_the_language(client):
    response = client.get("/contact/")
    assert response.status_code == 302
    assert response["Location"] == "/en/contact/"


def test_a_message_is_stored_and_notified_to_the_managers(
    client, message_data, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, message_data)

    assert response.status_code == 302
    message = ContactMessage.objects.get()
    assert message.email == "jana.novak@example.org"
    assert message.language == "en"
    assert not message.is_handled
    (notice,) = mail.outbox
    assert notice.to == ["secretariat@example.org"]
    assert "Jana Novák" in notice.subject
    assert "How does a region join the Alliance?" in notice.body
    thanks = client.get(response["Location"]).content.decode()
    assert "jana.novak@example.org" in thanks


def test_a_message_is_kept_when_mail_is_down(
    client, message_data, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = FAILING_MAIL
    with (
        caplog.at_level(logging.WARNING, logger="background.outbox"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(URL, message_data)

    assert response.status_code == 302
    assert ContactMessage.objects.get().message == "How does a region join the Alliance?"
    # The managers' notice waits in the outbox for the mail server to answer again.
    (notice,) = OutgoingEmail.objects.all()
    assert notice.state == OutgoingEmail.State.RETRYING
    assert "not sent" in caplog.text


def test_the_same_message_twice_is_stored_once(client, message_data):
    client.post(URL, message_data)
    again = client.post(URL, message_data)

    assert again.status_code == 429
    assert ContactMessage.objects.count() == 1
    assert "How does a region join the Alliance?" in again.content.decode()


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not an address"), ("message", ""), ("privacy_consent", ""), ("subject", "x")],
)
def test_bad_input_comes_back_with_nothing_stored(client, message_data, field, value):
    response = client.post(URL, {**message_data, field: value})

    assert response.status_code == 200
    assert "The message could not be sent" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_a_filled_honeypot_stores_nothing(client, message_data):
    response = client.post(URL, {**message_data, "nickname": "buy pills"})

    assert response.status_code == 400
    assert not ContactMessage.objects.exists()


def test_messages_never_reach_a_public_page(client, message_data):
    client.post(URL, message_data)

    assert "How does a region join" not in client.get(URL).content.decode()
    assert "jana.novak" not in client.get("/en/search/?q=region").content.decode()


def test_staff_list_messages_and_mark_them_handled_once(admin_client, admin_user, message_data):
    message = ContactMessage.objects.create(name="Jana", email="jana@example.org", message="Hello")

    listing = admin_client.get("/admin/contact/contactmessage/?handled=no").content.decode()
    assert "jana@example.org" in listing
    response = admin_client.post(
        "/admin/contact/contactmessage/",
        {"action": "mark_handled", "_selected_action": [message.pk]},
        follow=True,
    )

    assert "1 message marked as handled" in response.content.decode()
    message.refresh_from_db()
    assert message.is_handled and message.handled_by == admin_user
    assert mark_handled(message, admin_user) is False
    assert message.history.first().history_change_reason == "handled"


@pytest.mark.parametrize(
    "url", ["/en/privacy/", "/fr/privacy/", "/en/about/", "/en/members/", "/en/join/"]
)
def test_pages_link_to_the_contact_page(client, url):
    content = client.get(url).content.decode()
    language = url.split("/")[1]
    assert f'href="/{language}/contact/"' in content


@pytest.mark.parametrize("retry_minutes", [5, None])
def test_the_too_many_attempts_page_links_to_the_contact_page(retry_minutes):
    page = render_to_string("429.html", {"retry_minutes": retry_minutes})
    assert 'href="/en/contact/"' in page


def test_site_mail_carries_a_reply_to_that_reaches_a_person(
    settings, django_capture_on_commit_callbacks
):
    settings.REPLY_TO_EMAIL = ["alliance@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        send_now(
            "Subject", "contact/email/notify_managers.txt", {"message": None}, ["a@example.org"]
        )

    assert mail.outbox[0].reply_to == ["alliance@example.org"]


def test_the_sitemap_lists_the_contact_cooperation_and_data_pages(client):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/en/contact/", "/fr/contact/", "/en/cooperate/", "/en/data/"):
        assert f"http://testserver{path}" in sitemap


def test_contact_page_queries_are_bounded(client, django_assert_max_num_queries):
    for n in range(2):
        make_secretariat_contact(name=f"Person {n}")
    with django_assert_max_num_queries(6):
        client.get(URL)
    for n in range(20):
        make_secretariat_contact(name=f"Other {n}")
    with django_assert_max_num_queries(6):
        client.get(URL)
