from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count
from django.utils import translation
from django.utils.html import format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_countries import countries
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    Decision,
    DecisionQueueMixin,
    LargeTableMixin,
    TranslationGapsMixin,
    decision_action,
)
from members.models import Member

from . import services
from .forms import countries_of
from .models import Article, Tag


class StateFilter(admin.SimpleListFilter):
    """Live, scheduled or draft: what the public sees now, not just the status field."""

    title = _("state")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("live", _("live")), ("scheduled", _("scheduled")), ("draft", _("draft"))]

    def queryset(self, request, queryset):
        match self.value():
            case "live":
                return queryset.live()
            case "scheduled":
                return queryset.scheduled()
            case "draft":
                return queryset.drafts()
        return queryset


class CountryFilter(admin.SimpleListFilter):
    """The countries articles concern (several per article, stored as "FR,GR")."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        named = ((code, countries.name(code)) for code in countries_of(Article.objects.all()))
        return sorted(named, key=lambda choice: choice[1])

    def queryset(self, request, queryset):
        return queryset.about_country(self.value()) if self.value() else queryset


@admin.register(Article)
class ArticleAdmin(
    LargeTableMixin, TranslationGapsMixin, DecisionQueueMixin, SimpleHistoryAdmin, TranslationAdmin
):
    translation_gap_fields = ("title", "lead", "body", "quote")
    list_display = ["title", "kind", "state", "published_at", "updated_at", "preview_links"]
    list_filter = [StateFilter, "status", "participants_only", "kind", "tags", CountryFilter]
    search_fields = [
        "slug",
        "title_en",
        "title_fr",
        "lead_en",
        "lead_fr",
        "speaker_name",
        "quote_speaker",
        "event_en",
        "event_fr",
        "place_en",
        "place_fr",
    ]
    date_hierarchy = "published_at"
    ordering = ["-published_at", "-pk"]
    filter_horizontal = ["members", "tags"]
    readonly_fields = ["preview_links", "published_by", "created_at", "updated_at"]
    actions = ["publish_now", "move_to_draft"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "lead", "body"]}),
        (
            _("Quote and speaker"),
            {
                "fields": [
                    "quote",
                    "quote_speaker",
                    "speaker_name",
                    "speaker_role",
                    "event",
                    "place",
                ]
            },
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Concerns"), {"fields": ["countries", "members", "tags"]}),
        (_("Readers"), {"fields": ["participants_only"]}),
        (
            _("Publication"),
            {
                "fields": ["status", "published_at", "preview_links"],
                "description": _(
                    "A published article with a future date is scheduled: it appears on the "
                    "site by itself at that time. Drafts are seen by staff only."
                ),
            },
        ),
        (_("History"), {"fields": ["published_by", "created_at", "updated_at"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        # Once the public has seen the address, it stays: links and feed readers rely on it.
        if obj is not None and obj.is_live:
            return {}
        return {"slug": ["title_en"]}

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_live:  # its address is out: keep it
            fields.append("slug")
        if not self.has_publish_permission(request):
            fields += ["status", "published_at"]
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "members":
            # Only members the public can know of; a pending request is not news.
            kwargs["queryset"] = Member.objects.named()
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        if obj.status == Article.Status.PUBLISHED and obj.published_by_id is None:
            obj.published_by = request.user
        super().save_model(request, obj, form, change)

    def has_publish_permission(self, request):
        return request.user.has_perm("news.publish_article")

    @admin.display(description=_("state"), ordering="status")
    def state(self, article):
        if article.status == Article.Status.DRAFT:
            return _("draft")
        if article.is_scheduled:
            return _("scheduled")
        return _("live")

    @admin.display(description=_("preview"))
    def preview_links(self, article):
        if article.pk is None:
            return _("Save the article first.")
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                links.append((article.get_absolute_url(), code, name))
        return format_html_join(
            " · ", '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>', links
        )

    def decisions(self, request, article):
        if not self.has_publish_permission(request):
            return []
        buttons = []
        if not article.is_live:
            buttons.append(Decision("publish_now", _("Publish now")))
        if article.status != Article.Status.DRAFT:
            buttons.append(Decision("move_to_draft", _("Move back to draft")))
        return buttons

    # The services take a selection; each article is decided on its own, as elsewhere.
    publish_now = decision_action(
        lambda article, by: services.publish_now(Article.objects.filter(pk=article.pk), by).changed,
        description=_("Publish now"),
        permission="publish",
        done=ngettext_lazy("%(count)d article published", "%(count)d articles published", "count"),
        left=ngettext_lazy("%(count)d was already live", "%(count)d were already live", "count"),
        left_level=messages.SUCCESS,
    )
    move_to_draft = decision_action(
        lambda article, by: (
            services.move_to_draft(Article.objects.filter(pk=article.pk), by).changed
        ),
        description=_("Move back to draft"),
        permission="publish",
        done=ngettext_lazy(
            "%(count)d article moved back to draft",
            "%(count)d articles moved back to draft",
            "count",
        ),
        left=ngettext_lazy(
            "%(count)d was already a draft", "%(count)d were already drafts", "count"
        ),
        left_level=messages.SUCCESS,
    )


@admin.register(Tag)
class TagAdmin(TranslationAdmin):
    list_display = ["name", "slug", "article_count"]
    search_fields = ["name_en", "name_fr", "slug"]
    prepopulated_fields = {"slug": ["name_en"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(article_count=Count("articles"))

    @admin.display(description=_("articles"), ordering="article_count")
    def article_count(self, tag):
        return tag.article_count
