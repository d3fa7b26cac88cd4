"""Markdown that staff write, turned into HTML that cannot carry a script."""

import functools

import markdown
import nh3

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "figcaption", "figure", "h2",
    "h3", "h4", "hr", "i", "li", "ol", "p", "pre", "q", "strong", "sub", "sup", "table",
    "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}


def render_markdown(text):
    """Markdown source → sanitised HTML (raw HTML in the source is cleaned, not trusted)."""
    html = markdown.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )


# The texts rendered on each view (the Declaration, the content pages, their search
# snippets) are few and change rarely; rendering is a pure function of the text, so a changed
# text is simply a new entry.
rendered_markdown = functools.lru_cache(maxsize=64)(render_markdown)
