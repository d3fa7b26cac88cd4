from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from background.models import OutgoingEmail
from core.admin import TranslationGapsMixin
from core.backoffice import register_decisions, register_work

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


# The admin's home: e-mails that could not be sent, for staff to look at and send again.
register_work(
    _("E-mails that failed"),
    "admin:background_outgoingemail_changelist",
    lambda: OutgoingEmail.objects.failed().count(),
    "background.view_outgoingemail",
    query="state__exact=failed",
)
register_decisions(Page)
