from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")

    def ready(self):
        from core import search, workflows

        from .models import Member

        # Members the public may see named feed public pages; a join request waiting for a
        # decision, or refused, is on none.
        workflows.watch(Member, public=Member.objects.named)

        search.register(
            "members",
            _("Members"),
            lambda query: (
                Member.objects.approved()
                .search(query)
                .by_public_name()
                # What a result shows (its name, summary and address): no other column.
                .only("name", "display_name", "slug", "kind", "country")
            ),
            snippet=lambda member: member.search_summary(),
            position=10,
        )

        from core.backoffice import register_decisions, register_work

        # The admin's home: join requests waiting for a decision, and the decisions taken.
        register_work(
            _("Join requests waiting for a decision"),
            "admin:members_member_changelist",
            lambda: Member.objects.pending().count(),
            "members.change_member",
        )
        register_decisions(
            Member,
            {
                "approved": _("Join request approved"),
                "rejected": _("Join request rejected"),
                "left the Alliance": _("Member left the Alliance"),
            },
        )
