from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.search import matching, translated_fields

# What the site search reads of a page; PostgreSQL keeps it in a column (migration 0006).
SEARCH_FIELDS = translated_fields("title", "lead", "body")


class PageQuerySet(models.QuerySet):
    # Every content page is public.
    def search(self, query):
        return matching(self, query, SEARCH_FIELDS, stored="search_document")


class Page(models.Model):
    """A content page staff edit in the admin: about, terminology, privacy."""

    class Slug(models.TextChoices):
        ABOUT = "about", _("About the Alliance")
        TERMINOLOGY = "terminology", _("Terminology")
        PRIVACY = "privacy", _("Privacy")

    slug = models.SlugField(_("page"), choices=Slug.choices, unique=True)
    title = models.CharField(_("title"), max_length=200)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences."))
    body = models.TextField(
        _("body"), blank=True, help_text=_("Markdown: *italic*, **bold**, [link](https://…).")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PageQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(f"page-{self.slug}")
