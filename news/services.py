"""Publishing workflow for articles: the admin actions and the tests call these functions."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from core.workflows import transition

from .models import Article


@dataclass(frozen=True)
class Outcome:
    """How many of the articles asked for changed, and how many were already as asked."""

    changed: int
    unchanged: int


@transaction.atomic
def publish_now(articles, by=None):
    """Put drafts and scheduled articles online now; live articles keep their date.

    One conditional UPDATE per article: its row count says whether it changed, so running it
    twice (or from two browser tabs at once) publishes each article once, and records it once.
    """
    return _change_each(
        articles,
        Article.objects.not_live(),
        {"status": Article.Status.PUBLISHED, "published_at": timezone.now(), "published_by": by},
        by,
        "published",
    )


@transaction.atomic
def move_to_draft(articles, by=None):
    """Take articles offline (live or scheduled); their address answers 404 until republished."""
    return _change_each(
        articles,
        Article.objects.exclude(status=Article.Status.DRAFT),
        {"status": Article.Status.DRAFT},
        by,
        "moved back to draft",
    )


def _change_each(articles, changeable, values, by, reason):
    changed = unchanged = 0
    for article in articles.order_by("pk"):
        if transition(article, by, reason, where=changeable, **values, updated_at=timezone.now()):
            changed += 1
        else:
            unchanged += 1
    return Outcome(changed=changed, unchanged=unchanged)
