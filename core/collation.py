"""Names sorted as the visitor's language sorts them: "Cracovie" among the C in French.

On PostgreSQL each language has an ICU collation, created by a migration (members 0008):
``alliance_en``, ``alliance_fr``. SQLite has no ICU; the same names are registered on each of
its connections as a collation comparing the names' normalised forms ("Łódź" as "lodz"),
which puts accented and non-Latin names where a reader looks for them. Lists sorted in Python
(a few dozen rows already loaded) use ``sort_key()``, the same order.
"""

import functools

from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models.functions import Collate
from django.utils.translation import get_language

from .text import normalise

# The ICU locale of each language's collation.
ICU_LOCALES = {"en": "en", "fr": "fr"}


def language_code(language=None):
    code = (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in ICU_LOCALES else settings.LANGUAGE_CODE


def shown_languages(language=None):
    """The languages a translated field is shown from, in order: `language` (by default the
    active one), then modeltranslation's fallback languages."""
    return list(
        dict.fromkeys([language_code(language), *settings.MODELTRANSLATION_FALLBACK_LANGUAGES])
    )


def collation_name(language=None):
    return f"alliance_{language_code(language)}"


def collated(expression, language=None):
    """`expression` compared with the collation of `language` (by default the active one)."""
    return Collate(expression, collation_name(language))


@functools.lru_cache(maxsize=65_536)
def sort_key(name):
    """A name's place in a list sorted in Python: as ``collated()`` sorts it."""
    return (normalise(name), name or "")


def _compare(first, second):
    first, second = sort_key(first), sort_key(second)
    return (first > second) - (first < second)


def register_sqlite_collations(sender, connection, **kwargs):
    if connection.vendor != "sqlite":
        return
    for language in ICU_LOCALES:
        connection.connection.create_collation(collation_name(language), _compare)


connection_created.connect(register_sqlite_collations, dispatch_uid="alliance-collations")
