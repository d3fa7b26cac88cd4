"""Markdown that staff write, turned into HTML that cannot carry a script."""

import functools
import html as html_entities
import re

import markdown
import nh3
from django.utils.text import slugify

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure", "h2",
    "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}


# A long text's headings carry an anchor, prefixed so that it never takes an id of the page.
SECTION_PREFIX = "section-"
# How many headings make a text long enough for a table of contents.
CONTENTS_FROM = 3


def _clean(html, attributes=ALLOWED_ATTRIBUTES):
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=attributes,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


def render_markdown(text):
    """Markdown source → sanitised HTML (raw HTML in the source is cleaned, not trusted)."""
    html = markdown.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    return _clean(html)


def _section_id(value, separator):
    return SECTION_PREFIX + (slugify(value) or "part")


def render_outlined_markdown(text):
    """Markdown source → (sanitised HTML whose headings have anchors, table of contents).

    The table of contents lists the second-level headings ("## …") as [(anchor, title), …],
    and is empty when the text has fewer than CONTENTS_FROM of them.
    """
    converter = markdown.Markdown(
        extensions=["extra", "sane_lists", "toc"],
        extension_configs={"toc": {"slugify": _section_id, "toc_depth": "2-2"}},
        output_format="html",
    )
    html = converter.convert(text or "")
    contents = [
        (token["id"], html_entities.unescape(token["name"]))
        for token in _flatten(converter.toc_tokens)
        if token["level"] == 2 and token["id"].startswith(SECTION_PREFIX)
    ]
    headings = {tag: {"id"} for tag in ("h2", "h3", "h4")}
    html = _clean(html, attributes={**ALLOWED_ATTRIBUTES, **headings})
    # Only the anchors the contents made stay: an id written in the source is dropped.
    html = re.sub(
        r'<(h[234]) id="(?!' + SECTION_PREFIX + r')[^"]*">',
        r"<\1>",
        html,
    )
    if len(contents) < CONTENTS_FROM:
        contents = []
    return html, contents


def _flatten(tokens):
    for token in tokens:
        yield token
        yield from _flatten(token["children"])


# The texts rendered on each view (the Declaration, the content pages, their search
# snippets) are few and change rarely; rendering is a pure function of the text, so a changed
# text is simply a new entry.
rendered_markdown = functools.lru_cache(maxsize=64)(render_markdown)
rendered_outlined_markdown = functools.lru_cache(maxsize=16)(render_outlined_markdown)
