from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from alliance.text import unique_slug


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Articles the public sees: published, and their publication time has come.

        A scheduled article goes live by itself when `published_at` passes; no job runs.
        """
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())


class Article(models.Model):
    """A news item, statement, speech, event or publication."""

    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        STATEMENT = "statement", _("statement")
        SPEECH = "speech", _("speech")
        EVENT = "event", _("event")
        PUBLICATION = "publication", _("publication")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=_("Part of the page address.")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.NEWS)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One or two sentences."))
    body = models.TextField(
        _("body"), blank=True, help_text=_("Markdown: *italic*, **bold**, [link](https://…).")
    )
    quote = models.TextField(_("pull quote"), blank=True)
    quote_speaker = models.CharField(_("quote by"), max_length=200, blank=True)
    speaker_name = models.CharField(_("speaker"), max_length=200, blank=True)
    speaker_role = models.CharField(_("speaker's role"), max_length=250, blank=True)
    event = models.CharField(_("event"), max_length=250, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    image = models.ImageField(_("image"), upload_to="news/%Y/", blank=True)
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(
        _("publication date"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("A future date schedules the article: it appears by itself at that time."),
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    members = models.ManyToManyField(
        "members.Member", verbose_name=_("members"), blank=True, related_name="articles"
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_at"], name="news_status_published_idx"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.title)
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.image and not self.image_alt:
            raise ValidationError(
                {"image_alt": _("Describe the image for people who cannot see it.")}
            )
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    @property
    def is_public(self):
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )
