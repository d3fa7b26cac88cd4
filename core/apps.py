from django.contrib.admin.apps import AdminConfig


class AllianceAdminConfig(AdminConfig):
    """Django's admin, with the site whose home page is today's work (core.backoffice)."""

    default_site = "core.backoffice.AllianceAdminSite"

    def ready(self):
        super().ready()
        # Connects the SQLite collations to every new connection (core/collation.py).
        from . import collation  # noqa: F401
