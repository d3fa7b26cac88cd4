"""The French catalogue is complete and compiled, so /fr/ pages show no English interface text."""

import polib
import pytest
from django.conf import settings
from django.utils import translation

CATALOGUE = settings.BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


def listing(entries):
    return "\n".join(f"  {entry.occurrences[:1]} {entry.msgid!r}" for entry in entries)


def test_every_french_message_is_translated(catalogue):
    untranslated = catalogue.untranslated_entries()

    assert not untranslated, f"{len(untranslated)} untranslated in {CATALOGUE}:\n" + listing(
        untranslated
    )


def test_no_french_translation_is_left_fuzzy(catalogue):
    fuzzy = catalogue.fuzzy_entries()

    assert not fuzzy, f"{len(fuzzy)} fuzzy (to review) in {CATALOGUE}:\n" + listing(fuzzy)


def test_the_compiled_catalogue_matches_the_po_file(catalogue):
    with translation.override("fr"):
        stale = [entry for entry in catalogue.translated_entries() if is_stale(entry)]

    assert not stale, "django.mo is older than django.po (run `make messages`):\n" + listing(stale)


def is_stale(entry):
    if entry.msgid_plural:
        # French plural forms: [0] for 0 and 1, [1] from 2 on.
        return any(
            translate_plural(entry, n) != entry.msgstr_plural[form] for form, n in ((0, 1), (1, 2))
        )
    return translate(entry) != entry.msgstr


def translate(entry):
    if entry.msgctxt:
        return translation.pgettext(entry.msgctxt, entry.msgid)
    return translation.gettext(entry.msgid)


def translate_plural(entry, n):
    if entry.msgctxt:
        return translation.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
    return translation.ngettext(entry.msgid, entry.msgid_plural, n)
