from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from core import search

        from .models import Article

        search.register(
            "news",
            _("News"),
            lambda query: (
                Article.objects.published()
                .search(query)
                .order_by("-published_at")
                # What a result shows: not the Markdown, the pictures or the search text.
                .only("title", "slug", "lead", "body_html")
            ),
            snippet=lambda article: article.lead or article.body_html,
            position=20,
        )

        from core.backoffice import register_decisions, register_work

        # The admin's home: articles scheduled to go live, and the publications recorded.
        register_work(
            _("Articles scheduled to go live"),
            "admin:news_article_changelist",
            lambda: Article.objects.scheduled().count(),
            "news.publish_article",
            query="state=scheduled",
        )
        register_decisions(
            Article,
            {
                "published": _("Article published"),
                "moved back to draft": _("Article moved back to draft"),
            },
        )
