from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    """Members learning from each other in the participants' space: a contact writes to the
    authority behind a published practice, and finds members like their own."""

    name = "peers"
    verbose_name = _("Members learning from each other")

    def ready(self):
        from core import personal_data
        from participants.models import ContactPerson

        from . import services

        # The messages a contact person sent are theirs: in their export, gone when erased.
        personal_data.register_related(
            ContactPerson,
            "messages_to_other_members",
            services.messages_sent_by,
            erase=services.erase_messages_of,
        )
