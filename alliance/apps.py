from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import gettext_lazy as _


class AllianceConfig(AppConfig):
    name = "alliance"
    verbose_name = _("Site pages")

    def ready(self):
        from declarations.models import Declaration, Signature
        from members.models import Member
        from news.models import Article, Tag

        from .cache import data_changed
        from .models import Page

        # What public pages show: any change to it makes every cached page stale.
        for model in (Member, Signature, Declaration, Article, Tag, Page):
            uid = f"page-cache:{model._meta.label}"
            post_save.connect(data_changed, sender=model, dispatch_uid=uid)
            post_delete.connect(data_changed, sender=model, dispatch_uid=uid)
        for through in (Article.tags.through, Article.members.through):
            uid = f"page-cache:{through._meta.label}"
            m2m_changed.connect(data_changed, sender=through, dispatch_uid=uid)
