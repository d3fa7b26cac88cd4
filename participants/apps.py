from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        from core import personal_data
        from core.backoffice import register_decisions, register_work
        from members.models import Member
        from members.signals import member_approved

        from . import services
        from .models import ProfileChangeRequest

        def first_contact_person(sender, member, by=None, **kwargs):
            services.contact_from_join_request(member, by)

        member_approved.connect(
            first_contact_person,
            sender=Member,
            dispatch_uid="participants.first_contact",
            weak=False,
        )
        personal_data.register_related(
            Member, "contact persons", lambda member: member.contact_persons.order_by("pk")
        )
        register_work(
            _("Profile changes waiting for a decision"),
            "admin:participants_profilechangerequest_changelist",
            lambda: ProfileChangeRequest.objects.filter(
                status=ProfileChangeRequest.Status.PENDING
            ).count(),
            "participants.change_profilechangerequest",
            query="status__exact=pending",
        )
        register_decisions(ProfileChangeRequest)
