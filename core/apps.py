from django.contrib.admin.apps import AdminConfig


class AllianceAdminConfig(AdminConfig):
    """Django's admin, with the site whose home page is today's work (core.backoffice)."""

    default_site = "core.backoffice.AllianceAdminSite"
