from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeclarationsConfig(AppConfig):
    name = "declarations"
    verbose_name = _("Declaration")

    def ready(self):
        from django.db.models import Q

        from core import personal_data
        from members.models import Member

        from .models import Signature

        def signatures_of(member):
            # Given for that authority, or from the contact person's address.
            given = Q(member=member)
            if member.contact_email:
                given |= Q(email__iexact=member.contact_email)
            return Signature.objects.filter(given).order_by("pk")

        personal_data.register_related(Member, "signatures", signatures_of)
