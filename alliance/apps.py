from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Site pages")

    def ready(self):
        from core import open_data, search, workflows
        from core.markup import rendered_markdown

        from .models import Page

        workflows.watch(Page)  # every page is public
        open_data.install()
        search.register(
            "pages",
            _("Pages"),
            lambda query: Page.objects.search(query),
            snippet=lambda page: page.lead or rendered_markdown(page.body),
            position=90,
        )

        from background.models import OutgoingEmail
        from core.backoffice import register_work

        # The admin's home: e-mails that could not be sent, for staff to look at and send again.
        register_work(
            _("E-mails that failed"),
            "admin:background_outgoingemail_changelist",
            lambda: OutgoingEmail.objects.failed().count(),
            "background.view_outgoingemail",
            query="state__exact=failed",
        )
