from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class DeclarationsConfig(AppConfig):
    name = "declarations"
    verbose_name = _("Declaration")

    def ready(self):
        from django.db.models import Q

        from core import personal_data, workflows
        from members.models import Member

        from . import services
        from .models import Declaration, Signature

        # A declaration is shown once published; a signature once verified with consent.
        # Signatures waiting for their e-mail confirmation or review are on no public page.
        workflows.watch(Declaration, public=Declaration.objects.published)
        workflows.watch(Signature, public=Signature.objects.public)

        def signatures_of(member):
            # Given for that authority, or from the contact person's address.
            given = Q(member=member)
            if member.contact_email:
                given |= Q(email__iexact=member.contact_email)
            return Signature.objects.filter(given).order_by("pk")

        def erase_signatures(member, by):
            # Only those from the contact person's address: others for the authority are
            # other people's.
            if not member.contact_email:
                return ""
            signatures = Signature.objects.filter(email__iexact=member.contact_email)
            count = 0
            for signature in signatures.order_by("pk"):
                services.erase_personal_data(signature, by)
                count += 1
            if not count:
                return ""
            return ngettext(
                "%(count)d signature, withdrawn", "%(count)d signatures, withdrawn", count
            ) % {"count": count}

        personal_data.register_related(Member, "signatures", signatures_of, erase=erase_signatures)

        from core.backoffice import register_decisions, register_work

        def expired_count():
            from .admin import unconfirmed_past_their_link  # the admin's own filter

            return unconfirmed_past_their_link(Signature.objects.all()).count()

        # The admin's home: signatures waiting for staff, and the decisions taken.
        register_work(
            _("Signatures confirmed and waiting for verification"),
            "admin:declarations_signature_changelist",
            lambda: Signature.objects.awaiting_verification().count(),
            "declarations.change_signature",
            query="review=waiting",
        )
        register_work(
            _("Signatures never confirmed, their link expired"),
            "admin:declarations_signature_changelist",
            expired_count,
            "declarations.change_signature",
            query="review=expired",
        )
        register_decisions(
            Signature,
            {
                "verified": _("Signature verified"),
                "rejected": _("Signature rejected"),
                "withdrawn": _("Signature withdrawn"),
            },
        )
