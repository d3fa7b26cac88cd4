from django.contrib import admin
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import LargeTableMixin, TranslationGapsMixin

from .models import Document, DocumentFile


class DocumentFileInline(admin.TabularInline):
    model = DocumentFile
    extra = 1
    fields = ["language", "file", "file_size"]
    readonly_fields = ["file_size"]

    @admin.display(description=_("size"))
    def file_size(self, obj):
        return filesizeformat(obj.size) if obj.pk else ""


@admin.register(Document)
class DocumentAdmin(LargeTableMixin, TranslationGapsMixin, SimpleHistoryAdmin, TranslationAdmin):
    translation_gap_fields = ("title", "summary")
    list_display = ["title", "reference", "kind", "published_on", "status", "participants_only"]
    list_filter = ["status", "kind", "participants_only", "themes", "files__language"]
    search_fields = ["slug", "title_en", "title_fr", "reference"]
    date_hierarchy = "published_on"
    filter_horizontal = ["themes", "members", "events", "articles"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [DocumentFileInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "reference", "published_on", "summary"]}),
        (_("Publication"), {"fields": ["status", "participants_only", "declaration"]}),
        (_("Links"), {"fields": ["themes", "members", "events", "articles"]}),
        (_("Record"), {"fields": ["created_at", "updated_at"]}),
    ]
