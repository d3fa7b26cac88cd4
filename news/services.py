"""Publishing workflow for articles: the admin actions and the tests call these functions."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Article


@dataclass(frozen=True)
class Outcome:
    """How many of the articles asked for changed, and how many were already as asked."""

    changed: int
    unchanged: int


@transaction.atomic
def publish_now(articles, by=None):
    """Put drafts and scheduled articles online now; live articles keep their date.

    One conditional UPDATE: its row count says how many changed, so running it twice (or
    from two browser tabs at once) publishes each article once.
    """
    now = timezone.now()
    pks = list(articles.values_list("pk", flat=True))
    waiting = (
        Q(status=Article.Status.DRAFT) | Q(published_at__isnull=True) | Q(published_at__gt=now)
    )
    changed = (
        Article.objects.filter(pk__in=pks)
        .filter(waiting)
        .update(status=Article.Status.PUBLISHED, published_at=now, published_by=by, updated_at=now)
    )
    return Outcome(changed=changed, unchanged=len(pks) - changed)


@transaction.atomic
def move_to_draft(articles):
    """Take articles offline (live or scheduled); their address answers 404 until republished."""
    pks = list(articles.values_list("pk", flat=True))
    changed = (
        Article.objects.filter(pk__in=pks)
        .exclude(status=Article.Status.DRAFT)
        .update(status=Article.Status.DRAFT, updated_at=timezone.now())
    )
    return Outcome(changed=changed, unchanged=len(pks) - changed)
