"""French typography in the text the pages show: a narrow no-break space (U+202F) before
« : ; ! ? » and inside guillemets, as the French catalogue writes them.

Staff type content with an ordinary space, a no-break space or none at all ("Note: …"); the
pages show it with the narrow no-break space, so that a line never starts with a colon.
Only text is touched: never a tag or its attributes, an entity ("&amp;"), the content of
<code>, <pre>, <kbd>, <samp>, <script> or <style>, nor an address ("https://…?a=b").
Times ("10:30") and ratios ("3:2") keep their colon: a mark is spaced only when a space, the
end of the text or a closing mark follows it.
"""

import re

NARROW_NBSP = "\u202f"

# Tags, entities and addresses pass through unchanged; the text between them is spaced.
_TOKENS = re.compile(
    r"(<!--.*?-->|<[^>]*>|&(?:#\d+|#x[0-9a-fA-F]+|\w+);|\b(?:https?|ftp|mailto):[^\s<>\"]+|www\.[^\s<>\"]+)",
    re.S | re.I,
)
_VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "textarea"}
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w-]*)")

# A space of any kind before a high mark: made narrow.
_SPACE_BEFORE = re.compile(r"[ \u00a0\u2009\u202f]+(?=[:;!?»])")
# A high mark right after a word (and not inside "10:30" or "a:b"): a narrow space added.
_MISSING_BEFORE = re.compile(
    r"(?<=[^\s\u00a0\u202f\u2009:;!?«(\[/])(?=[:;!?]+(?:[\s\u00a0»”’)\].,]|$))"
)
_SPACE_AFTER_OPENING = re.compile(r"«[ \u00a0\u2009\u202f]*")
_MARK_FIRST = re.compile(r"[:;!?]+(?:[\s\u00a0»”’)\].,]|$)")
_BLOCKS = {
    "p", "div", "li", "ul", "ol", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
    "blockquote", "figcaption", "hr", "table", "dt", "dd",
}  # fmt: skip
_MISSING_BEFORE_CLOSING = re.compile(r"(?<=[^\s\u00a0\u202f\u2009«])»")


def space_text(text):
    """Plain text (no markup) with French spacing."""
    text = _SPACE_BEFORE.sub(NARROW_NBSP, text)
    text = _MISSING_BEFORE.sub(NARROW_NBSP, text)
    text = _SPACE_AFTER_OPENING.sub("«" + NARROW_NBSP, text)
    return _MISSING_BEFORE_CLOSING.sub(NARROW_NBSP + "»", text)


def french_spacing(html):
    """HTML (or plain text that holds no markup) with French spacing in its text only."""
    parts, verbatim, last = [], [], "\n"
    for number, part in enumerate(_TOKENS.split(html or "")):
        if number % 2 == 0:  # text
            if part and not verbatim:
                # "<strong>Note</strong>: …": the word before the mark ended in the tag.
                if _MARK_FIRST.match(part) and not last.isspace():
                    part = NARROW_NBSP + part
                part = space_text(part)
            last = part[-1:] or last
        elif tag := _TAG_NAME.match(part):
            closing, name = tag.group(1), tag.group(2).lower()
            if name in _BLOCKS:
                last = "\n"
            if name in _VERBATIM and not part.endswith("/>"):
                if not closing:
                    verbatim.append(name)
                elif name in verbatim:
                    del verbatim[len(verbatim) - 1 - verbatim[::-1].index(name)]
        elif not part.startswith("<"):  # an entity or an address
            last = part[-1]
        parts.append(part)
    return "".join(parts)
