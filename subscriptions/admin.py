from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Subscription


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Read-only: only the person chooses what they follow (in the participants' space), and
    stops it there or from any digest's link; staff neither make nor change them (deleting
    one goes with its contact person)."""

    list_display = ["contact", "member", "rhythm", "followed", "last_sent_at", "updated_at"]
    list_filter = ["rhythm", "themes", "contact__member__country"]
    search_fields = ["contact__name", "contact__email", "contact__member__name"]
    list_select_related = ["contact__member"]
    fields = [
        "contact",
        "themes",
        "countries",
        "rhythm",
        "covered_until",
        "last_sent_at",
        "created_at",
        "updated_at",
    ]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("themes")

    @admin.display(description=_("member"), ordering="contact__member__name")
    def member(self, subscription):
        return subscription.contact.member

    @admin.display(description=_("follows"))
    def followed(self, subscription):
        return ", ".join(subscription.followed()) or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
