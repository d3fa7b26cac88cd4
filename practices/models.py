from django.db import models
from django.utils.translation import gettext_lazy as _

from core import cache as public_pages


class Theme(models.Model):
    """A field of Roma inclusion work: education, housing, employment… Staff edit the list.

    Practices, events, documents and NGO proposals are classified by the same themes.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Themes are listed in this order.")
    )

    class Meta:
        ordering = ["position", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


# Theme names show on the public lists and filters.
public_pages.watch(Theme)
