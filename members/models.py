from collections import Counter

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, F, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from core.cache import remember
from core.collation import collated, shown_languages
from core.images import UploadedImageField
from core.text import normalise, save_with_unique_slug
from core.uploads import IMAGES, FileKindValidator


class MemberQuerySet(models.QuerySet):
    """Who the public sees. The rules are `approved()` and `named()` (with the
    `has_public_profile` property that mirrors `approved()` on one member)."""

    def approved(self):
        """The members the public sees listed, with a profile: every public page, feed and
        data file starts here."""
        return self.filter(status__in=Member.LISTED_STATUSES)

    def named(self):
        """The members the public may see named: members, and former members on the articles
        that were about them. A request waiting for a decision, or refused, is never named."""
        return self.filter(status__in=Member.NAMED_STATUSES)

    def pending(self):
        return self.filter(status=Member.Status.PENDING)

    def by_public_name(self):
        """Sorted by the name the pages show, as the visitor's language sorts names."""
        return self.order_by(collated(shown_name()), "pk")

    def listed(self):
        """Only the columns a list of members shows (the directory, a country's page)."""
        return self.only(
            "name", "display_name", "slug", "kind", "country", "joined_on", "updated_at"
        )

    def search(self, query):
        """Accent- and case-insensitive name search: "lodz" finds "Łódź", "sofia" "София",
        "seville" finds "Sevilla", whose French name is "Séville".

        Each word must appear in the normalised names, local and translated (`search_names`).
        """
        queryset = self
        for word in normalise(query).split():
            queryset = queryset.filter(search_names__contains=word)
        return queryset

    def totals(self):
        """{"members": N, "countries": M} in one query.

        Counted per country (a hash aggregate), several times faster than COUNT(DISTINCT),
        which sorts every row.
        """
        counts = [n for _code, n in self.order_by().values_list("country").annotate(Count("pk"))]
        return {"members": sum(counts), "countries": len(counts)}


def shown_name(language=None, prefix=""):
    """SQL for `Member.public_name` in `language` (by default the active one): the display
    name in that language, else in the fallback language, else the local name.

    prefix: the path to a member from another model, e.g. "member__".
    """
    *translated, local = public_name_fields(language, prefix)
    return Coalesce(
        *(NullIf(F(field), Value("")) for field in translated),
        F(local),
        output_field=models.CharField(),
    )


def public_name_fields(language=None, prefix=""):
    """The columns `Member.public_name` is read from, in order: the display name in
    `language` and in the fallback languages, then the local name (the first one filled)."""
    return [f"{prefix}display_name_{code}" for code in shown_languages(language)] + [
        f"{prefix}name"
    ]


def approved_counts(country="", kind=""):
    """{country code: number of approved members}, of one kind and country if given.

    The home page's counters, the directory's and the map's totals and the list of countries
    all come from one small aggregate (by country and kind), kept until the data change.
    """
    selected = Counter()
    for code, member_kind, number in approved_counts_by_kind():
        if country in ("", code) and kind in ("", member_kind):
            selected[code] += number
    return selected


def approved_counts_by_kind():
    """[(country code, kind, number of approved members)], kept until the data change."""
    return remember(
        "approved-member-counts",
        lambda: list(
            Member.objects.approved()
            .order_by()
            .values_list("country", "kind")
            .annotate(Count("pk"))
        ),
    )


def totals_of(counts):
    """{"members": N, "countries": M} from approved_counts()."""
    return {"members": counts.total(), "countries": len(counts)}


