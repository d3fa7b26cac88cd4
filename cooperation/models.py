from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from core.text import normalise


class ProposalQuerySet(models.QuerySet):
    """Who the public sees: `listed()`."""

    def listed(self):
        """Accepted NGOs that agreed to be named on the Alliance's page. Nothing else of a
        proposal is ever public: neither the proposal nor the contact person."""
        return self.filter(status=Proposal.Status.ACCEPTED, list_publicly=True)

    def pending(self):
        return self.filter(status=Proposal.Status.PENDING)


class Proposal(models.Model):
    """An NGO's proposal of cooperation with the Alliance, from the cooperation form."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        ACCEPTED = "accepted", _("accepted")
        DECLINED = "declined", _("declined")

    name = models.CharField(_("organisation"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    country = CountryField(_("country"))
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(
        "practices.Theme", verbose_name=_("fields of work"), blank=True, related_name="+"
    )
    roma_led = models.BooleanField(
        _("Roma or Traveller-led organisation"),
        default=False,
        help_text=_("Led by Roma or Travellers, as the organisation says of itself."),
    )
    proposal = models.TextField(_("proposal"))
    list_publicly = models.BooleanField(
        _("may be listed publicly"),
        default=False,
        help_text=_(
            "The organisation agreed that, once accepted, its name, country and website are "
            "listed on the Alliance’s page."
        ),
    )
    members = models.ManyToManyField(
        "members.Member",
        verbose_name=_("members it works with"),
        blank=True,
        related_name="+",
        help_text=_("Member cities and regions this NGO cooperates with."),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("received"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("E-mailed to the contact person, in their language.")
    )
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(
        _("staff note"),
        blank=True,
        help_text=_("For the secretariat only: never sent to the organisation nor published."),
    )

    # The contact person: private, never shown on a public page or data file.
    contact_name = models.CharField(_("contact name"), max_length=200)
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the contact person wrote in: the site writes back in it."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("cooperation proposal")
        verbose_name_plural = _("cooperation proposals")
        constraints = [
            # One live proposal per organisation; a declined one may propose again.
            models.UniqueConstraint(
                fields=["search_name", "country"],
                condition=Q(status__in=["pending", "accepted"]),
                name="cooperation_one_active_per_name_and_country",
                violation_error_message=_(
                    "This organisation already cooperates with the Alliance or has already "
                    "proposed to."
                ),
            ),
        ]
        indexes = [models.Index(fields=["status", "search_name"], name="cooperation_status_idx")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.search_name = normalise(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.search_name = normalise(self.name)
        if self.status == self.Status.DECLINED or not self.country:
            return
        others = Proposal.objects.filter(
            search_name=self.search_name,
            country=self.country,
            status__in=[self.Status.PENDING, self.Status.ACCEPTED],
        ).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(
                {
                    "name": ValidationError(
                        _("A proposal from “%(name)s” (%(country)s) has already been received."),
                        code="duplicate",
                        params={"name": self.name, "country": self.country.name},
                    )
                }
            )
