from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from .models import Page

admin.site.site_header = _(
    "Alliance of European Cities and Regions for the Inclusion of Roma and Travellers"
)
admin.site.site_title = _("Alliance staff")
admin.site.index_title = _("Back office")


@admin.register(Page)
class PageAdmin(SimpleHistoryAdmin, TranslationAdmin):
    list_display = ["title", "slug", "updated_at"]
    readonly_fields = ["updated_at"]
    search_fields = ["title", "body"]

    def has_delete_permission(self, request, obj=None):
        # The three pages are part of the site's structure; staff edit them, never remove them.
        return False
