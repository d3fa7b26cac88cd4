from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class AllianceAdminConfig(AdminConfig):
    """Django's admin, with the site whose home page is today's work (core.backoffice)."""

    default_site = "core.backoffice.AllianceAdminSite"

    def ready(self):
        super().ready()
        from background.models import ScheduledJob

        # Connects the SQLite collations to every new connection (core/collation.py).
        from . import collation  # noqa: F401
        from .backoffice import register_work

        # The worker's timed jobs (purges, prunings) fail unseen unless someone looks: here.
        register_work(
            _("Scheduled jobs whose last run failed"),
            "admin:background_scheduledjob_changelist",
            lambda: ScheduledJob.objects.failed().count(),
            "background.view_scheduledjob",
            query="last_succeeded__exact=0",
        )
