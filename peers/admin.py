from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Message


@admin.register(Message)
class MessageAdmin(SimpleHistoryAdmin):
    """Kept for staff to read when a member reports abuse; nobody edits, adds or deletes one
    here (the retention purge and a sender's erasure delete them)."""

    list_display = ["sent_at", "subject", "sender", "member", "practice", "recipient_count"]
    list_filter = ["sent_at"]
    list_select_related = ["sender__member", "member", "practice"]
    search_fields = ["subject", "body", "sender__name", "sender__email", "member__name"]
    date_hierarchy = "sent_at"
    readonly_fields = [
        "sender",
        "member",
        "practice",
        "subject",
        "body",
        "recipient_count",
        "sent_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
