import pytest
from django.utils import timezone

from news import services
from news.models import Article
from tests.factories import make_article

from .conftest import HOUR

pytestmark = pytest.mark.django_db


def test_publish_now_puts_drafts_and_scheduled_articles_online(admin_user, live, draft, scheduled):
    before = timezone.now()

    outcome = services.publish_now(Article.objects.all(), by=admin_user)

    assert outcome == services.Outcome(changed=2, unchanged=1)
    for article in (draft, scheduled):
        article.refresh_from_db()
        assert article.is_public
        assert article.published_at >= before
        assert article.published_by == admin_user
    live_before = live.published_at
    live.refresh_from_db()
    assert live.published_at == live_before
    assert live.published_by is None


def test_publish_now_twice_publishes_once(draft):
    first = services.publish_now(Article.objects.filter(pk=draft.pk))
    draft.refresh_from_db()
    published_at = draft.published_at

    second = services.publish_now(Article.objects.filter(pk=draft.pk))

    assert (first.changed, second.changed, second.unchanged) == (1, 0, 1)
    draft.refresh_from_db()
    assert draft.published_at == published_at


def test_a_draft_once_scheduled_is_published_now_not_at_its_old_date(now):
    article = make_article(status=Article.Status.DRAFT, published_at=now + 5 * HOUR)

    services.publish_now(Article.objects.filter(pk=article.pk))

    article.refresh_from_db()
    assert article.is_public


def test_move_to_draft_takes_articles_offline(client, live, scheduled, draft):
    outcome = services.move_to_draft(Article.objects.all())

    assert outcome == services.Outcome(changed=2, unchanged=1)
    assert not Article.objects.published().exists()
    assert client.get("/en/news/live/").status_code == 404
