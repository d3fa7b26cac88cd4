from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from django.db.models import Min, Q
        from django.utils import timezone

        from core import cache, personal_data, search, workflows
        from members.map import register_layer
        from members.models import Member

        from . import services
        from .map import upcoming_events_layer
        from .models import Event, Registration

        # Published and cancelled events are public, drafts are not; their themes and links
        # show on their pages. Registrations and messages never reach a public page.
        workflows.watch(Event, public=Event.objects.published)
        for relation in ("themes", "organisers", "partners", "articles", "practices"):
            workflows.watch_relation(getattr(Event, relation).through)

        def next_change():
            # An event moves from "upcoming" to "past" when it ends, and stops taking
            # registrations when it starts: the pages are renewed at the next of those moments.
            now = timezone.now()
            moments = (
                Event.objects.published()
                .filter(ends_at__gte=now)
                .aggregate(
                    end=Min("ends_at"),
                    start=Min("starts_at", filter=Q(starts_at__gt=now, registration_open=True)),
                )
            )
            return min(filter(None, moments.values()), default=None)

        cache.schedule(next_change)

        register_layer("events", upcoming_events_layer)

        search.register(
            "events",
            _("Events"),
            lambda query: (
                Event.objects.published()
                .search(query)
                .order_by("-starts_at", "pk")
                .only("title", "slug", "summary")  # what a result shows
            ),
            snippet=lambda event: event.summary,
            position=40,
        )

        def registrations_of(member):
            # Registrations sent from the contact person's address.
            if not member.contact_email:
                return Registration.objects.none()
            return Registration.objects.filter(email__iexact=member.contact_email).order_by("pk")

        def forget_registrations(member, by):
            count = services.forget_participant(member.contact_email, by)
            if not count:
                return ""
            return ngettext(
                "%(count)d event registration", "%(count)d event registrations", count
            ) % {"count": count}

        personal_data.register_related(
            Member, "event_registrations", registrations_of, erase=forget_registrations
        )

        from core.backoffice import register_decisions, register_work

        # The admin's home: people on the waiting list of an event still to come, whom staff
        # may let in when a place frees up.
        register_work(
            _("Registrations on the waiting list of coming events"),
            "admin:events_registration_changelist",
            lambda: (
                Registration.objects.waiting().filter(event__ends_at__gte=timezone.now()).count()
            ),
            "events.change_registration",
            query="when=coming&status__exact=waiting",
        )
        register_decisions(
            Event,
            {
                "published": _("Event published"),
                "cancelled": _("Event cancelled"),
            },
        )
