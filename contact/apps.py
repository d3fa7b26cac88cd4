from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContactConfig(AppConfig):
    name = "contact"
    verbose_name = _("Contact")

    def ready(self):
        from core import workflows

        from .models import SecretariatContact

        # The contacts are shown on the contact page; messages never are.
        workflows.watch(SecretariatContact)

        from core.backoffice import register_decisions, register_work

        from .models import ContactMessage

        # The admin's home: messages nobody has handled yet, and those handled.
        register_work(
            _("Contact messages not handled"),
            "admin:contact_contactmessage_changelist",
            lambda: ContactMessage.objects.filter(handled_at__isnull=True).count(),
            "contact.change_contactmessage",
            query="handled=no",
        )
        register_decisions(
            ContactMessage,
            {
                "handled": _("Message handled"),
                "answered": _("Message answered"),
            },
        )
