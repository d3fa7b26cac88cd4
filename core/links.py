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
_MARK = "0slug0"


def slug_url(viewname, slug):
    """reverse(viewname, kwargs={"slug": slug}), for a view taking the slug alone."""
    if not _SLUG.fullmatch(slug or ""):
        return reverse(viewname, kwargs={"slug": slug})
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    before, after = _around_slug(viewname, get_language(), get_script_prefix(), urlconf)
    return f"{before}{slug}{after}"


@functools.lru_cache(maxsize=256)
def _around_slug(viewname, language, script_prefix, urlconf):
    before, _mark, after = reverse(viewname, kwargs={"slug": _MARK}, urlconf=urlconf).rpartition(
        _MARK
    )
    return before, after
