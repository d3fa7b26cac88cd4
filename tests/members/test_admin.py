import datetime
import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from members import services
from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/members/member/"


def run_action(client, action, members, url=CHANGELIST, **fields):
    data = {"action": action, ACTION_CHECKBOX_NAME: [m.pk for m in members], **fields}
    return client.post(url, data, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def pending(**fields):
    return make_member(status=Member.Status.PENDING, contact_email="mayor@example.org", **fields)


# The list staff open first


def test_member_list_opens_on_pending_requests(officer_client):
    pending(name="Waiting Town")
    make_member(name="Approved Town")

    response = officer_client.get(CHANGELIST)
    content = response.content.decode()

    assert "Join requests awaiting a decision" in content
    assert "Waiting Town" in content
    assert "Approved Town" not in content


def test_member_list_shows_every_status_on_request(officer_client):
    pending(name="Waiting Town")
    make_member(name="Approved Town")

    all_members = officer_client.get(CHANGELIST, {"status": "all"}).content.decode()
    approved = officer_client.get(CHANGELIST, {"status": "approved"}).content.decode()

    assert "Waiting Town" in all_members and "Approved Town" in all_members
    assert "Approved Town" in approved and "Waiting Town" not in approved


def test_member_search_covers_every_status_and_the_contact(officer_client):
    make_member(name="Approved Town", contact_name="Zofia Nowak")

    content = officer_client.get(CHANGELIST, {"q": "nowak"}).content.decode()

    assert "Approved Town" in content


def test_change_form_of_a_pending_request_offers_approve_and_reject(officer_client):
    member = pending(name="Waiting Town")

    content = officer_client.get(f"{CHANGELIST}{member.pk}/change/").content.decode()

    assert "Approve this request" in content
    assert "Reject…" in content
    assert "View on site" not in content


def test_change_form_keeps_the_audit_fields_and_slug_read_only(officer_client):
    member = make_member(name="Approved Town")

    content = officer_client.get(f"{CHANGELIST}{member.pk}/change/").content.decode()

    assert 'name="slug"' not in content
    assert 'name="status"' not in content
    assert 'name="decided_by"' not in content
    assert 'name="name"' in content and 'name="latitude"' in content
    assert "View on site" in content


# Approve


def test_approving_from_the_list_publishes_the_member_and_tells_the_applicant(
    officer_client, officer, django_capture_on_commit_callbacks
):
    member = pending(name="Łódź", country="PL", language="fr")

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(officer_client, "approve_selected", [member])

    member.refresh_from_db()
    assert messages_of(response) == ["1 request approved."]
    assert member.status == Member.Status.APPROVED
    assert member.joined_on == timezone.localdate()
    assert member.decided_by == officer
    assert member.decided_at is not None
    assert [m.to for m in mail.outbox] == [["mayor@example.org"]]
    assert "Łódź, est désormais membre de l’Alliance" in mail.outbox[0].body
    # Written in the applicant's language: the link goes to the French page.
    assert f"/fr/members/{member.slug}/" in mail.outbox[0].body
    assert officer_client.get(member.get_absolute_url()).status_code == 200


def test_approving_twice_sends_one_mail_and_keeps_the_join_date(
    officer_client, django_capture_on_commit_callbacks
):
    member = pending(name="Łódź", country="PL")
    with django_capture_on_commit_callbacks(execute=True):
        run_action(officer_client, "approve_selected", [member])
    member.refresh_from_db()
    first_decision = member.decided_at
    Member.objects.filter(pk=member.pk).update(joined_on=datetime.date(2020, 1, 2))

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            officer_client, "approve_selected", [member], url=f"{CHANGELIST}?status=all"
        )

    member.refresh_from_db()
    assert len(mail.outbox) == 1
    assert member.joined_on == datetime.date(2020, 1, 2)
    assert member.decided_at == first_decision
    assert messages_of(response) == [
        "0 requests approved, 1 was not pending and was left as it was."
    ]


def test_approve_reports_how_many_were_already_approved(officer_client):
    waiting = [pending(name="Town A"), pending(name="Town B"), pending(name="Town C")]
    done = make_member(name="Town D")

    response = run_action(
        officer_client, "approve_selected", [*waiting, done], url=f"{CHANGELIST}?status=all"
    )

    assert messages_of(response) == [
        "3 requests approved, 1 was not pending and was left as it was."
    ]


def test_approve_keeps_a_join_date_staff_entered(officer):
    member = pending(name="Paper Town", joined_on=datetime.date(2017, 3, 15))

    services.approve_member(member, by=officer)

    assert member.joined_on == datetime.date(2017, 3, 15)


