from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from core.text import normalise
from members.models import public_name_fields


class DeclarationQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def current(self):
        """The declaration the portal shows and asks people to sign, or None."""
        return self.published().filter(is_current=True).first()


class Declaration(models.Model):
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    text = models.TextField(_("text"), help_text=_("Markdown."))
    commitment = models.TextField(
        _("commitment"),
        blank=True,
        help_text=_("What a signatory commits to, shown above the signing button."),
    )
    endorsed_on = models.DateField(_("endorsed on"))
    is_published = models.BooleanField(_("published"), default=False)
    is_current = models.BooleanField(
        _("current"), default=False, help_text=_("The one declaration the portal asks to sign.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DeclarationQuerySet.as_manager()

    class Meta:
        ordering = ["-endorsed_on"]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"],
                condition=Q(is_current=True),
                name="declarations_one_current",
                violation_error_message=_(
                    "Another declaration is already current: untick “current” on it first."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("declarations:declaration")


class SignatureQuerySet(models.QuerySet):
    def public(self):
        """Signatures the public sees: verified by staff, consented to, on a published text."""
        return self.filter(
            status=Signature.Status.VERIFIED,
            consent_to_publish=True,
            declaration__is_published=True,
        )

    def listed(self):
        """Only the columns the lists of signatories show, with the member each names (its
        name, and whether the public may see it)."""
        return self.select_related("member").only(
            "full_name",
            "office",
            "country",
            "signed_on",
            "authority_name",
            "updated_at",  # with the data version, what a row kept by the page is kept under
            "member__slug",
            "member__status",
            *public_name_fields(prefix="member__"),
        )

    def awaiting_verification(self):
        """Pending signatures staff may verify: e-mail confirmed, or received on paper."""
        return self.filter(Signature.VERIFIABLE, status=Signature.Status.PENDING)

    def active(self):
        """Signatures that count or may count: pending review or verified."""
        return self.filter(status__in=Signature.ACTIVE_STATUSES)

    def search(self, query):
        """Accent- and case-insensitive search of the names the list shows: the signatory's
        and the authority's. Each word must appear in one of them."""
        queryset = self
        for word in normalise(query).split():
            queryset = queryset.filter(
                Q(search_name__contains=word) | Q(search_authority__contains=word)
            )
        return queryset

    def totals(self):
        """{"signatures": K, "countries": M} in one query.

        Counted per country (a hash aggregate), several times faster than COUNT(DISTINCT),
        which sorts every row.
        """
        counts = [n for _code, n in self.order_by().values_list("country").annotate(Count("pk"))]
        return {"signatures": sum(counts), "countries": len(counts)}


class Signature(models.Model):
    """An elected representative's signature of a declaration."""

    class Office(models.TextChoices):
        MAYOR = "mayor", _("mayor")
        DEPUTY_MAYOR = "deputy-mayor", _("deputy mayor")
        COUNCILLOR = "councillor", _("councillor")
        REGIONAL_PRESIDENT = "regional-president", _("regional president")
        REGIONAL_COUNCILLOR = "regional-councillor", _("regional councillor")
        OTHER = "other", _("other elected office")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        VERIFIED = "verified", _("verified")
        REJECTED = "rejected", _("rejected")
        WITHDRAWN = "withdrawn", _("withdrawn")

    class Source(models.TextChoices):
        FORM = "form", _("signing form")
        PAPER = "paper", _("on paper, entered by staff")

    declaration = models.ForeignKey(
        Declaration,
        verbose_name=_("declaration"),
        on_delete=models.PROTECT,
        related_name="signatures",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    search_name = models.CharField(max_length=200, editable=False, db_index=True)
    office = models.CharField(_("office held"), max_length=30, choices=Office.choices)
    authority_name = models.CharField(
        _("authority"), max_length=200, help_text=_("The city or region the signatory represents.")
    )
    search_authority = models.CharField(max_length=200, editable=False, default="")
    member = models.ForeignKey(
        "members.Member",
        verbose_name=_("member authority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signatures",
        help_text=_("Set when the authority is a member of the Alliance."),
    )
    country = CountryField(_("country"))
    signed_on = models.DateField(_("signed on"), default=timezone.localdate)
    email = models.EmailField(_("e-mail"), blank=True, help_text=_("Never shown publicly."))
    consent_to_publish = models.BooleanField(
        _("consents to publication of the name"), default=False
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the signatory is written to in."),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    source = models.CharField(
        _("how received"),
        max_length=10,
        choices=Source.choices,
        default=Source.FORM,
        help_text=_(
            "A signature sent through the form is verified once its e-mail address is "
            "confirmed; one collected on paper needs no confirmation."
        ),
    )
    email_confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("status changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    staff_note = models.TextField(_("staff note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # Statuses that block a second signature by the same person.
    ACTIVE_STATUSES = [Status.PENDING, Status.VERIFIED]
    # What may be verified: a form signature once its e-mail is confirmed, or a paper one.
    VERIFIABLE = Q(source=Source.PAPER) | Q(email_confirmed_at__isnull=False)

    objects = SignatureQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-signed_on", "full_name"]
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        constraints = [
            models.UniqueConstraint(
                fields=["declaration", "email"],
                condition=Q(status__in=["pending", "verified"]) & ~Q(email=""),
                name="declarations_one_active_signature_per_email",
                violation_error_message=_(
                    "This e-mail address has already signed this declaration."
                ),
            ),
            models.UniqueConstraint(
                fields=["declaration", "search_name", "search_authority", "country"],
                condition=Q(status__in=["pending", "verified"]),
                name="declarations_one_active_signature_per_person",
                violation_error_message=_(
                    "This person has already signed this declaration for this authority."
                ),
            ),
        ]
        indexes = [
            models.Index(
                fields=["status", "consent_to_publish", "country"],
                name="signatures_public_country_idx",
            ),
            models.Index(fields=["status", "-signed_on"], name="signatures_status_signed_idx"),
            # The admin's list filtered by country, in its order, and its dates by year.
            models.Index(
                fields=["country", "-signed_on", "full_name"], name="signatures_country_signed_idx"
            ),
            # The declaration's list of signatories, whole or by country, in its order, and
            # its counts, read from these small indexes of the public signatures alone.
            models.Index(
                fields=["declaration", "-signed_on", "full_name"],
                condition=Q(status="verified", consent_to_publish=True),
                name="signatures_public_list_idx",
            ),
            models.Index(
                fields=["declaration", "country", "-signed_on", "full_name"],
                condition=Q(status="verified", consent_to_publish=True),
                name="signatures_public_country_list",
            ),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.authority_name})"

    def save(self, *args, **kwargs):
        self.search_name = normalise(self.full_name)
        self.search_authority = normalise(self.authority_name)
        self.email = self.email.strip().lower()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            derived = {"full_name": "search_name", "authority_name": "search_authority"}
            kwargs["update_fields"] = {
                *update_fields,
                *(derived[name] for name in update_fields if name in derived),
            }
        super().save(*args, **kwargs)

    def validate_constraints(self, exclude=None):
        """Django's check of the constraints, preceded by the same two on the names and
        address as normalised, with messages staff understand.

        As Django skips a constraint on a field not validated, these are skipped when the
        declaration is not: the signing form, where it is not chosen, refuses no second
        signature (that would tell anyone who has signed); `services.receive_signature`
        decides there. Staff entering or importing a signature choose the declaration.
        """
        exclude = set(exclude or ())
        errors = {}
        if (
            self.status in self.ACTIVE_STATUSES
            and self.declaration_id
            and "declaration" not in exclude
        ):
            others = self.earlier_signatures()
            email = (self.email or "").strip().lower()
            if email and "email" not in exclude and others.filter(email=email).exists():
                errors["email"] = [
                    ValidationError(
                        _(
                            "A signature with this e-mail address has already been received "
                            "for this declaration."
                        ),
                        code="signed_twice",
                    )
                ]
            names = {"full_name", "authority_name", "country"}
            if not names & exclude and others.filter(self.same_person()).exists():
                errors[NON_FIELD_ERRORS] = [
                    ValidationError(
                        _(
                            "%(name)s has already signed this declaration for %(authority)s. "
                            "A signature is counted once."
                        )
                        % {"name": self.full_name, "authority": self.authority_name},
                        code="signed_twice",
                    )
                ]
        if errors:
            exclude.add("declaration")  # Django's own check would say the same again
        try:
            super().validate_constraints(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def earlier_signatures(self):
        """The other signatures of this declaration that count or may count."""
        return (
            Signature.objects.active()
            .filter(declaration_id=self.declaration_id)
            .exclude(pk=self.pk)
        )

    def same_person(self):
        """Who signs this signature, as the constraint on one signature per person reads it."""
        return Q(
            search_name=normalise(self.full_name),
            search_authority=normalise(self.authority_name),
            country=self.country,
        )

    @property
    def public_authority_name(self):
        """The authority as the pages name it: a member's own public name (in the visitor's
        language, as on every other page), else the name the signatory gave."""
        member = self.public_member
        return member.public_name if member is not None else self.authority_name

    @property
    def public_member(self):
        """The linked member when the public may see it (approved), else None."""
        if self.member is not None and self.member.has_public_profile:
            return self.member
        return None
