from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import TranslationGapsMixin

from .models import Page


@admin.register(Page)
class PageAdmin(TranslationGapsMixin, SimpleHistoryAdmin, TranslationAdmin):
    translation_gap_fields = ("title", "lead", "body")
    list_display = ["title", "slug", "updated_at"]
    readonly_fields = ["updated_at"]
    search_fields = ["title", "body"]

    def has_delete_permission(self, request, obj=None):
        # The three pages are part of the site's structure; staff edit them, never remove them.
        return False
