from django.conf import settings
from django.db import models
from django.db.models import F, OuterRef, Q, StringAgg, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from core.images import PICTURE_FIELDS, PictureModel
from core.markup import render_markdown
from core.search import matching, translated_fields
from core.text import save_with_unique_slug

# Between the tag names of `ArticleQuerySet.with_tag_names()`: no name holds it.
TAG_NAMES_SEPARATOR = "\x1f"


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name


# What the site search reads of an article; on PostgreSQL a column kept by the database holds
# this text, indexed (migration 0009, "search_document"): a change here needs a new migration.
SEARCH_FIELDS = {
    **translated_fields("title", "lead", "body", "quote", "speaker_role", "event", "place"),
    "": ["speaker_name", "quote_speaker"],
}


class ArticleQuerySet(models.QuerySet):
    """Where an article stands for the public. The rules are these methods (with the
    `is_public`/`is_scheduled` properties that mirror them on one article); every page, feed,
    sitemap, admin filter and workflow asks them."""

    def published(self):
        """Articles the public sees: published, their publication time has come, and not kept
        for the participants.

        A scheduled article goes live by itself when `published_at` passes; the cached pages
        are renewed then (the schedule in `NewsConfig.ready()`).
        """
        return self.live().filter(participants_only=False)

    def live(self):
        """Published and their publication time has come, for the public or the participants."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__lte=timezone.now())

    def for_participants(self):
        """What the participants' space shows: live articles, theirs included."""
        return self.live()

    def scheduled(self):
        """Published by staff, waiting for their publication time."""
        return self.filter(status=Article.Status.PUBLISHED, published_at__gt=timezone.now())

    def drafts(self):
        return self.filter(status=Article.Status.DRAFT)

    def not_live(self):
        """Drafts and scheduled articles: what "Publish now" may put online."""
        return self.exclude(pk__in=self.model.objects.live().values("pk"))

    def summaries(self):
        """Only the columns a list of articles shows (templates/includes/_article_summary.html).

        The bodies (Markdown and HTML, in each language) are most of a row's weight.
        """
        return self.only(
            "title", "slug", "kind", "lead", "place", "published_at", "updated_at", *PICTURE_FIELDS
        )

    def about_country(self, code):
        """Articles concerning a country ("FR"); codes are stored as "FR,GR", so the code is
        the whole value, or bounded by a comma (news 0010 indexes them on PostgreSQL)."""
        code = code.upper()
        return self.filter(
            Q(countries=code)
            | Q(countries__startswith=f"{code},")
            | Q(countries__endswith=f",{code}")
            | Q(countries__contains=f",{code},")
        )

    def tagged(self, slug):
        return self.filter(tags__slug=slug)

    def with_tag_names(self):
        """Each article's `tag_names`, in the current language (English where a name has none
        in it), in one string joined by TAG_NAMES_SEPARATOR, or None: read in the articles'
        own query, by a subquery the database runs for the rows it returns (a feed's
        categories without a second query). Unordered: SQLite before 3.44 cannot order
        inside an aggregate."""
        language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
        name = F(build_localized_fieldname("name", language))
        for fallback in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
            if fallback != language:
                name = Coalesce(
                    NullIf(name, Value("")), F(build_localized_fieldname("name", fallback))
                )
        names = (
            Tag.objects.filter(articles=OuterRef("pk"))
            .order_by()
            .values("articles")
            .annotate(names=StringAgg(name, Value(TAG_NAMES_SEPARATOR)))
            .values("names")
        )
        return self.annotate(tag_names=Subquery(names))

    def search(self, query):
        """Articles whose text, in any language, holds every word of `query`, accents and
        case ignored ("warmisham" finds the CAHROM statement); see core.search.matching."""
        return matching(self, query, SEARCH_FIELDS, stored="search_document")


class Article(PictureModel):
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
        _("body"),
        blank=True,
        help_text=_(
            "Markdown: *italic*, **bold**, [link](https://…), ## heading, > quotation. "
            "HTML is cleaned out: no script, style or embedded content."
        ),
    )
    # The body as the pages show it: rendered and cleaned on every save, never typed in.
    body_html = models.TextField(_("body (HTML)"), blank=True, editable=False)
    quote = models.TextField(_("pull quote"), blank=True)
    quote_speaker = models.CharField(
        _("quote by"), max_length=200, blank=True, help_text=_("Who said the pull quote.")
    )
    speaker_name = models.CharField(_("speaker"), max_length=200, blank=True)
    speaker_role = models.CharField(_("speaker’s role"), max_length=250, blank=True)
    event = models.CharField(_("event"), max_length=250, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)

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
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    countries = CountryField(
        _("countries"),
        multiple=True,
        blank=True,
        help_text=_("The countries the article concerns."),
    )
    members = models.ManyToManyField(
        "members.Member",
        verbose_name=_("members"),
        blank=True,
        related_name="articles",
        help_text=_("The members the article concerns. Only approved members are linked."),
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="articles")
    participants_only = models.BooleanField(
        _("participants only"),
        default=False,
        help_text=_("Shown only in the participants’ space, never to the public."),
    )

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # The lists' order (Meta.ordering) read straight from the index: no sort.
            models.Index(
                fields=["status", "-published_at", "-id"], name="news_status_published_idx"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="draft") | Q(published_at__isnull=False),
                name="news_published_article_has_date",
            ),
        ]
        permissions = [("publish_article", _("Can publish articles"))]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()
        self.render_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            extra = {"published_at"} if "status" in update_fields else set()
            if any(name == "body" or name.startswith("body_") for name in update_fields):
                extra |= {self.html_field(code) for code, _name in settings.LANGUAGES}
            kwargs["update_fields"] = {*update_fields, *extra}
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(
                self, self.title, lambda: super(Article, self).save(*args, **kwargs)
            )

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})

    @staticmethod
    def html_field(language):
        return build_localized_fieldname("body_html", language)

    def render_body(self):
        """Fill each language's `body_html` from its Markdown `body`, cleaned of any script.

        An empty translation stays empty, so the page falls back to the English text.
        """
        for code, _name in settings.LANGUAGES:
            source = getattr(self, build_localized_fieldname("body", code)) or ""
            setattr(self, self.html_field(code), render_markdown(source) if source.strip() else "")

    def clean(self):
        super().clean()
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = timezone.now()

    @property
    def last_changed(self):
        """When readers last saw a change: the later of publication and the last edit."""
        return max(filter(None, [self.published_at, self.updated_at]), default=None)

    @property
    def is_public(self):
        """The rule of `ArticleQuerySet.published()`, for one article in hand."""
        return self.is_live and not self.participants_only

    @property
    def is_live(self):
        """The rule of `ArticleQuerySet.live()`, for one article in hand."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
        )

    @property
    def is_scheduled(self):
        """The rule of `ArticleQuerySet.scheduled()`, for one article in hand."""
        return self.status == self.Status.PUBLISHED and not self.is_live
