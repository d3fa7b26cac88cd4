import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

from core.files import UploadedFileField, private_storage
from core.images import PICTURE_FIELDS, PictureModel
from core.markup import render_markdown
from core.text import normalise, save_with_unique_slug
from core.uploads import ATTACHMENTS, FileKindValidator
from members.models import Member


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

    def get_absolute_url(self):
        return reverse("practices:list") + f"?theme={self.slug}"


class PracticeQuerySet(models.QuerySet):
    """Where a practice stands for the public. The rule is `published()` (with the `is_public`
    property that mirrors it on one practice); every page, feed, sitemap, data file, counter
    and search asks it."""

    def published(self):
        return self.filter(status=Practice.Status.PUBLISHED)

    def search(self, query):
        """Accent- and case-insensitive search in the title, summary and body of both languages:
        "ecole" finds "École", "roma" finds "Roms". Each word must appear (`search_text`).

        Sorted by relevance: the practices whose title holds every word come first.
        """
        words = normalise(query).split()
        queryset = self.containing(query)
        in_title = Q()
        for word in words:
            in_title &= Q(search_title__contains=word)
        if not words:
            return queryset
        return queryset.annotate(
            relevance=Case(
                When(in_title, then=Value(1)), default=Value(0), output_field=IntegerField()
            )
        ).order_by("-relevance", "-published_at", "-pk")

    def containing(self, query):
        """The practices whose title, summary or body, in either language, hold every word of
        `query`, accents and case ignored, in no particular order (`search_text`, with its
        trigram index on PostgreSQL)."""
        queryset = self
        for word in normalise(query).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def with_theme(self, slug):
        return self.filter(themes__slug=slug)

    def in_country(self, code):
        """Practices of at least one member in this country ("FR")."""
        return self.filter(
            pk__in=Practice.members.through.objects.filter(
                member__country=code.upper(), member__status__in=Member.NAMED_STATUSES
            ).values("practice_id")
        )

    def of_member(self, slug):
        return self.filter(
            pk__in=Practice.members.through.objects.filter(member__slug=slug).values("practice_id")
        )

    def in_year(self, year):
        """Practices running in that year: started by then, not ended before."""
        return self.filter(Q(end_year__isnull=True) | Q(end_year__gte=year), start_year__lte=year)

    def summaries(self):
        """Only the columns a list of practices shows (templates/includes/_practice_summary.html)."""
        return self.only(
            "title",
            "slug",
            "summary",
            "start_year",
            "end_year",
            "published_at",
            "status",
            "updated_at",
            *PICTURE_FIELDS,
        )


def current_year():
    return timezone.localdate().year


