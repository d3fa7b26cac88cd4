import datetime
import functools
import uuid
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField
from modeltranslation.utils import build_localized_fieldname

from core import cache as public_pages
from core.images import PICTURE_FIELDS, PictureModel
from core.markup import render_markdown
from core.text import normalise, save_with_unique_slug


def validate_time_zone(value):
    if value not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone such as Europe/Paris."), params={"value": value}
        )


def longest_event():
    """How long the longest event lasts, kept until the data change (`upcoming()` bounds the
    start date with it). Drafts count too: a draft becoming public renews the data."""

    def compute():
        found = Event.objects.aggregate(longest=Max(F("ends_at") - F("starts_at")))["longest"]
        return found or datetime.timedelta(0)

    return public_pages.remember("events-longest", compute)


class EventQuerySet(models.QuerySet):
    """Where an event stands for the public: every page, feed, sitemap and file asks these."""

    def published(self):
        """Events the public sees: published ones and cancelled ones (marked as cancelled)."""
        return self.filter(status__in=[Event.Status.PUBLISHED, Event.Status.CANCELLED])

    def upcoming(self, now=None):
        """Not yet over: the soonest first.

        An event that started longer ago than the longest event lasts is over, so the start
        is bounded too: the start-date index is then read from just before now, not from the
        first event ever held, and the cost does not grow with the years of past events.
        """
        now = now or timezone.now()
        return self.filter(ends_at__gte=now, starts_at__gte=now - longest_event()).order_by(
            "starts_at", "pk"
        )

    def past(self, now=None):
        """Over: the latest first. Every event over started before now (it cannot end before
        it starts), which lets the start-date index be read backwards from now."""
        now = now or timezone.now()
        return self.filter(ends_at__lt=now, starts_at__lt=now).order_by("-starts_at", "-pk")

    def in_list_order(self, now=None):
        """Upcoming events first, soonest first, then past events, latest first."""
        return UpcomingThenPast(self, now)

    def search(self, query):
        """Accent-insensitive search in titles, summaries and places ("Radenci", "logement")."""
        words = normalise(query).split()
        queryset = self
        for word in words:
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def summaries(self):
        """Only the columns a list of events shows."""
        return self.only(
            "title",
            "slug",
            "kind",
            "summary",
            "starts_at",
            "ends_at",
            "time_zone",
            "city",
            "country",
            "status",
            "updated_at",
            *PICTURE_FIELDS,
        )


class UpcomingThenPast:
    """Events not yet over, soonest first, then those over, latest first: the events list.

    One query sorting on "is it over?" sorts every event on each page view; here each part is
    read in the order of the start-date index, and only the rows a page shows. It pages like
    a queryset: `count()` and slices.
    """

    ordered = True

    def __init__(self, events, now=None):
        now = now or timezone.now()
        self.model = events.model
        self.events = events
        self.upcoming = events.upcoming(now)
        self.past = events.past(now)

    @functools.cached_property
    def upcoming_count(self):
        return self.upcoming.count()

    def count(self):
        # Every event is either upcoming or past.
        return self.events.count()

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step or index.stop is None:
            raise TypeError("Take a slice of the events, with a stop.")
        start, stop = index.start or 0, index.stop
        rows = list(self.upcoming[start:stop])
        if len(rows) == stop - start:
            return rows
        # The upcoming events end in this slice or before it: past events follow them.
        upcoming = start + len(rows) if rows or not start else self.upcoming_count
        return rows + list(self.past[max(start - upcoming, 0) : stop - upcoming])


