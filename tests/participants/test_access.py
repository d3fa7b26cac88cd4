"""Every page of the space is for its signed-in contact persons, about their own member only:
another member's ids answer 404, nothing is cached for others or indexed."""

import pytest
from django.utils import timezone

from participants.models import ProfileChangeRequest
from practices.models import Practice

from .conftest import SPACE, sign_in

pytestmark = pytest.mark.django_db

PAGES = [
    "",
    "profile/",
    "profile/edit/",
    "practices/",
    "practices/new/",
    "directory/",
    "news/",
    "my-data/",
    "my-data/export.json",
]


def others_records(other_member, other_contact):
    practice = Practice.objects.create(title="Lyon’s housing desk", start_year=2020)
    practice.members.add(other_member)
    change = ProfileChangeRequest.objects.create(
        member=other_member, contact=other_contact, changes={"website": "https://evil.example"}
    )
    return practice, change


@pytest.mark.parametrize("page", PAGES)
def test_anonymous_visitors_are_sent_to_sign_in(client, page):
    response = client.get(SPACE + page)
    if page == "":
        assert response.status_code == 200
        assert "Send me a sign-in link" in response.content.decode()
    else:
        assert response.status_code == 302
        assert response["Location"] == SPACE


@pytest.mark.parametrize("page", PAGES)
def test_signed_in_pages_are_private_and_never_indexed(signed_in, page):
    response = signed_in.get(SPACE + page)

    assert response.status_code == 200
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    if page.endswith("/"):
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_staff_signed_in_to_the_admin_are_not_let_into_the_space(staff_client):
    response = staff_client.get(SPACE + "profile/")
    assert response.status_code == 302
    assert "_auth_user_id" in staff_client.session  # still signed in to the admin


def test_another_members_records_answer_404_to_every_address(
    signed_in, other_member, other_contact
):
    practice, change = others_records(other_member, other_contact)
    urls = [
        f"{SPACE}profile/changes/{change.pk}/",
        f"{SPACE}practices/{practice.pk}/",
        f"{SPACE}practices/{practice.pk}/edit/",
    ]
    for url in urls:
        assert signed_in.get(url).status_code == 404, url
        assert signed_in.post(url, {"title_en": "Taken over", "start_year": 2020}).status_code in (
            404,
            405,
        ), url
    assert signed_in.post(f"{SPACE}practices/{practice.pk}/submit/").status_code == 404

    practice.refresh_from_db()
    assert (practice.title, practice.status) == ("Lyon’s housing desk", Practice.Status.DRAFT)


def test_the_profile_edited_is_always_ones_own(signed_in, member, other_member):
    signed_in.post(
        f"{SPACE}profile/edit/", {"website": "https://kosice.example.sk", "member": other_member.pk}
    )

    (change,) = ProfileChangeRequest.objects.all()
    assert change.member == member


def test_the_export_holds_only_ones_own_data(signed_in, contact, other_contact):
    data = signed_in.get(SPACE + "my-data/export.json").content.decode()
    assert contact.email in data
    assert other_contact.email not in data


def test_the_page_cache_never_keeps_a_signed_in_page(page_cache, client, contact):
    sign_in(client, contact.email)
    first = client.get(SPACE)
    contact.refresh_from_db()
    contact.name = "Zuzana H."
    contact.save()

    again = client.get(SPACE)

    assert "private" in first["Cache-Control"]
    assert "Signed in as Zuzana H.," in again.content.decode()
    client.logout()
    # The anonymous sign-in page is not the signed-in one.
    assert "Signed in as" not in client.get(SPACE).content.decode()


def test_a_practice_of_another_member_is_refused_even_once_published(
    signed_in, other_member, other_contact
):
    practice, _change = others_records(other_member, other_contact)
    Practice.objects.filter(pk=practice.pk).update(
        status=Practice.Status.PUBLISHED, published_at=timezone.now()
    )
    assert signed_in.get(f"{SPACE}practices/{practice.pk}/").status_code == 404