class Practice(PictureModel):
    """A member authority's project or policy for Roma inclusion, shared with the others."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        # In French a practice is feminine: "publiée", where an article is "publié".
        PUBLISHED = "published", pgettext_lazy("status of a practice", "published")
        ARCHIVED = "archived", _("archived")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=_("Part of the page address.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One paragraph: what was done, where, for whom.")
    )
    body = models.TextField(
        _("description"),
        blank=True,
        help_text=_(
            "Markdown: *italic*, **bold**, [link](https://…), ## heading, > quotation. "
            "HTML is cleaned out: no script, style or embedded content."
        ),
    )
    # Rendered and cleaned on every save, never typed in.
    body_html = models.TextField(_("description (HTML)"), blank=True, editable=False)
    original_language = models.CharField(
        _("first written in"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), related_name="practices", blank=True
    )
    members = models.ManyToManyField(
        "members.Member",
        verbose_name=_("members"),
        related_name="practices",
        blank=True,
        help_text=_("The member authorities that carry out the practice; their countries follow."),
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"), validators=[MinValueValidator(1950), MaxValueValidator(2100)]
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1950), MaxValueValidator(2100)],
        help_text=_("Leave empty while the practice is ongoing."),
    )
    target_groups = models.TextField(_("target groups"), blank=True)
    partners = models.TextField(_("partners"), blank=True)
    budget = models.CharField(_("budget"), max_length=250, blank=True)
    funding = models.CharField(_("funding source"), max_length=250, blank=True)
    results = models.TextField(_("results"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    contact_role = models.CharField(
        _("public contact"),
        max_length=250,
        blank=True,
        help_text=_(
            "A role or office, e.g. “Roma inclusion office, City of …”; never a person’s name."
        ),
    )
    contact_email = models.EmailField(
        _("public contact e-mail"),
        blank=True,
        help_text=_(
            "An office’s shared address. Never a person’s own address without their consent."
        ),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    review_comment = models.TextField(
        _("comment to the submitter"),
        blank=True,
        help_text=_("Why the practice was returned: the submitter reads it."),
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Whom the decisions are written to: the member's contact person or the staff member who
    # submitted it. Private: never on a public page or data file.
    submitter_email = models.EmailField(_("submitter’s e-mail"), blank=True)
    submitter_language = models.CharField(
        _("submitter’s language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Title, summary and body of both languages, normalised, for the accent-insensitive search.
    search_text = models.TextField(editable=False, default="")
    search_title = models.TextField(editable=False, default="")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PracticeQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("practice")
        verbose_name_plural = _("practices")
        indexes = [
            models.Index(
                fields=["status", "-published_at", "-id"], name="practices_status_pub_idx"
            ),
            models.Index(fields=["status", "start_year"], name="practices_status_start_idx"),
            # The admin's whole list, newest first, whatever the status.
            models.Index(fields=["-published_at", "-id"], name="practices_pub_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__isnull=True) | Q(end_year__gte=models.F("start_year")),
                name="practices_ends_after_it_starts",
                violation_error_message=_("The end year cannot come before the start year."),
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="practices_published_has_date",
            ),
        ]
        permissions = [("publish_practice", _("Can publish practices"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.render_body()
        self.search_title, self.search_text = self.normalised_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            kwargs["update_fields"] = {
                *update_fields,
                "search_text",
                "search_title",
                *(self.html_field(code) for code, _name in settings.LANGUAGES),
            }
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(
                self, self.title, lambda: super(Practice, self).save(*args, **kwargs)
            )

    def get_absolute_url(self):
        return reverse("practices:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        # Written in one language or both: a title in either is enough (pages show a text in
        # the language it exists in).
        titles = [
            getattr(self, build_localized_fieldname("title", code))
            for code, _ in settings.LANGUAGES
        ]
        if not any(titles):
            # Not beside one field: the admin's form has a title per language, the members'
            # space's one in the language written in.
            raise ValidationError(_("Give the practice a title, in English or in French."))
        if self.end_year is not None and self.start_year and self.end_year < self.start_year:
            raise ValidationError(
                {"end_year": _("The end year cannot come before the start year.")}
            )

    @staticmethod
    def html_field(language):
        return build_localized_fieldname("body_html", language)

    def render_body(self):
        """Each language's `body_html` from its Markdown; an empty translation stays empty."""
        for code, _name in settings.LANGUAGES:
            source = getattr(self, build_localized_fieldname("body", code)) or ""
            setattr(self, self.html_field(code), render_markdown(source) if source.strip() else "")

    def normalised_text(self):
        def text(*fields):
            values = [
                getattr(self, build_localized_fieldname(field, code), "") or ""
                for field in fields
                for code, _name in settings.LANGUAGES
            ]
            return normalise(" ".join(values))

        return text("title"), text("title", "summary", "body")

    @property
    def is_public(self):
        """The rule of `PracticeQuerySet.published()`, for one practice in hand."""
        return self.status == self.Status.PUBLISHED

    @property
    def period(self):
        if self.end_year is None:
            return _("%(start)s – ongoing") % {"start": self.start_year}
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year}"

    def countries(self):
        """The countries of its members (from the prefetched members), in name order."""
        seen = {member.country.code: member.country for member in self.members.all()}
        return sorted(seen.values(), key=lambda country: normalise(country.name))


class PracticeLink(models.Model):
    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="links"
    )
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("address"), max_length=500)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("link")
        verbose_name_plural = _("links")

    def __str__(self):
        return self.title


class Attachment(models.Model):
    """A file of a practice: PDF, image or office document, checked by its content."""

    practice = models.ForeignKey(
        Practice, verbose_name=_("practice"), on_delete=models.CASCADE, related_name="attachments"
    )
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=[*settings.LANGUAGES, ("other", _("other"))],
        default=settings.LANGUAGE_CODE,
    )
    # Private: sent by practices.views.attachment to whom may read the practice.
    file = UploadedFileField(
        _("file"),
        upload_to="practices/files/%Y/",
        storage=private_storage,
        validators=[FileKindValidator(ATTACHMENTS)],
        help_text=_("PDF, image or office document."),
    )
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            with contextlib.suppress(OSError):  # a file gone from storage keeps its size
                self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("practices:attachment", kwargs={"slug": self.practice.slug, "pk": self.pk})

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""
