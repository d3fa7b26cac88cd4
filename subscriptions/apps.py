from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class SubscriptionsConfig(AppConfig):
    """What a contact person follows (themes, countries) and the e-mail digests of what staff
    publish that matches it."""

    name = "subscriptions"
    verbose_name = _("Subscriptions")

    def ready(self):
        from django.db.models.signals import post_delete

        from core import personal_data
        from members.models import Member
        from participants.models import ContactPerson

        from .models import Subscription

        def forget_history(sender, instance, **kwargs):
            # A subscription goes with its contact person (erased, or removed): so does the
            # record of what they followed.
            Subscription.history.filter(id=instance.pk).delete()

        post_delete.connect(
            forget_history,
            sender=Subscription,
            dispatch_uid="subscriptions.forget_history",
            weak=False,
        )

        def erase_subscriptions(member, by):
            if not member.contact_email:
                return ""
            _total, rows = Subscription.objects.filter(
                contact__in=ContactPerson.objects.with_email(member.contact_email)
            ).delete()
            count = rows.get(Subscription._meta.label, 0)
            if not count:
                return ""
            return ngettext(
                "%(count)d subscription to e-mail alerts",
                "%(count)d subscriptions to e-mail alerts",
                count,
            ) % {"count": count}

        personal_data.register_related(
            ContactPerson,
            "e-mail alerts",
            lambda contact: Subscription.objects.filter(contact=contact),
        )
        personal_data.register_related(
            Member,
            "e-mail alerts",
            lambda member: Subscription.objects.filter(contact__member=member).order_by("pk"),
            erase=erase_subscriptions,
        )
