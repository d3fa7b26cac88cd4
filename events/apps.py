from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from core import personal_data
        from members.models import Member

        from .models import Registration

        def registrations_of(member):
            # Registrations sent from the contact person's address.
            if not member.contact_email:
                return Registration.objects.none()
            return Registration.objects.filter(email__iexact=member.contact_email).order_by("pk")

        personal_data.register_related(Member, "event_registrations", registrations_of)
