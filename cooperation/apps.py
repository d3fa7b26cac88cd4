from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("NGO cooperation")

    def ready(self):
        from core import workflows

        from .models import Proposal

        # Listed NGOs appear on the Alliance's page; pending and declined proposals on none.
        workflows.watch(Proposal, public=Proposal.objects.listed)

        from core.backoffice import register_decisions, register_work

        # The admin's home: proposals waiting for an answer, and the answers given.
        register_work(
            _("NGO proposals waiting for an answer"),
            "admin:cooperation_proposal_changelist",
            lambda: Proposal.objects.filter(status=Proposal.Status.PENDING).count(),
            "cooperation.change_proposal",
            query="status__exact=pending",
        )
        register_decisions(
            Proposal,
            {
                "accepted": _("Proposal accepted"),
                "declined": _("Proposal declined"),
                "answered": _("Proposal answered"),
            },
        )
