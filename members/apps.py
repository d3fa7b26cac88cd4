from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from core import search

        from .models import Member

        search.register(
            "members",
            _("Members"),
            lambda query: Member.objects.approved().search(query).by_public_name(),
            snippet=lambda member: member.search_summary(),
            position=10,
        )
