"""Staff review a join request from what they decide on: the queue shows each request's
contact, country and the start of its motivation; a request's page opens on its motivation
and contact person. Records staff only read and decide on have no Save buttons."""

import pytest
from django.contrib.auth.models import Permission

from contact.models import ContactMessage
from members.models import Member
from participants.services import propose_changes
from tests.factories import make_contact_person, make_member

pytestmark = pytest.mark.django_db

MOTIVATION = (
    "Our city council adopted a local Roma inclusion strategy in 2024 and wishes to learn from "
    "the other members about housing and early schooling."
)


@pytest.fixture
def request_of_graz():
    return make_member(
        name="Graz",
        country="AT",
        status=Member.Status.PENDING,
        contact_name="Petra Huber",
        contact_email="petra.huber@graz.example.org",
        motivation=MOTIVATION,
    )


def test_the_queue_shows_contact_country_and_the_start_of_the_motivation(
    admin_client, request_of_graz
):
    page = admin_client.get("/admin/members/member/").content.decode()

    assert "Petra Huber · petra.huber@graz.example.org" in page
    assert "Austria" in page
    assert MOTIVATION[:60] in page
    assert MOTIVATION not in page  # only its start
    # Columns always empty for a request waiting for a decision are not drawn.
    assert "column-joined_on" not in page
    assert "column-decided_by" not in page


def test_the_list_of_members_keeps_its_columns(admin_client, request_of_graz):
    make_member(name="Strasbourg")

    page = admin_client.get("/admin/members/member/?status=approved").content.decode()

    assert "column-joined_on" in page
    assert "column-motivation_start" not in page


def test_a_join_request_opens_on_its_motivation_and_contact(admin_client, request_of_graz):
    page = admin_client.get(f"/admin/members/member/{request_of_graz.pk}/change/")
    html = page.content.decode()

    motivation = html.index(MOTIVATION)
    contact = html.index('value="petra.huber@graz.example.org"')
    assert motivation < html.index('name="website"')
    assert contact < html.index('name="website"')
    assert motivation < html.index('name="population"')
    assert 'class="module aligned collapse"' in html  # the public profile and map, folded


def test_an_approved_member_opens_on_its_authority(admin_client):
    member = make_member(motivation=MOTIVATION)
    html = admin_client.get(f"/admin/members/member/{member.pk}/change/").content.decode()

    assert html.index('name="population"') < html.index(MOTIVATION)


def test_a_contact_message_saves_only_its_staff_note(admin_client):
    message = ContactMessage.objects.create(name="Jana", email="jana@example.org", message="Hi")
    page = f"/admin/contact/contactmessage/{message.pk}/change/"

    html = admin_client.get(page).content.decode()

    assert 'name="_continue"' not in html and 'name="_addanother"' not in html
    assert 'name="message"' not in html  # what the sender wrote is not edited
    assert "Mark as handled" in html  # the decision stays
    response = admin_client.post(page, {"note": "Called her back on Monday.", "_save": "Save"})
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.note == "Called her back on Monday."
    assert message.message == "Hi"


def test_a_change_request_has_no_save_buttons(admin_client):
    contact = make_contact_person(make_member(name="Graz"))
    change_request = propose_changes(contact, {"website": "https://graz.example.org"})

    html = admin_client.get(
        f"/admin/participants/profilechangerequest/{change_request.pk}/change/"
    ).content.decode()

    assert 'name="_save"' not in html
    assert 'name="_continue"' not in html
    assert "Approve and publish" in html


def test_a_member_s_page_keeps_its_save_button(admin_client):
    member = make_member()

    html = admin_client.get(f"/admin/members/member/{member.pk}/change/").content.decode()

    assert 'name="_save"' in html


def test_staff_who_may_only_view_a_message_see_no_decision(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_contactmessage"))
    client.force_login(viewer)
    message = ContactMessage.objects.create(name="Jana", email="jana@example.org", message="Hi")

    html = client.get(f"/admin/contact/contactmessage/{message.pk}/change/").content.decode()

    assert "Mark as handled" not in html
