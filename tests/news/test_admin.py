"""The article admin: the list, the filters, the preview link, the actions and the Editors."""

import pytest
from django.contrib.auth.models import Group, Permission

from members.models import Member
from news.models import Article
from tests.factories import make_article, make_member, make_tag

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/news/article/"


def test_the_list_shows_whether_each_article_is_live_scheduled_or_draft(
    admin_client, live, draft, scheduled
):
    content = admin_client.get(CHANGELIST).content.decode()

    for article, state in [(live, "live"), (draft, "draft"), (scheduled, "scheduled")]:
        row = content.split(f"/admin/news/article/{article.pk}/change/", 1)[1].split("</tr>")[0]
        assert f'<td class="field-state">{state}</td>' in row


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("state=live", {"A live article"}),
        ("state=scheduled", {"A scheduled article"}),
        ("state=draft", {"A draft article"}),
        ("status=published", {"A live article", "A scheduled article"}),
        ("q=scheduled", {"A scheduled article"}),
    ],
)
def test_filters_and_search(admin_client, live, draft, scheduled, query, expected):
    response = admin_client.get(f"{CHANGELIST}?{query}")

    shown = {article.title for article in response.context["cl"].result_list}
    assert shown == expected


def test_filter_by_country_and_tag(admin_client, now):
    tag = make_tag("housing", "Housing")
    make_article(title="In Greece", countries=["GR"]).tags.add(tag)
    make_article(title="In France", countries=["FR"])

    by_country = admin_client.get(f"{CHANGELIST}?country=GR").context["cl"].result_list
    by_tag = admin_client.get(f"{CHANGELIST}?tags__id__exact={tag.pk}").context["cl"].result_list

    assert [a.title for a in by_country] == ["In Greece"]
    assert [a.title for a in by_tag] == ["In Greece"]


def test_the_change_form_offers_preview_links_in_both_languages(admin_client, draft):
    content = admin_client.get(f"/admin/news/article/{draft.pk}/change/").content.decode()

    assert 'href="/en/news/draft/" hreflang="en"' in content
    assert 'href="/fr/news/draft/" hreflang="fr"' in content


def test_a_draft_has_a_preview_button_and_a_live_article_a_view_on_site_one(
    admin_client, live, draft
):
    draft_form = admin_client.get(f"/admin/news/article/{draft.pk}/change/").content.decode()
    live_form = admin_client.get(f"/admin/news/article/{live.pk}/change/").content.decode()

    assert '<a href="/en/news/draft/" class="viewsitelink">Preview on site</a>' in draft_form
    assert "View on site" in live_form and "Preview on site" not in live_form


def test_the_slug_is_prepopulated_for_new_articles_and_fixed_once_public(admin_client, live):
    add = admin_client.get("/admin/news/article/add/")
    change = admin_client.get(f"/admin/news/article/{live.pk}/change/")

    assert add.context["adminform"].prepopulated_fields
    assert "slug" in change.context["adminform"].readonly_fields


def test_the_publish_now_action_reports_what_it_did(
    admin_client, admin_user, live, draft, scheduled
):
    response = admin_client.post(
        CHANGELIST,
        {"action": "publish_now", "_selected_action": [live.pk, draft.pk, scheduled.pk]},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["2 articles published, 1 was already live."]
    assert Article.objects.published().count() == 3
    draft.refresh_from_db()
    assert draft.published_by == admin_user


def test_the_move_to_draft_action(admin_client, live, draft):
    response = admin_client.post(
        CHANGELIST,
        {"action": "move_to_draft", "_selected_action": [live.pk, draft.pk]},
        follow=True,
    )

    messages = [str(message) for message in response.context["messages"]]
    assert messages == ["1 article moved back to draft, 1 was already a draft."]
    assert not Article.objects.published().exists()


def test_the_members_to_choose_from_are_approved_or_former_members(admin_client):
    approved = make_member(name="Approvedtown")
    make_member(name="Pendingtown", status=Member.Status.PENDING)

    form = admin_client.get("/admin/news/article/add/").context["adminform"].form

    assert list(form.fields["members"].queryset) == [approved]


def test_tags_admin_counts_articles(admin_client):
    tag = make_tag("housing", "Housing", "Logement")
    make_article().tags.add(tag)

    content = admin_client.get("/admin/news/tag/").content.decode()

    assert '<td class="field-article_count">1</td>' in content


class TestEditors:
    def test_the_group_exists_with_news_permissions_only(self):
        codenames = set(
            Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
        )

        assert {"add_article", "change_article", "publish_article", "add_tag"} <= codenames
        assert not any("member" in name or "signature" in name for name in codenames)

    def test_an_editor_can_write_and_publish_an_article(self, client, editor, now):
        client.force_login(editor)
        tag = make_tag("housing", "Housing")

        response = client.post(
            "/admin/news/article/add/",
            {
                "title_en": "Housing for Roma families",
                "title_fr": "Logement des familles roms",
                "slug": "housing-for-roma-families",
                "kind": "news",
                "lead_en": "A new programme.",
                "body_en": "It **starts** today.",
                "status": "published",
                "published_at_0": now.strftime("%Y-%m-%d"),
                "published_at_1": "00:00:00",
                "countries": ["FR"],
                "tags": [tag.pk],
            },
        )

        assert response.status_code == 302, response.context["adminform"].form.errors
        article = Article.objects.get(slug="housing-for-roma-families")
        assert article.is_public and article.published_by == editor
        page = client.get("/fr/news/housing-for-roma-families/").content.decode()
        assert "Logement des familles roms" in page

    def test_an_editor_cannot_change_or_approve_members(self, client, editor):
        member = make_member(status=Member.Status.PENDING)
        client.force_login(editor)

        assert client.get(f"/admin/members/member/{member.pk}/change/").status_code in {403, 404}
        assert not editor.has_perm("members.change_member")
        assert not editor.has_perm("declarations.change_signature")

    def test_an_editor_cannot_delete_articles(self, client, editor, live):
        client.force_login(editor)

        assert client.get(f"/admin/news/article/{live.pk}/delete/").status_code == 403

    def test_staff_without_the_publish_permission_write_drafts_only(
        self, client, django_user_model, live
    ):
        writer = django_user_model.objects.create_user("writer", is_staff=True)
        writer.user_permissions.add(
            *Permission.objects.filter(
                codename__in=["add_article", "change_article", "view_article"]
            )
        )
        client.force_login(writer)

        change = client.get(f"/admin/news/article/{live.pk}/change/")
        listing = client.get(CHANGELIST)

        assert "status" in change.context["adminform"].readonly_fields
        assert 'value="publish_now"' not in listing.content.decode()
