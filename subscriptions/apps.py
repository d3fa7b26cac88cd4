from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubscriptionsConfig(AppConfig):
    """What a contact person follows (themes, countries) and the e-mail digests of what staff
    publish that matches it."""

    name = "subscriptions"
    verbose_name = _("Subscriptions")
