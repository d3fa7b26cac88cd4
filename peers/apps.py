from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeersConfig(AppConfig):
    """Members learning from each other in the participants' space: a contact writes to the
    authority behind a published practice, and finds members like their own."""

    name = "peers"
    verbose_name = _("Members learning from each other")
