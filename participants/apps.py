from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class ParticipantsConfig(AppConfig):
    name = "participants"
    verbose_name = _("Participants")

    def ready(self):
        from core import personal_data
        from core.backoffice import register_decisions, register_work
        from members.models import Member
        from members.signals import member_approved

        from . import services
        from .models import ContactPerson, ProfileChangeRequest

        def first_contact_person(sender, member, by=None, **kwargs):
            services.contact_from_join_request(member, by)

        member_approved.connect(
            first_contact_person,
            sender=Member,
            dispatch_uid="participants.first_contact",
            weak=False,
        )

        def erase_contact_persons(member, by):
            # The person behind the request's address, wherever they are a contact person:
            # their sign-in account goes with the last of them, and with it their sessions.
            if not member.contact_email:
                return ""
            contacts = list(ContactPerson.objects.with_email(member.contact_email))
            for contact in contacts:
                services.erase_contact(contact, by)
            count = len(contacts)
            if not count:
                return ""
            return ngettext(
                "%(count)d contact person, who can no longer sign in",
                "%(count)d contact persons, who can no longer sign in",
                count,
            ) % {"count": count}

        personal_data.register_related(
            Member,
            "contact persons",
            lambda member: member.contact_persons.order_by("pk"),
            erase=erase_contact_persons,
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
        register_decisions(
            ProfileChangeRequest,
            {
                "approved": _("Change approved"),
                "rejected": _("Change rejected"),
            },
        )
