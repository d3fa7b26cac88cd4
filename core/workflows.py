"""How public data change: through a save or delete of a model that declares what of it is
public (`watch()`), or through a workflow's `transition()`. Either renews the cached public
pages by itself (core.cache); no other code asks for it.

Each app declares its public models once, in its `AppConfig.ready()`, with the queryset
method that says which rows the public sees:

    workflows.watch(Member, public=lambda: Member.objects.named())
    workflows.watch_relation(Article.tags.through)

A save or delete of a row that is public, or was until this change, renews the pages; a
pending join request or an unconfirmed signature is not public, so bots posting forms never
empty the cache.
"""

from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save

from core.cache import renew_public_pages
from core.history import record_change

# {model: a callable returning the queryset of its public rows, or None (every row is)}
watched = {}


def transition(instance, by, reason, where=None, **values):
    """Change `instance` with one conditional UPDATE to `values`, if its row still matches
    `where` (a Q, or a queryset of the rows that may change).

    The row count decides who won: a repeated or concurrent call finds nothing to change and
    does nothing. The winner's change is recorded in the history (by `by`, for `reason`), and
    the public pages are renewed when the row is public, or was. `instance` is read again from
    the database either way. True if this call changed the row.
    """
    if not isinstance(where, QuerySet):
        where = type(instance)._default_manager.filter(where or Q())
    rows = where.filter(pk=instance.pk)
    with transaction.atomic():
        was_public = is_public(instance)
        changed = rows.update(**values)
        instance.refresh_from_db()
        if changed:
            record_change(instance, by, reason)
            if was_public or is_public(instance):
                renew_public_pages()
    return bool(changed)


def is_public(instance):
    """Whether the row of `instance`, as the database holds it now, feeds public pages."""
    model = type(instance)
    if model not in watched:
        return False
    public = watched[model]
    return public is None or public().filter(pk=instance.pk).exists()


def watch(model, public=None):
    """Declare that `model` feeds public pages: saving or deleting a row renews them.

    `public()`: the queryset of the rows the public sees (the model's own rule, such as
    `Member.objects.named()`); only those, before or after the change, renew the pages.
    """
    watched[model] = public
    uid = f"public-pages:{model._meta.label}"
    for signal in (pre_save, pre_delete):
        signal.connect(_note_if_public, sender=model, dispatch_uid=uid)
    for signal in (post_save, post_delete):
        signal.connect(_renew_if_public, sender=model, dispatch_uid=uid)


def _note_if_public(instance, **kwargs):
    instance.public_before_change = instance.pk is not None and is_public(instance)


def _renew_if_public(instance, **kwargs):
    deleted = "created" not in kwargs
    if getattr(instance, "public_before_change", False) or (not deleted and is_public(instance)):
        renew_public_pages()


def watch_relation(through):
    """Declare that a many-to-many relation feeds public pages (an article's tags)."""
    uid = f"public-pages:{through._meta.label}"
    m2m_changed.connect(_renew_on_change, sender=through, dispatch_uid=uid)


def _renew_on_change(action, **kwargs):
    if action.startswith("post_"):
        renew_public_pages()