class Member(models.Model):
    """A city or region taking part in the Alliance, from its join request onwards."""

    class Kind(models.TextChoices):
        CITY = "city", _("city")
        REGION = "region", _("region")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        # In French a member is masculine, a signature feminine: "rejeté", "rejetée".
        REJECTED = "rejected", pgettext_lazy("status of a member", "rejected")
        LEFT = "left", _("left")

    name = models.CharField(
        _("name"), max_length=200, help_text=_("In the local spelling, e.g. “Łódź”.")
    )
    display_name = models.CharField(
        _("display name"),
        max_length=200,
        blank=True,
        help_text=_("How the name is written in this language, if not as locally."),
    )
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=_("Part of the page address.")
    )
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    # Every name a visitor may know it by, normalised: the local one and each translation.
    search_names = models.TextField(editable=False, default="")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CITY)
    country = CountryField(_("country"))
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(
        _("description"), blank=True, help_text=_("A short public description.")
    )
    # Public media: an approved member's logo is shown to everyone.
    logo = UploadedImageField(
        _("logo"),
        upload_to="members/logos/",
        blank=True,
        validators=[FileKindValidator(IMAGES)],
        help_text=_("The authority’s logo or coat of arms: JPEG, PNG, WebP or GIF."),
    )
    # A public contact point: an office's role and shared address, shown only with consent.
    public_contact_role = models.CharField(
        _("public contact"),
        max_length=200,
        blank=True,
        help_text=_("A role or office, e.g. “Roma inclusion office”; never a person’s name."),
    )
    public_contact_email = models.EmailField(
        _("public contact e-mail"),
        blank=True,
        help_text=_("An office’s shared address, never a person’s own."),
    )
    public_contact_consent = models.BooleanField(
        _("the authority agrees that its contact point is published"), default=False
    )
    # What staff want to show of the authority's Roma inclusion work.
    action_plan_url = models.URLField(
        _("local action plan"),
        blank=True,
        help_text=_("Address of the authority’s local action plan for Roma inclusion."),
    )
    national_network = models.CharField(
        _("national network"),
        max_length=250,
        blank=True,
        help_text=_("The national network of authorities it belongs to, if any."),
    )
    programmes = models.TextField(
        _("programmes taken part in"),
        blank=True,
        help_text=_("One per line, e.g. ROMACT, ROMED2."),
    )
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    joined_on = models.DateField(_("member since"), null=True, blank=True)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    # The contact person: private, never shown on a public page or data file.
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the contact person wrote in: the site writes back in it."),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # See MemberQuerySet.approved() and named().
    LISTED_STATUSES = [Status.APPROVED]
    NAMED_STATUSES = [Status.APPROVED, Status.LEFT]

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("member")
        verbose_name_plural = _("members")
        constraints = [
            # One live record per authority: a second request for it, or a request from an
            # existing member, is refused. Rejected and former members may apply again.
            models.UniqueConstraint(
                fields=["search_name", "country"],
                condition=Q(status__in=["pending", "approved"]),
                name="members_one_active_per_name_and_country",
                violation_error_message=_(
                    "This authority is already a member or has already asked to join."
                ),
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="members_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="members_longitude_in_range",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "country"], name="members_status_country_idx"),
            models.Index(fields=["status", "kind"], name="members_status_kind_idx"),
            models.Index(fields=["status", "search_name"], name="members_status_search_idx"),
            models.Index(fields=["status", "-joined_on"], name="members_status_joined_idx"),
            # The map's places of every approved member, read from the index alone.
            models.Index(
                fields=["status", "latitude", "longitude"], name="members_status_place_idx"
            ),
        ]

    def __str__(self):
        return self.public_name

    def save(self, *args, **kwargs):
        self.search_name = normalise(self.name)
        self.search_names = self.normalised_names()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and any(
            name == "name" or name.startswith("display_name") for name in update_fields
        ):
            kwargs["update_fields"] = {*update_fields, "search_name", "search_names"}
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(
                self, self.name, lambda: super(Member, self).save(*args, **kwargs)
            )

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        self.search_name = normalise(self.name)
        if self.status not in (self.Status.PENDING, self.Status.APPROVED) or not self.country:
            return
        existing = (
            Member.objects.filter(
                search_name=self.search_name,
                country=self.country,
                status__in=[self.Status.PENDING, self.Status.APPROVED],
            )
            .exclude(pk=self.pk)
            .first()
        )
        if existing is None:
            return
        values = {"name": existing.name, "country": existing.country.name}
        if existing.status == self.Status.APPROVED:
            message = _("“%(name)s” (%(country)s) is already a member of the Alliance.")
        else:
            message = _(
                "A request to join for “%(name)s” (%(country)s) has already been received "
                "and is being reviewed."
            )
        raise ValidationError({"name": ValidationError(message, code="duplicate", params=values)})

    @property
    def public_name(self):
        """The name every public page shows, in the active language: its display name in that
        language (modeltranslation falls back to English), else the local name. Lists sort by
        it with `MemberQuerySet.by_public_name()` (SQL: `shown_name()`)."""
        return self.display_name or self.name

    @property
    def has_public_profile(self):
        """The rule of `MemberQuerySet.approved()`, for one member in hand."""
        return self.status in self.LISTED_STATUSES

    def search_summary(self):
        """A line for the search results: "City, Poland · Łódź" (the local name if not shown)."""
        summary = f"{self.get_kind_display().capitalize()}, {self.country.name}"
        return f"{summary} · {self.name}" if self.name != self.public_name else summary

    @property
    def has_public_contact(self):
        """The contact point may be shown: the authority agreed and gave an address."""
        return self.public_contact_consent and bool(self.public_contact_email)

    def programme_list(self):
        return [line.strip() for line in self.programmes.splitlines() if line.strip()]

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    def normalised_names(self):
        """The local name and every translated display name, normalised, one per line."""
        names = [self.name] + [
            getattr(self, f"display_name_{code}", "") or "" for code, _name in settings.LANGUAGES
        ]
        return "\n".join(dict.fromkeys(normalise(name) for name in names if name))
