"""Text helpers shared by the apps."""

from anyascii import anyascii
from django.utils.text import slugify


def normalise(text):
    """Lower-case ASCII form of a name, for accent-insensitive search: "Łódź" → "lodz"."""
    return " ".join(anyascii(text or "").lower().split())


def unique_slug(instance, value, field="slug", max_length=80):
    """A slug for `value` (any script) that no other row of the model has: "lodz", "lodz-2"…"""
    base = slugify(anyascii(value or ""))[:max_length].strip("-") or "item"
    model = type(instance)
    others = (
        model._default_manager.exclude(pk=instance.pk) if instance.pk else model._default_manager
    )
    slug, n = base, 2
    while others.filter(**{field: slug}).exists():
        suffix = f"-{n}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        n += 1
    return slug
