from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext


class PracticesConfig(AppConfig):
    name = "practices"
    verbose_name = _("Good practices")

    def ready(self):
        from core import personal_data, search, workflows
        from members.models import Member

        from . import services
        from .models import Attachment, Practice, PracticeLink, Theme

        # Published practices are public; so are their themes, links, files and members.
        workflows.watch(Theme)
        workflows.watch(Practice, public=Practice.objects.published)
        for part in (PracticeLink, Attachment):
            workflows.watch(
                part,
                public=lambda part=part: part.objects.filter(
                    practice__in=Practice.objects.published()
                ),
            )
        workflows.watch_relation(Practice.themes.through)
        workflows.watch_relation(Practice.members.through)

        search.register(
            "practices",
            _("Good practices"),
            lambda query: (
                Practice.objects.published()
                .search(query)
                .order_by("-published_at", "pk")
                .only("title", "slug", "summary")  # what a result shows
            ),
            snippet=lambda practice: practice.summary,
            position=30,
        )

        def practices_submitted_by(member):
            # The contact person's address is kept on the practices they submitted.
            if not member.contact_email:
                return Practice.objects.none()
            return Practice.objects.filter(submitter_email__iexact=member.contact_email).order_by(
                "pk"
            )

        def forget_submitter(member, by):
            count = services.forget_submitter(member.contact_email)
            if not count:
                return ""
            return ngettext(
                "their address on %(count)d practice submitted",
                "their address on %(count)d practices submitted",
                count,
            ) % {"count": count}

        personal_data.register_related(
            Member, "practices submitted", practices_submitted_by, erase=forget_submitter
        )

        from core.backoffice import register_decisions, register_work

        # The admin's home: practices submitted and waiting for review.
        register_work(
            _("Practices submitted for review"),
            "admin:practices_practice_changelist",
            lambda: Practice.objects.filter(status=Practice.Status.SUBMITTED).count(),
            "practices.publish_practice",
            query="status__exact=submitted",
        )
        register_decisions(
            Practice,
            {
                "published": _("Practice published"),
                "returned": _("Practice returned to its submitter"),
                "archived": _("Practice archived"),
            },
        )
