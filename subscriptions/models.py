"""What a contact person follows (themes, countries) and how often they hear about it, and
when the digests first saw each record public."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from participants.models import ContactPerson


class SubscriptionQuerySet(models.QuerySet):
    def receiving(self):
        """The subscriptions digests are written for: a rhythm chosen, by a contact person who
        may sign in now (ContactPerson's own rule)."""
        return self.exclude(rhythm=Subscription.Rhythm.NONE).filter(
            contact__in=ContactPerson.objects.active()
        )


class Subscription(models.Model):
    """One contact person's choices: the themes and countries they follow, and the rhythm of
    their digest. Made only by the person, in the participants' space: none by default."""

    class Rhythm(models.TextChoices):
        IMMEDIATELY = "immediately", _("at once, as soon as something is published")
        WEEKLY = "weekly", _("once a week, on Monday")
        MONTHLY = "monthly", _("once a month, on the 1st")
        NONE = "none", _("never: no e-mail")

    contact = models.OneToOneField(
        ContactPerson,
        verbose_name=_("contact person"),
        on_delete=models.CASCADE,
        related_name="subscription",
    )
    themes = models.ManyToManyField(
        "practices.Theme",
        verbose_name=_("themes"),
        related_name="subscriptions",
        blank=True,
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    rhythm = models.CharField(
        _("e-mail digest"), max_length=12, choices=Rhythm.choices, default=Rhythm.NONE
    )
    # The high-water mark: everything first seen public up to this moment was considered for
    # a digest (sent, or matching nothing). Moved by one conditional UPDATE per digest.
    covered_until = models.DateTimeField(_("considered up to"), default=timezone.now)
    last_sent_at = models.DateTimeField(_("last digest"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords()

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name = _("e-mail alert subscription")
        verbose_name_plural = _("e-mail alert subscriptions")
        indexes = [models.Index(fields=["rhythm", "covered_until"], name="subscriptions_due_idx")]

    def __str__(self):
        return str(self.contact)

    @property
    def is_receiving(self):
        return self.rhythm != self.Rhythm.NONE

    def followed(self):
        """The names of the themes and countries followed, in the active language."""
        themes = [theme.name for theme in self.themes.all()]
        return themes + [str(country.name) for country in self.countries]


class Publication(models.Model):
    """When the digest job first saw a record public (its run's time).

    Events and documents record no time of publication, and an article may be dated earlier
    than it went online: the digests read this one time for every kind. A record is noted
    once: made private and public again, it is not new again.
    """

    class Kind(models.TextChoices):
        PRACTICE = "practice", _("good practice")
        EVENT = "event", _("event")
        DOCUMENT = "document", _("document")
        ARTICLE = "article", _("article")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("record"))
    seen_at = models.DateTimeField(_("first seen public"))

    class Meta:
        ordering = ["-seen_at", "-pk"]
        verbose_name = _("publication seen")
        verbose_name_plural = _("publications seen")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="subscriptions_seen_once")
        ]
        indexes = [models.Index(fields=["kind", "seen_at"], name="subscriptions_seen_idx")]

    def __str__(self):
        return f"{self.get_kind_display()} {self.object_id}"


def new_since(kind, since, until):
    """The ids of `kind` first seen public after `since`, up to `until` (a subquery)."""
    return Publication.objects.filter(
        Q(kind=kind) & Q(seen_at__gt=since) & Q(seen_at__lte=until)
    ).values("object_id")
