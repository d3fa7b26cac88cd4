"""Each staff group does its own work in the admin and cannot change anyone else's."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from declarations.models import Signature
from members.models import Member
from news.models import Article
from tests.factories import make_article, make_member, make_signature

pytestmark = pytest.mark.django_db

MEMBERS = reverse("admin:members_member_changelist")


def change_url(instance):
    opts = instance._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[instance.pk])


def member_form(member, **changes):
    """The member's change form as the admin posts it (read-only fields left out)."""
    data = {
        "name": member.name,
        "display_name_en": member.display_name_en or "",
        "display_name_fr": member.display_name_fr or "",
        "kind": member.kind,
        "country": member.country.code,
        "population": member.population or "",
        "website": member.website,
        "description_en": member.description_en or "",
        "description_fr": member.description_fr or "",
        "latitude": member.latitude,
        "longitude": member.longitude,
        "contact_name": member.contact_name,
        "contact_role": member.contact_role,
        "contact_email": member.contact_email,
        "contact_phone": member.contact_phone,
        "motivation": member.motivation,
        "joined_on": member.joined_on.isoformat() if member.joined_on else "",
    }
    return {**data, **changes}


def article_form(**changes):
    now = timezone.localtime()
    return {
        "title_en": "Housing for Roma families",
        "title_fr": "",
        "slug": "housing-for-roma-families",
        "kind": "news",
        "lead_en": "A new programme.",
        "body_en": "It **starts** today.",
        "status": "draft",
        "published_at_0": now.strftime("%Y-%m-%d"),
        "published_at_1": now.strftime("%H:%M:%S"),
        **changes,
    }


# Membership officers


def test_an_officer_opens_and_changes_a_member(client, officer):
    member = make_member(name="Graz", country="AT")
    client.force_login(officer)

    assert client.get(MEMBERS).status_code == 200
    assert client.get(change_url(member)).status_code == 200
    response = client.post(change_url(member), member_form(member, contact_phone="+43 316 1"))

    assert response.status_code == 302
    member.refresh_from_db()
    assert member.contact_phone == "+43 316 1"
    assert member.history.latest().history_user == officer


def test_an_officer_approves_a_request(client, officer):
    member = make_member(name="Graz", country="AT", status=Member.Status.PENDING)
    client.force_login(officer)

    response = client.post(
        MEMBERS, {"action": "approve_selected", "_selected_action": [member.pk]}, follow=True
    )

    assert "1 request approved." in response.text
    member.refresh_from_db()
    assert (member.status, member.decided_by) == (Member.Status.APPROVED, officer)
    assert client.get(member.get_absolute_url()).status_code == 200


def test_an_officer_cannot_change_an_article(client, officer):
    article = make_article(title="Mayors meet in Strasbourg")
    client.force_login(officer)

    assert client.get(reverse("admin:news_article_changelist")).status_code == 403
    assert client.get(change_url(article)).status_code == 403
    response = client.post(change_url(article), article_form(title_en="Changed"))

    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Mayors meet in Strasbourg"


def test_an_officer_cannot_change_a_user(client, officer, second_officer):
    client.force_login(officer)
    user_url = change_url(second_officer)

    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(user_url).status_code == 403
    assert client.post(user_url, {"username": "renamed", "is_superuser": "on"}).status_code == 403
    second_officer.refresh_from_db()
    assert (second_officer.username, second_officer.is_superuser) == ("officer2", False)


def test_an_officer_sees_signatures_but_cannot_verify_them(client, officer):
    signature = make_signature(status=Signature.Status.PENDING, email_confirmed_at=timezone.now())
    client.force_login(officer)
    signatures = reverse("admin:declarations_signature_changelist")

    assert client.get(signatures).status_code == 200
    client.post(signatures, {"action": "verify", "_selected_action": [signature.pk]})

    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING


# Editors


def test_an_editor_adds_changes_and_publishes_an_article(client, editor):
    client.force_login(editor)

    added = client.post(reverse("admin:news_article_add"), article_form())
    article = Article.objects.get(slug="housing-for-roma-families")
    changed = client.post(change_url(article), article_form(lead_en="A programme for 2026."))
    published = client.post(
        reverse("admin:news_article_changelist"),
        {"action": "publish_now", "_selected_action": [article.pk]},
        follow=True,
    )

    assert (added.status_code, changed.status_code) == (302, 302)
    assert "1 article published." in published.text
    article.refresh_from_db()
    assert article.lead == "A programme for 2026."
    assert article.is_public
    assert client.get(article.get_absolute_url()).status_code == 200
    assert article.history.latest().history_user == editor


def test_an_editor_cannot_change_a_member(client, editor):
    member = make_member(name="Graz", country="AT", status=Member.Status.PENDING)
    client.force_login(editor)

    assert client.get(MEMBERS).status_code == 403
    assert client.get(change_url(member)).status_code == 403
    assert client.post(change_url(member), member_form(member, name="Hacked")).status_code == 403
    client.post(MEMBERS, {"action": "approve_selected", "_selected_action": [member.pk]})

    member.refresh_from_db()
    assert (member.name, member.status) == ("Graz", Member.Status.PENDING)


def test_an_editor_cannot_change_a_signature(client, editor):
    signature = make_signature(
        full_name="Elke Kahr", status=Signature.Status.PENDING, email_confirmed_at=timezone.now()
    )
    client.force_login(editor)
    signatures = reverse("admin:declarations_signature_changelist")

    assert client.get(signatures).status_code == 403
    assert client.get(change_url(signature)).status_code == 403
    client.post(signatures, {"action": "verify", "_selected_action": [signature.pk]})

    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING


def test_an_editor_cannot_see_users(client, editor):
    client.force_login(editor)
    secretary = get_user_model().objects.create_superuser("secretary", password="x")

    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert client.get(change_url(secretary)).status_code == 403
    assert "secretary" not in client.get(reverse("admin:index")).text
