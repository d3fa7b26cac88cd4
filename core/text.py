"""Text helpers shared by the apps."""

from anyascii import anyascii
from django.db import IntegrityError, transaction
from django.utils.text import slugify

# How many slugs a save tries when others keep taking them first.
SLUG_ATTEMPTS = 10


def normalise(text):
    """Lower-case ASCII form of a name, for accent-insensitive search: "Łódź" → "lodz"."""
    return " ".join(anyascii(text or "").lower().split())


def unique_slug(instance, value, field="slug", max_length=80, taken=()):
    """A slug for `value` (any script) that no other row of the model has: "lodz", "lodz-2"…

    `taken` holds slugs known to be used although the lookup did not find them.
    """
    base = slugify(anyascii(value or ""))[:max_length].strip("-") or "item"
    model = type(instance)
    others = (
        model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    )
    slug, n = base, 2
    while slug in taken or others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug


def save_with_unique_slug(instance, value, save, field="slug", max_length=80):
    """Give `instance` a unique slug made from `value`, and save it with `save()`.

    Two rows named alike saved at the same moment both find the same slug free; the second
    INSERT then fails on the unique slug, and is tried again in a savepoint with the next slug.
    """
    taken = set()
    while True:
        slug = unique_slug(instance, value, field, max_length, taken)
        setattr(instance, field, slug)
        try:
            with transaction.atomic():
                return save()
        except IntegrityError as error:
            setattr(instance, field, "")
            if not _violates_unique(error, instance, field) or len(taken) >= SLUG_ATTEMPTS:
                raise
            taken.add(slug)


def _violates_unique(error, instance, field):
    """Whether an IntegrityError is the unique constraint of that one column being violated."""
    column = instance._meta.get_field(field).column
    message = str(error)
    # SQLite: "UNIQUE constraint failed: members_member.slug";
    # PostgreSQL: "duplicate key value violates … DETAIL: Key (slug)=(alba) already exists."
    return f"{instance._meta.db_table}.{column}" == message.rpartition(": ")[2].strip() or (
        f"Key ({column})=" in message
    )
