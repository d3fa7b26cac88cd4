"""The addresses of many objects of one kind, each reversed at the cost of a string join.

Django's `reverse()` matches the URL patterns again on each call (about 45 µs); a list of 50
members with their countries calls it 50 times or more. An object's address by its slug
differs from another's by the slug only, so the address is reversed once for each view,
language, script prefix and URLconf (all part of the key: a test that changes the URLconf
gets its own), and the slug set into it. A slug that `<slug:…>` would
not match goes through `reverse()`, which says so as it always did.
"""

import functools
import re

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

# The characters of the "slug" path converter (django.urls.converters.SlugConverter): none
# of them is quoted in an address.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


def slug_url(viewname, slug, **more):
    """reverse(viewname, kwargs={"slug": slug, **more}), for a view taking the slug and, in
    `more`, other slug-like values (a document file's language)."""
    values = {"slug": slug, **more}
    if not all(_SLUG.fullmatch(value or "") for value in values.values()):
        return reverse(viewname, kwargs=values)
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    pieces = _pieces(viewname, tuple(values), get_language(), get_script_prefix(), urlconf)
    # Literal text at even positions, the name of a value at odd ones.
    return "".join(values[piece] if index % 2 else piece for index, piece in enumerate(pieces))


@functools.lru_cache(maxsize=256)
def _pieces(viewname, names, language, script_prefix, urlconf):
    marks = {f"0{name}0": name for name in names}
    address = reverse(
        viewname, kwargs={name: mark for mark, name in marks.items()}, urlconf=urlconf
    )
    pieces = re.split("({})".format("|".join(map(re.escape, marks))), address)
    return tuple(marks[piece] if index % 2 else piece for index, piece in enumerate(pieces))
