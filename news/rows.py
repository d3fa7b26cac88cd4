"""The summaries of a list of articles (core.rows says why in Python)."""

from django.utils.html import format_html
from django.utils.text import capfirst

from core.rows import PageMemo, join, summary_card

from .models import Article


def article_summaries(articles, fallback=""):
    """The <li> of each article: picture, title, kind, date and place, first words of its lead.
    A card without a picture shows `fallback` in its place (a country page: its outline)."""
    memo = PageMemo()

    def card(article):
        iso, shown = memo.local(article.published_at)
        meta = format_html(
            '{} · <time datetime="{}">{}</time>{}',
            capfirst(memo.label(Article.Kind, article.kind)),
            iso,
            shown,
            format_html(" · {}", article.place) if article.place else "",
        )
        return summary_card(memo, article, "article", meta, text_field="lead", fallback=fallback)

    return join(card(article) for article in articles)