def test_approve_button_on_the_change_form_approves_that_member(officer_client):
    member = pending(name="Waiting Town")
    content = officer_client.get(f"{CHANGELIST}{member.pk}/change/").content.decode()
    form = re.search(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', content, re.S)
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2)))

    officer_client.post(form.group(1).replace("&amp;", "&"), fields)

    member.refresh_from_db()
    assert member.status == Member.Status.APPROVED


# Reject


def test_reject_asks_for_a_reason_first(officer_client):
    member = pending(name="Waiting Town")

    response = run_action(officer_client, "reject_selected", [member])

    member.refresh_from_db()
    assert member.status == Member.Status.PENDING
    assert "Reason, sent to the applicant" in response.content.decode()
    assert "mayor@example.org" in response.content.decode()


def test_reject_without_a_reason_is_refused(officer_client):
    member = pending(name="Waiting Town")

    response = run_action(officer_client, "reject_selected", [member], post="yes", reason="  ")

    member.refresh_from_db()
    assert member.status == Member.Status.PENDING
    assert "This field is required." in response.content.decode()


def test_reject_with_a_reason_records_it_and_tells_the_applicant(
    officer_client, officer, django_capture_on_commit_callbacks
):
    member = pending(name="Waiting Town")

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            officer_client,
            "reject_selected",
            [member],
            post="yes",
            reason="Only local and regional authorities can join.",
        )

    member.refresh_from_db()
    assert messages_of(response) == ["1 request rejected."]
    assert member.status == Member.Status.REJECTED
    assert member.rejection_reason == "Only local and regional authorities can join."
    assert member.decided_by == officer
    assert member.joined_on is None
    assert len(mail.outbox) == 1
    assert "Only local and regional authorities can join." in mail.outbox[0].body


def test_reject_leaves_an_approved_member_alone(officer_client):
    member = make_member(name="Approved Town")

    run_action(
        officer_client,
        "reject_selected",
        [member],
        url=f"{CHANGELIST}?status=all",
        post="yes",
        reason="Mistake",
    )

    member.refresh_from_db()
    assert member.status == Member.Status.APPROVED
    assert member.rejection_reason == ""


def test_rejecting_twice_sends_one_mail(officer, django_capture_on_commit_callbacks):
    member = pending(name="Waiting Town")

    with django_capture_on_commit_callbacks(execute=True):
        first = services.reject_member(member, officer, "Not an authority.")
        second = services.reject_member(member, officer, "Another reason.")

    assert (first, second) == (True, False)
    assert len(mail.outbox) == 1
    assert member.rejection_reason == "Not an authority."


# Leaving


def test_marking_a_member_as_left_removes_it_from_the_public_pages(officer_client, client):
    member = make_member(name="Leaving Town")

    response = run_action(
        officer_client,
        "mark_left_selected",
        [member],
        url=f"{CHANGELIST}?status=approved",
        post="yes",
        left_on="2024-12-31",
    )

    member.refresh_from_db()
    assert messages_of(response) == ["1 member marked as having left."]
    assert member.status == Member.Status.LEFT
    assert member.left_on == datetime.date(2024, 12, 31)
    assert client.get(member.get_absolute_url()).status_code == 404


def test_mark_left_does_not_touch_a_pending_request(officer):
    member = pending(name="Waiting Town")

    assert services.mark_left(member, officer) is False
    assert member.status == Member.Status.PENDING


# Permissions


def test_membership_officers_have_exactly_the_permissions_the_work_needs():
    group = Group.objects.get(name="Membership officers")

    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))

    assert codenames == {
        ("members", "view_member"),
        ("members", "add_member"),
        ("members", "change_member"),
        ("declarations", "view_signature"),
        ("declarations", "view_declaration"),
    }


def test_membership_officers_cannot_delete_members_or_manage_users_or_news(officer_client, officer):
    member = make_member(name="Approved Town")

    assert officer_client.get(f"{CHANGELIST}{member.pk}/delete/").status_code == 403
    assert officer_client.get("/admin/auth/user/").status_code == 403
    assert not officer.has_perm("news.change_article")
    assert not officer.has_perm("news.view_article")


def test_staff_without_the_change_permission_cannot_approve(client, django_user_model):
    viewer = django_user_model.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(
        *Group.objects.get(name="Membership officers").permissions.filter(codename="view_member")
    )
    client.force_login(viewer)
    member = pending(name="Waiting Town")

    client.post(CHANGELIST, {"action": "approve_selected", ACTION_CHECKBOX_NAME: [member.pk]})

    member.refresh_from_db()
    assert member.status == Member.Status.PENDING


def test_visitors_cannot_reach_the_member_admin(client):
    response = client.get(CHANGELIST)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
