from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.files import UploadedFileField, private_storage
from core.text import normalise, save_with_unique_slug
from core.uploads import DOCUMENTS, FileKindValidator

from .languages import LANGUAGES, NATIVE_NAMES, ORDER


class DocumentQuerySet(models.QuerySet):
    """Which documents the public sees: every page, file, feed and sitemap asks these."""

    def published(self):
        """Published, and not kept for the participants."""
        return self.filter(status=Document.Status.PUBLISHED, participants_only=False)

    def for_participants(self):
        """What the participants' space shows: published documents, theirs included."""
        return self.filter(status=Document.Status.PUBLISHED)

    def search(self, query):
        """Accent-insensitive search in titles, summaries and references ("366", "Roumanie")."""
        queryset = self
        for word in normalise(query).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def in_language(self, code):
        """Documents with a file in that language ("documents available in Romanian")."""
        return self.filter(
            Exists(DocumentFile.objects.filter(document=OuterRef("pk"), language=code))
        )

    def summaries(self):
        return self.only(
            "title", "slug", "kind", "reference", "published_on", "summary", "updated_at"
        )


class Document(models.Model):
    """An adopted text (resolution, recommendation, declaration) or a report or guide."""

    class Kind(models.TextChoices):
        RESOLUTION = "resolution", _("resolution")
        RECOMMENDATION = "recommendation", _("recommendation")
        DECLARATION = "declaration", _("declaration")
        REPORT = "report", _("report")
        GUIDE = "guide", _("guide")
        OTHER = "other", _("other")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=_("Part of the page address.")
    )
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices, default=Kind.OTHER)
    reference = models.CharField(
        _("reference"),
        max_length=120,
        blank=True,
        help_text=_("For example “Resolution 366 (2014)”."),
    )
    summary = models.TextField(_("summary"), blank=True)
    published_on = models.DateField(_("date adopted or published"))
    themes = models.ManyToManyField(
        "practices.Theme", verbose_name=_("themes"), blank=True, related_name="documents"
    )
    members = models.ManyToManyField(
        "members.Member", verbose_name=_("related members"), blank=True, related_name="documents"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("related events"), blank=True, related_name="documents"
    )
    articles = models.ManyToManyField(
        "news.Article", verbose_name=_("related news"), blank=True, related_name="documents"
    )
    declaration = models.ForeignKey(
        "declarations.Declaration",
        verbose_name=_("copy of the Declaration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="copies",
        help_text=_(
            "When this document is the text of a Declaration, its page and signing form link "
            "to this document’s files, in every language."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    participants_only = models.BooleanField(
        _("participants only"),
        default=False,
        help_text=_("Shown only in the participants’ space, never to the public."),
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [
            models.Index(
                fields=["status", "participants_only", "-published_on", "-id"],
                name="library_public_date_idx",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}" if self.reference else self.title

    def save(self, *args, **kwargs):
        parts = [self.reference]
        for code, _name in settings.LANGUAGES:
            for field in ("title", "summary"):
                parts.append(getattr(self, build_localized_fieldname(field, code), "") or "")
        self.search_text = normalise(" ".join(parts))
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(
                self,
                self.reference or self.title,
                lambda: super(Document, self).save(*args, **kwargs),
            )

    def get_absolute_url(self):
        return reverse("library:detail", kwargs={"slug": self.slug})

    @property
    def is_public(self):
        """The rule of `DocumentQuerySet.published()`, for one document in hand."""
        return self.status == self.Status.PUBLISHED and not self.participants_only


def document_path(instance, filename):
    """Where the first migration stored a file; files are now named by their content."""
    extension = PurePath(filename).suffix.lower()
    return f"library/{instance.document.slug}/{instance.language}{extension}"


class DocumentFile(models.Model):
    """One language's file of a document: a PDF or an office document, checked by content."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=8, choices=LANGUAGES)
    # Private: sent by library.views.document_file to whom may read the document.
    file = UploadedFileField(
        _("file"),
        upload_to="library/",
        storage=private_storage,
        validators=[FileKindValidator(DOCUMENTS)],
        help_text=_("PDF or an office document; checked by its content, whatever its name."),
    )
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="library_one_file_per_language"
            ),
        ]

    def __str__(self):
        return f"{self.document} ({self.native_name})"

    def save(self, *args, **kwargs):
        if self.file:
            self.size = self.file.size
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse(
            "library:file", kwargs={"slug": self.document.slug, "language": self.language}
        )

    def clean(self):
        super().clean()
        if self.language and self.language not in NATIVE_NAMES:
            raise ValidationError({"language": _("Choose a language from the list.")})

    @property
    def native_name(self):
        return NATIVE_NAMES.get(self.language, self.language)

    @property
    def extension(self):
        return PurePath(self.file.name).suffix.lstrip(".").upper()

    @property
    def position(self):
        return ORDER.get(self.language, len(ORDER))
