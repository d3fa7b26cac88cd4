from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from django.db.models import Min

        from core import cache, search, workflows

        from .models import Article, Tag

        # Published articles are public, and scheduled ones will be by themselves (the pages
        # are renewed at their time: the schedule); tags and the links to members show on the
        # articles' pages.
        workflows.watch(
            Article, public=lambda: Article.objects.published() | Article.objects.scheduled()
        )
        workflows.watch(Tag)
        workflows.watch_relation(Article.tags.through)
        workflows.watch_relation(Article.members.through)
        cache.schedule(
            lambda: Article.objects.scheduled().aggregate(next=Min("published_at"))["next"]
        )

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