class Event(PictureModel):
    """A conference, seminar, study visit or meeting of the Alliance."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("conference")
        SEMINAR = "seminar", _("seminar")
        STUDY_VISIT = "study-visit", _("study visit")
        MEETING = "meeting", _("meeting")
        ONLINE = "online", _("online event")

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        PUBLISHED = "published", _("published")
        CANCELLED = "cancelled", _("cancelled")

    # Calendar applications know an event by this: it never changes, whatever is edited.
    uid = models.UUIDField(
        _("calendar identifier"), default=uuid.uuid4, unique=True, editable=False
    )
    # Raised on every change, so calendars replace their copy (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(_("revision"), default=0, editable=False)
    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(
        _("slug"), max_length=80, unique=True, blank=True, help_text=_("Part of the page address.")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.SEMINAR)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    programme = models.TextField(
        _("programme"),
        blank=True,
        help_text=_(
            "Markdown: *italic*, **bold**, [link](https://…), ## heading. HTML is cleaned out."
        ),
    )
    programme_html = models.TextField(_("programme (HTML)"), blank=True, editable=False)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Europe/Paris",
        validators=[validate_time_zone],
        help_text=_("Where the event takes place: its times are shown and exported in it."),
    )
    all_day = models.BooleanField(
        _("all day"),
        default=False,
        help_text=_(
            "Only the dates are shown and exported, not the times (e.g. when they are not known)."
        ),
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("In decimal degrees, e.g. 48.5946 for the Palais de l’Europe, Strasbourg."),
    )
    longitude = models.FloatField(
        _("longitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_(
            "In decimal degrees, e.g. 7.7748. With the latitude, places an upcoming event "
            "on the map of members."
        ),
    )
    themes = models.ManyToManyField(
        "practices.Theme", verbose_name=_("themes"), blank=True, related_name="events"
    )
    organisers = models.ManyToManyField(
        "members.Member",
        verbose_name=_("organisers"),
        blank=True,
        related_name="organised_events",
        help_text=_("Members organising the event. Only approved members are shown."),
    )
    partners = models.ManyToManyField(
        "members.Member",
        verbose_name=_("partner members"),
        blank=True,
        related_name="partnered_events",
    )
    articles = models.ManyToManyField(
        "news.Article",
        verbose_name=_("related news"),
        blank=True,
        related_name="events",
        help_text=_("Only published articles are shown."),
    )
    practices = models.ManyToManyField(
        "practices.Practice",
        verbose_name=_("related good practices"),
        blank=True,
        related_name="events",
        help_text=_("Only published practices are shown."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("A cancelled event stays on the site, marked as cancelled."),
    )
    registration_open = models.BooleanField(
        _("registration open"),
        default=False,
        help_text=_("Visitors may register on the event’s page until it starts."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_(
            "Places for confirmed participants; others join the waiting list. Empty: no limit."
        ),
    )
    search_text = models.TextField(editable=False, blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            models.Index(fields=["status", "ends_at", "starts_at"], name="events_status_dates_idx"),
            models.Index(fields=["-starts_at", "-id"], name="events_starts_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="events_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.pk:
            self.sequence += 1
        self.render_programme()
        self.search_text = self.searchable_text()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            extra = {"sequence", "search_text"}
            extra |= {
                build_localized_fieldname("programme_html", c) for c, _n in settings.LANGUAGES
            }
            kwargs["update_fields"] = {*update_fields, *extra}
        if self.slug:
            super().save(*args, **kwargs)
        else:
            save_with_unique_slug(
                self, self.title, lambda: super(Event, self).save(*args, **kwargs)
            )

    def get_absolute_url(self):
        return reverse("events:detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event cannot end before it starts.")})
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError(
                {missing: _("Give both the latitude and the longitude, or neither.")}
            )

    def render_programme(self):
        for code, _name in settings.LANGUAGES:
            source = getattr(self, build_localized_fieldname("programme", code)) or ""
            html = render_markdown(source) if source.strip() else ""
            setattr(self, build_localized_fieldname("programme_html", code), html)

    def searchable_text(self):
        parts = [self.city, self.venue, str(self.country.name) if self.country else ""]
        for code, _name in settings.LANGUAGES:
            for field in ("title", "summary"):
                parts.append(getattr(self, build_localized_fieldname(field, code), "") or "")
        return normalise(" ".join(parts))

    @property
    def zone(self):
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def local_start(self):
        return timezone.localtime(self.starts_at, self.zone)

    @property
    def local_end(self):
        return timezone.localtime(self.ends_at, self.zone)

    @property
    def is_public(self):
        """The rule of `EventQuerySet.published()`, for one event in hand."""
        return self.status in (self.Status.PUBLISHED, self.Status.CANCELLED)

    @property
    def is_cancelled(self):
        return self.status == self.Status.CANCELLED

    @property
    def takes_registrations(self):
        return (
            self.registration_open
            and self.status == self.Status.PUBLISHED
            and self.starts_at > timezone.now()
        )


class RegistrationQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waiting(self):
        return self.filter(status=Registration.Status.WAITING)

    def purgeable(self, days, now=None):
        """Registrations of events that ended more than `days` ago: personal data not kept."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
        return self.filter(event__ends_at__lt=cutoff)


class Registration(models.Model):
    """A person's registration for an event: personal data, never shown to the public."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("e-mail not confirmed")
        CONFIRMED = "confirmed", _("confirmed")
        WAITING = "waiting", _("waiting list")
        # In French a registration is feminine: "annulée", where an event is "annulé".
        CANCELLED = "cancelled", pgettext_lazy("status of a registration", "cancelled")

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    full_name = models.CharField(_("name"), max_length=200)
    authority = models.CharField(_("authority or organisation"), max_length=250)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("The language we write to the participant in."),
    )
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        blank=True,
        help_text=_("Anything that would help you take part: access, interpretation, diet…"),
    )
    consent = models.BooleanField(_("consent to store these details"), default=False)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNCONFIRMED
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("e-mail confirmed"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event", "created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"], name="events_one_registration_per_email"
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"], name="events_reg_idx")]

    def __str__(self):
        return f"{self.full_name} ({self.event})"


class ParticipantMessage(models.Model):
    """An e-mail staff write to an event's confirmed participants; sent once, by an action."""

    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="messages"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True, editable=False)
    recipients = models.PositiveIntegerField(_("recipients"), default=0, editable=False)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self):
        return self.subject
