import csv

from django.contrib import admin, messages
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import (
    Decision,
    DecisionQueueMixin,
    LargeTableMixin,
    TranslationGapsMixin,
    decision_action,
    report,
    staff_action,
)
from core.spreadsheet import safe_cell

from . import services
from .models import Event, ParticipantMessage, Registration


@admin.register(Event)
class EventAdmin(
    LargeTableMixin, TranslationGapsMixin, DecisionQueueMixin, SimpleHistoryAdmin, TranslationAdmin
):
    translation_gap_fields = ("title", "summary", "programme")
    list_display = ["title", "kind", "status", "starts_at", "city", "country", "registration_open"]
    list_filter = ["status", "kind", "themes", "country", "registration_open"]
    search_fields = ["slug", "title_en", "title_fr", "city", "venue_en", "venue_fr"]
    date_hierarchy = "starts_at"
    ordering = ["-starts_at", "-pk"]
    filter_horizontal = ["themes", "organisers", "partners", "articles", "practices"]
    readonly_fields = ["uid", "sequence", "created_at", "updated_at"]
    actions = ["publish", "cancel", "fill_places"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "status", "summary", "programme"]}),
        (
            _("When and where"),
            {
                "fields": [
                    "starts_at",
                    "ends_at",
                    "all_day",
                    "time_zone",
                    "venue",
                    "city",
                    "country",
                    ("latitude", "longitude"),
                ]
            },
        ),
        (_("Links"), {"fields": ["themes", "organisers", "partners", "articles", "practices"]}),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        (_("Registration"), {"fields": ["registration_open", "capacity"]}),
        (_("Record"), {"fields": ["uid", "sequence", "created_at", "updated_at"]}),
    ]

    def decisions(self, request, event):
        buttons = []
        if event.status == Event.Status.DRAFT:
            buttons.append(Decision("publish", _("Publish")))
        if event.status == Event.Status.PUBLISHED:
            buttons.append(Decision("cancel", _("Cancel the event")))
            if event.takes_registrations or event.registrations.waiting().exists():
                buttons.append(Decision("fill_places", _("Give free places to the waiting list")))
        return buttons

    # The services take a selection; each event is decided on its own, as elsewhere.
    publish = decision_action(
        lambda event, by: services.publish_events(Event.objects.filter(pk=event.pk), by).changed,
        description=_("Publish the selected events"),
        permission="change",
        done=ngettext_lazy("%(count)d event published", "%(count)d events published", "count"),
        left=ngettext_lazy("%(count)d was not a draft", "%(count)d were not drafts", "count"),
        left_level=messages.SUCCESS,
    )
    cancel = decision_action(
        lambda event, by: services.cancel_events(Event.objects.filter(pk=event.pk), by).changed,
        description=_("Cancel the selected events (they stay on the site, marked as cancelled)"),
        permission="change",
        done=ngettext_lazy("%(count)d event cancelled", "%(count)d events cancelled", "count"),
        left=ngettext_lazy("%(count)d was not published", "%(count)d were not published", "count"),
        left_level=messages.SUCCESS,
    )

    @staff_action(
        description=_("Give free places to the people on the waiting list"), permission="change"
    )
    def fill_places(self, request, queryset):
        moved = sum(services.fill_places(event, by=request.user) for event in queryset)
        report(
            request,
            (
                moved,
                ngettext(
                    "%d person moved from the waiting list",
                    "%d people moved from the waiting list",
                    moved,
                )
                % moved,
            ),
        )


# The participants' list as staff download it: every text cell safe from spreadsheet formulas.
EXPORT_COLUMNS = [
    ("event", lambda r: r.event.title),
    ("full_name", lambda r: r.full_name),
    ("authority", lambda r: r.authority),
    ("role", lambda r: r.role),
    ("email", lambda r: r.email),
    ("language", lambda r: r.language),
    ("accessibility_needs", lambda r: r.accessibility_needs),
    ("status", lambda r: r.status),
    ("registered", lambda r: r.created_at.isoformat()),
]


def participants_csv(registrations):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="participants-{timezone.localdate():%Y-%m-%d}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow([name for name, _value in EXPORT_COLUMNS])
    for registration in registrations:
        writer.writerow([safe_cell(value(registration)) for _name, value in EXPORT_COLUMNS])
    return response


class EventTimeFilter(admin.SimpleListFilter):
    """Registrations for events still to come, whose lists staff act on, or for past ones."""

    title = _("event")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("coming", _("Still to come")), ("past", _("Over"))]

    def queryset(self, request, queryset):
        if self.value() == "coming":
            return queryset.filter(event__ends_at__gte=timezone.now())
        if self.value() == "past":
            return queryset.filter(event__ends_at__lt=timezone.now())
        return queryset


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "authority", "event", "status", "language", "created_at"]
    list_filter = [EventTimeFilter, "status", "event"]
    list_select_related = ["event"]
    search_fields = ["full_name", "authority", "email"]
    readonly_fields = ["status", "created_at", "confirmed_at", "updated_at"]
    actions = ["export_participants", "cancel"]

    @staff_action(description=_("Export the selected participants (CSV)"), permission="view")
    def export_participants(self, request, queryset):
        return participants_csv(
            queryset.select_related("event").order_by("event", "created_at", "pk")
        )

    cancel = decision_action(
        lambda registration, by: services.cancel_registration(registration, by=by),
        description=_("Cancel the selected registrations (frees their places)"),
        permission="change",
        done=ngettext_lazy(
            "%(count)d registration cancelled", "%(count)d registrations cancelled", "count"
        ),
        left=ngettext_lazy(
            "%(count)d was already cancelled", "%(count)d were already cancelled", "count"
        ),
        left_level=messages.SUCCESS,
    )


@admin.register(ParticipantMessage)
class ParticipantMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "event", "sent_at", "recipients"]
    list_select_related = ["event"]
    readonly_fields = ["sent_at", "recipients"]
    actions = ["send"]

    @staff_action(
        description=_("Send the selected messages to the confirmed participants"),
        permission="change",
    )
    def send(self, request, queryset):
        sent = recipients = 0
        for message in queryset:
            count = services.send_participant_message(message, by=request.user)
            if message.sent_at and count:
                sent += 1
                recipients += count
        report(
            request,
            (
                sent,
                ngettext("%(count)d message sent", "%(count)d messages sent", sent)
                % {"count": sent},
            ),
        )
