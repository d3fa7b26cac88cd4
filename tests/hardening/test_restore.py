"""Nothing lost: a member or a signature deleted by staff can be restored from its history."""

import pytest
from django.urls import reverse

from declarations.models import Signature
from members.models import Member
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db

PUBLIC_MEMBER_FIELDS = [
    "name",
    "display_name_en",
    "display_name_fr",
    "slug",
    "kind",
    "country",
    "population",
    "website",
    "description_en",
    "description_fr",
    "latitude",
    "longitude",
    "status",
    "joined_on",
]


def values(instance, names):
    return {name: getattr(instance, name) for name in names}


def delete_in_admin(client, instance):
    opts = instance._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_delete", args=[instance.pk])
    return client.post(url, {"post": "yes"})


def restore_in_admin(client, model, pk):
    """Open the "Deleted …" page, find the row, press its Restore button."""
    opts = model._meta
    page_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_deleted")
    record = model.history.filter(id=pk, history_type="-").latest()
    listing = client.get(page_url)
    assert f'name="history_id" value="{record.history_id}"' in listing.text
    return client.post(page_url, {"history_id": record.history_id}, follow=True)


def test_a_member_deleted_in_the_admin_comes_back_as_it_was(admin_client, admin_user, client):
    member = make_member(
        name="Łódź",
        country="PL",
        display_name_en="Lodz",
        population=655_000,
        website="https://uml.lodz.pl/",
        description_en="Works with its Roma community on schooling.",
    )
    before = values(member, PUBLIC_MEMBER_FIELDS)
    created_at = member.created_at
    profile = member.get_absolute_url()

    assert delete_in_admin(admin_client, member).status_code == 302
    assert not Member.objects.filter(pk=member.pk).exists()
    assert client.get(profile).status_code == 404

    response = restore_in_admin(admin_client, Member, member.pk)

    assert "has been restored" in response.text
    restored = Member.objects.get(pk=member.pk)
    assert values(restored, PUBLIC_MEMBER_FIELDS) == before
    assert restored.contact_email == member.contact_email
    assert restored.created_at == created_at
    assert client.get(profile).status_code == 200
    record = restored.history.latest()
    assert (record.history_user, record.history_change_reason) == (admin_user, "restored")


def test_a_deleted_signature_comes_back_on_the_declaration_page(admin_client, client):
    signature = make_signature(full_name="Elke Kahr", authority_name="Graz", country="AT")

    delete_in_admin(admin_client, signature)
    assert "Elke Kahr" not in client.get(reverse("declarations:declaration")).text

    restore_in_admin(admin_client, Signature, signature.pk)

    restored = Signature.objects.get(pk=signature.pk)
    assert (restored.full_name, restored.email, restored.status) == (
        "Elke Kahr",
        signature.email,
        Signature.Status.VERIFIED,
    )
    assert "Elke Kahr" in client.get(reverse("declarations:declaration")).text


def test_the_deleted_page_lists_only_what_is_still_deleted(admin_client):
    kept = make_member(name="Graz", country="AT")
    gone = make_member(name="Linz", country="AT")
    delete_in_admin(admin_client, gone)

    listing = admin_client.get(reverse("admin:members_member_deleted"))

    assert listing.status_code == 200
    assert "Linz" in listing.text
    assert "Graz" not in listing.text
    assert kept.pk
    history = admin_client.get(reverse("admin:members_member_history", args=[gone.pk]))
    assert history.status_code == 200
    assert "Deleted" in history.text


def test_a_restore_that_would_duplicate_a_live_request_is_refused_with_a_message(admin_client):
    member = make_member(name="Graz", country="AT", status=Member.Status.PENDING)
    delete_in_admin(admin_client, member)
    make_member(name="Graz", country="AT", status=Member.Status.PENDING, slug="graz-again")

    response = restore_in_admin(admin_client, Member, member.pk)

    assert response.status_code == 200
    assert "could not be restored" in response.text
    assert Member.objects.filter(name="Graz").count() == 1


def test_an_editor_cannot_open_the_deleted_members(client, editor):
    client.force_login(editor)

    assert client.get(reverse("admin:members_member_deleted")).status_code == 403


def test_the_member_list_links_to_the_deleted_members(admin_client):
    listing = admin_client.get(reverse("admin:members_member_changelist"))

    assert reverse("admin:members_member_deleted") in listing.text
