"""Decisions taken by the workflows show on the next anonymous request, page cache or not."""

import pytest
from django.contrib.auth import get_user_model

from declarations import services as declaration_services
from members import services as member_services
from news import services as news_services
from news.models import Article
from tests.factories import make_article, make_member, make_signature

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "officer", "officer@example.org", "x", is_staff=True
    )


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.COUNTER_CACHE_SECONDS = 60


def test_an_approval_shows_on_the_cached_directory_at_once(client, staff):
    make_member(name="Graz", country="AT")
    pending = make_member(name="Łódź", country="PL", status="pending")
    assert "Łódź" not in client.get("/en/members/").content.decode()

    member_services.approve_member(pending, by=staff)

    assert "Łódź" in client.get("/en/members/").content.decode()


def test_a_withdrawal_leaves_the_cached_declaration_at_once(client, staff):
    signature = make_signature(full_name="Ana Exemplo")
    assert "Ana Exemplo" in client.get("/en/declaration/").content.decode()

    declaration_services.withdraw_signature(signature, by=staff)

    assert "Ana Exemplo" not in client.get("/en/declaration/").content.decode()


def test_publishing_now_shows_on_the_cached_news_list_at_once(client, staff):
    make_article(title="Already out")
    draft = make_article(title="Fresh statement", status=Article.Status.DRAFT, published_at=None)
    assert "Fresh statement" not in client.get("/en/news/").content.decode()

    news_services.publish_now(Article.objects.filter(pk=draft.pk), by=staff)

    assert "Fresh statement" in client.get("/en/news/").content.decode()
