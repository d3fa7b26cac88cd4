"""English messages write the typographic apostrophe and quotes (U+2019, U+201C, U+201D).

Every message the site shows in English (the `gettext` strings of the Python code and the
`{% translate %}`/`{% blocktranslate %}` texts of the templates) is read from the sources, as
makemessages reads them; a straight ' or " in its words, outside the HTML tags it may carry,
fails the test with the file that holds it.
"""

import ast
import io
import re
import tokenize
from pathlib import Path

import polib
from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
SKIPPED = {".venv", "tests", "staticfiles", "node_modules", "migrations", "bench", "locale"}

# The functions that mark a message, and the number of leading arguments that are not one
# (pgettext's context).
MARKERS = {
    "_": 0,
    "gettext": 0,
    "gettext_lazy": 0,
    "gettext_noop": 0,
    "ngettext": 0,
    "ngettext_lazy": 0,
    "pgettext": 1,
    "pgettext_lazy": 1,
    "npgettext": 1,
    "npgettext_lazy": 1,
}
PLURAL = {"ngettext", "ngettext_lazy", "npgettext", "npgettext_lazy"}
TAG = re.compile(r"<[^>]*>")


def sources(suffix):
    for path in sorted(ROOT.rglob(f"*{suffix}")):
        if not SKIPPED.intersection(path.relative_to(ROOT).parts):
            yield path


def python_messages(path):
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name not in MARKERS:
            continue
        skip = MARKERS[name]
        count = 2 if name in PLURAL else 1
        for argument in node.args[skip : skip + count]:
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                yield argument.value


def template_messages(path):
    """The template's messages, from the Python-like text makemessages hands to xgettext."""
    text = templatize(path.read_text(), origin=str(path))
    # Outside the messages it is only letters standing for the template's text: its indents mean
    # nothing, and the tokenizer would refuse them.
    text = "\n".join(line.lstrip() for line in text.splitlines())
    tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    for index, token in enumerate(tokens):
        if token.type != tokenize.NAME or token.string not in MARKERS:
            continue
        strings = []
        for following in tokens[index + 2 :]:
            if following.type == tokenize.STRING:
                strings.append(ast.literal_eval(following.string))
            elif following.string == ")":
                break
        skip = MARKERS[token.string]
        yield from strings[skip:]


def messages():
    for path in sources(".py"):
        for message in python_messages(path):
            yield path, message
    for path in sources(".html"):
        for message in template_messages(path):
            yield path, message
    for path in sources(".txt"):
        if "templates" in path.parts:
            for message in template_messages(path):
                yield path, message


def straight_marks(message):
    """The straight apostrophes and quotes of a message's words (HTML attributes aside)."""
    return re.findall(r"['\"]", TAG.sub("", message))


def test_english_messages_use_typographic_apostrophes_and_quotes():
    found = [
        f"{path.relative_to(ROOT)}: {message!r}"
        for path, message in messages()
        if straight_marks(message)
    ]

    assert not found, "Write ’ and “ ” in English messages:\n" + "\n".join(found)


def test_the_reading_finds_the_messages_of_code_and_templates():
    read = [(path.relative_to(ROOT).as_posix(), message) for path, message in messages()]

    assert ("declarations/open_data.py", "The signatory’s name.") in read
    assert ("templates/contact/contact.html", "Send the message") in read
    assert len(read) > 1000
    assert any(path.endswith(".txt") for path, _message in read)


def test_french_messages_use_typographic_apostrophes_and_guillemets():
    """The catalogue writes U+2019 for the apostrophe, and guillemets with a narrow no-break space (U+202F) inside."""
    catalogue = polib.pofile(str(ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    found = []
    for entry in catalogue.translated_entries():
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            words = TAG.sub("", text)
            if re.search(r"['\"]|«(?!\u202f)|(?<!\u202f)»", words):
                found.append(f"{entry.msgid!r}: {text!r}")

    assert not found, "Write ’ and «\u202f…\u202f» in French:\n" + "\n".join(found)
