"""The summaries of a list of articles (core.rows says why in Python)."""

from django.utils.html import format_html
from django.utils.text import Truncator, capfirst

from core.rows import PageMemo, join, summary_card

from .models import Article

# Words of a lead a home page tile shows.
TILE_WORDS = 28


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


def article_tiles(articles):
    """The home page's tiles of the latest articles: kind, title, date and place, the first
    words of the lead. Text shown in another language than the page's carries its lang."""
    memo = PageMemo()

    def lang(language):
        return format_html(' lang="{}"', language) if language else ""

    def tile(article):
        iso, shown = memo.local(article.published_at)
        title_language = memo.shown_language(article, "title")
        lead = ""
        if article.lead:
            lead_language = memo.shown_language(article, "lead")
            lead = format_html(
                '\n        <p class="card-item__text"{}>{}</p>',
                lang(lead_language),
                Truncator(article.lead).words(TILE_WORDS, truncate=" …"),
            )
        return format_html(
            '\n    <li class="card-item">'
            '\n      <div class="card-item__band" aria-hidden="true"></div>'
            '\n      <div class="card-item__body">'
            '\n        <p class="card-item__kicker">{}</p>'
            '\n        <h3 class="card-item__title"><a href="{}"{}>{}</a></h3>'
            '\n        <p class="card-item__meta"><time datetime="{}">{}</time>{}</p>{}'
            "\n      </div>"
            "\n    </li>",
            capfirst(memo.label(Article.Kind, article.kind)),
            article.get_absolute_url(),
            lang(title_language),
            article.title,
            iso,
            shown,
            format_html(" · {}", article.place) if article.place else "",
            lead,
        )

    return join(tile(article) for article in articles)
