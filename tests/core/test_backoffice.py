"""The admin opens on today's work: what waits, for the role that can act on it, then the
latest decisions; decisions are taken from a record's own page and lead back to the queue."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from contact.models import ContactMessage
from declarations.models import Signature
from events.models import Registration
from members import services as member_services
from members.models import Member
from practices.models import Practice
from tests.cooperation.test_cooperate import make_proposal
from tests.factories import (
    DAY,
    make_article,
    make_event,
    make_member,
    make_practice,
    make_registration,
    make_signature,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/"
MEMBERS = "/admin/members/member/"
SIGNATURES = "/admin/declarations/signature/"


def staff_in(django_user_model, client, username, group=None, superuser=False):
    if superuser:
        user = django_user_model.objects.create_superuser(username, f"{username}@example.org", "x")
    else:
        user = django_user_model.objects.create_user(
            username, f"{username}@example.org", "x", is_staff=True
        )
        user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    return user


def counts_on_home(client):
    """{label: count} of the "Waiting for you" table."""
    html = client.get(HOME).content.decode()
    table = html.split('id="todays-work"', 1)[1].split("</table>", 1)[0]
    return {
        label: int(count)
        for label, count in re.findall(
            r'<a href="[^"]+">([^<]+)</a></th>\s*<td class="work-count">(\d+)</td>', table
        )
    }


@pytest.fixture
def waiting_work():
    make_member(name="Graz", country="AT", status=Member.Status.PENDING)
    make_member(name="Košice", country="SK", status=Member.Status.PENDING)
    make_member(name="Strasbourg", country="FR")
    make_signature(status=Signature.Status.PENDING, email_confirmed_at=timezone.now())
    make_signature(status=Signature.Status.PENDING)
    make_signature(status=Signature.Status.VERIFIED)
    make_article(title="Soon", published_at=timezone.now() + datetime.timedelta(days=1))
    # Its confirmation link expired long ago: it will never be confirmed.
    expired = make_signature(status=Signature.Status.PENDING)
    Signature.objects.filter(pk=expired.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    make_practice(title="Submitted", status=Practice.Status.SUBMITTED)
    make_practice(title="Draft", status=Practice.Status.DRAFT)
    make_proposal(name="Romano Drom")
    make_proposal(name="Answered", status="accepted")
    ContactMessage.objects.create(name="Jana", email="jana@example.org", message="Hello")
    coming, over = make_event(), make_event(starts_in=-DAY * 30)
    make_registration(coming, status=Registration.Status.WAITING)
    make_registration(over, status=Registration.Status.WAITING)
    make_registration(coming)


def test_a_superuser_sees_every_count_of_today_s_work(client, django_user_model, waiting_work):
    staff_in(django_user_model, client, "boss", superuser=True)

    counts = counts_on_home(client)

    assert counts["Join requests waiting for a decision"] == 2
    assert counts["Signatures confirmed and waiting for verification"] == 1
    assert counts["Signatures never confirmed, their link expired"] == 1
    assert counts["Articles scheduled to go live"] == 1
    assert counts["E-mails that failed"] == 0
    assert counts["Practices submitted for review"] == 1
    assert counts["NGO proposals waiting for an answer"] == 1
    assert counts["Contact messages not handled"] == 1
    assert counts["Registrations on the waiting list of coming events"] == 1


def test_a_membership_officer_sees_only_the_join_requests(client, django_user_model, waiting_work):
    staff_in(django_user_model, client, "officer", "Membership officers")

    assert counts_on_home(client) == {"Join requests waiting for a decision": 2}


def test_an_editor_sees_only_the_articles(client, django_user_model, waiting_work):
    staff_in(django_user_model, client, "editor", "Editors")

    # Editors also review practices (the group has their rights).
    assert counts_on_home(client) == {
        "Articles scheduled to go live": 1,
        "Practices submitted for review": 1,
    }


def test_an_editor_of_practices_sees_the_practices_to_review(
    client, django_user_model, waiting_work
):
    staff_in(django_user_model, client, "reviewer", "Editors of practices")

    assert counts_on_home(client)["Practices submitted for review"] == 1
    assert "Join requests waiting for a decision" not in counts_on_home(client)


def test_each_count_links_to_the_list_of_what_it_counts(client, django_user_model, waiting_work):
    staff_in(django_user_model, client, "boss", superuser=True)
    html = client.get(HOME).content.decode()

    links = dict(re.findall(r'<a href="([^"]+)">([^<]+)</a></th>', html))

    assert (
        links[f"{SIGNATURES}?review=waiting"] == "Signatures confirmed and waiting for verification"
    )
    assert links[f"{SIGNATURES}?review=expired"] == "Signatures never confirmed, their link expired"
    assert links["/admin/practices/practice/?status__exact=submitted"] == (
        "Practices submitted for review"
    )
    assert links["/admin/contact/contactmessage/?handled=no"] == "Contact messages not handled"
    assert links[MEMBERS] == "Join requests waiting for a decision"


def test_the_home_lists_the_latest_decisions_with_who_took_them(client, django_user_model):
    boss = staff_in(django_user_model, client, "boss", superuser=True)
    member_services.approve_member(
        make_member(name="Radenci", country="SI", status=Member.Status.PENDING), by=boss
    )

    html = client.get(HOME).content.decode()
    decisions = html.split('id="latest-decisions"', 1)[1]

    assert "Radenci" in decisions and "approved" in decisions and "boss" in decisions


def test_technical_sections_come_last_under_their_own_heading(client, django_user_model):
    staff_in(django_user_model, client, "boss", superuser=True)
    html = client.get(HOME).content.decode()

    heading = html.index("Technical and security")

    assert html.index("Members") < heading < html.index("Access attempts")
    assert heading < html.index("Users")


# Decisions where the record is


def test_a_signature_is_verified_from_its_own_page_and_staff_go_on_to_the_next(
    client, django_user_model
):
    staff_in(django_user_model, client, "boss", superuser=True)
    first, second = (
        make_signature(status=Signature.Status.PENDING, email_confirmed_at=timezone.now())
        for _ in range(2)
    )
    page = client.get(f"{SIGNATURES}{first.pk}/change/").content.decode()
    assert 'value="verify"' in page and "Verify, then the next" in page

    response = client.post(
        f"{SIGNATURES}?review=all",
        {"action": "verify", "_selected_action": [first.pk], "then": "next"},
    )

    first.refresh_from_db()
    assert first.status == Signature.Status.VERIFIED
    assert response.url == f"{SIGNATURES}{second.pk}/change/"


def test_an_unconfirmed_form_signature_offers_no_verify_button(client, django_user_model):
    staff_in(django_user_model, client, "boss", superuser=True)
    signature = make_signature(status=Signature.Status.PENDING)

    page = client.get(f"{SIGNATURES}{signature.pk}/change/").content.decode()

    assert 'value="verify"' not in page
    assert 'value="reject"' in page


def test_after_the_last_request_of_the_queue_staff_return_to_the_queue(client, django_user_model):
    staff_in(django_user_model, client, "boss", superuser=True)
    only = make_member(name="Radenci", country="SI", status=Member.Status.PENDING)

    response = client.post(
        f"{MEMBERS}?status=all",
        {"action": "approve_selected", "_selected_action": [only.pk], "then": "next"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == MEMBERS
    assert "Nothing else waits for a decision." in response.content.decode()
    only.refresh_from_db()
    assert only.status == Member.Status.APPROVED


def test_a_decision_from_the_page_returns_to_the_queue_not_the_full_list(client, django_user_model):
    staff_in(django_user_model, client, "boss", superuser=True)
    member = make_member(name="Radenci", country="SI", status=Member.Status.PENDING)

    response = client.post(
        f"{MEMBERS}?status=all",
        {"action": "approve_selected", "_selected_action": [member.pk], "then": "queue"},
    )

    assert response.url == MEMBERS


def test_the_signatures_list_opens_on_those_waiting_for_verification(client, django_user_model):
    staff_in(django_user_model, client, "boss", superuser=True)
    make_signature(
        full_name="Waiting Verifiable", status="pending", email_confirmed_at=timezone.now()
    )
    make_signature(full_name="Not Confirmed Yet", status="pending")
    make_signature(full_name="Already Verified")

    html = client.get(SIGNATURES).content.decode()

    assert "Waiting Verifiable" in html
    assert "Not Confirmed Yet" not in html and "Already Verified" not in html
    assert "Already Verified" in client.get(SIGNATURES + "?review=all").content.decode()


def test_an_article_is_published_from_its_own_page_by_staff_who_may_publish(
    client, django_user_model
):
    from news.models import Article

    staff_in(django_user_model, client, "editor", "Editors")
    draft = make_article(title="Fresh statement", status=Article.Status.DRAFT, published_at=None)
    page = client.get(f"/admin/news/article/{draft.pk}/change/").content.decode()
    assert 'value="publish_now"' in page

    client.post(
        "/admin/news/article/",
        {"action": "publish_now", "_selected_action": [draft.pk], "then": "queue"},
    )

    draft.refresh_from_db()
    assert draft.is_public


def test_staff_who_may_not_publish_see_no_publish_button(client, django_user_model):
    from news.models import Article

    user = django_user_model.objects.create_user("writer", "w@example.org", "x", is_staff=True)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_article", "change_article"])
    )
    client.force_login(user)
    draft = make_article(title="Fresh statement", status=Article.Status.DRAFT, published_at=None)

    page = client.get(f"/admin/news/article/{draft.pk}/change/").content.decode()

    assert 'value="publish_now"' not in page


def test_each_count_opens_a_list_of_as_many_rows(client, django_user_model, waiting_work):
    staff_in(django_user_model, client, "boss", superuser=True)
    html = client.get(HOME).content.decode()
    table = html.split('id="todays-work"', 1)[1].split("</table>", 1)[0]

    for url, count in re.findall(
        r'<a href="([^"]+)">[^<]+</a></th>\s*<td class="work-count">(\d+)</td>', table
    ):
        listed = client.get(url.replace("&amp;", "&")).context["cl"].result_count
        assert listed == int(count), url
