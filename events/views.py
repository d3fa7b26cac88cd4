from django.conf import settings
from django.core import signing
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe
from django.views.generic import DetailView, FormView, ListView
from django_countries import countries

from core.open_data import built_ahead, data_file, file_response
from core.pagination import FilteredListMixin
from core.protection import FormLimits, ProtectedFormMixin
from members.models import Member
from news.models import Article
from practices.models import Practice

from . import services
from .forms import EventFilterForm, RegistrationForm
from .ical import calendar_of
from .models import Event
from .open_data import COLUMNS


class EventListView(FilteredListMixin, ListView):
    """Upcoming events first (soonest first), then past ones by year (latest first)."""

    template_name = "events/event_list.html"
    paginate_by = 20
    filter_form = EventFilterForm

    def get_queryset(self):
        return self.filtered(Event.objects.published().summaries()).in_list_order()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        events = list(context["object_list"])
        context.update(
            upcoming=[event for event in events if event.ends_at >= now],
            past=[event for event in events if event.ends_at < now],
        )
        return context


class EventDetailView(DetailView):
    """A published or cancelled event; staff who may view events also see drafts, as a preview."""

    template_name = "events/event_detail.html"
    context_object_name = "event"

    def get_queryset(self):
        events = Event.objects.prefetch_related(
            "themes",
            Prefetch("organisers", queryset=Member.objects.named().by_public_name()),
            Prefetch("partners", queryset=Member.objects.named().by_public_name()),
            Prefetch("articles", queryset=Article.objects.published().summaries()),
            Prefetch("practices", queryset=Practice.objects.published().only("title", "slug")),
        )
        return events if self.can_preview() else events.published()

    def can_preview(self):
        user = self.request.user
        return user.is_active and user.is_staff and user.has_perm("events.view_event")

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_public:
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            preview=not self.object.is_public,
            can_edit=self.request.user.has_perm("events.change_event"),
            **kwargs,
        )


def _calendar_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@built_ahead
def calendar_feed(request):
    """Every published event (cancelled ones marked so), for calendar applications.

    Up to megabytes with years of events: built ahead after each change (core.open_data)."""
    events = Event.objects.published().order_by("starts_at", "pk")
    return _calendar_response(calendar_of(events, _("Alliance events")), "alliance-events.ics")


@require_safe
def event_calendar(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return _calendar_response(calendar_of([event], event.title), f"{event.slug}.ics")


@require_safe
def country_calendar(request, code):
    """The published events held in one country, for calendar applications."""
    code = code.upper()
    if code not in countries:
        raise Http404
    events = Event.objects.published().filter(country=code).order_by("starts_at", "pk")
    name = _("Alliance events in %(country)s") % {"country": countries.name(code)}
    return _calendar_response(calendar_of(events, name), f"alliance-events-{code.lower()}.ics")


class RegisterView(ProtectedFormMixin, FormView):
    template_name = "events/register.html"
    form_class = RegistrationForm
    limits = FormLimits(scope="events-register", email_field="email")

    def dispatch(self, request, *args, **kwargs):
        self.event = get_object_or_404(Event.objects.published(), slug=kwargs["slug"])
        if not self.event.takes_registrations:
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "event": self.event}

    def get_initial(self):
        return {"language": translation.get_supported_language_variant(translation.get_language())}

    def get_context_data(self, **kwargs):
        return super().get_context_data(event=self.event, **kwargs)

    def form_valid(self, form):
        # The same answer for an address already registered: its owner is told by e-mail.
        services.receive_registration(form.save(commit=False))
        return redirect("events:register-thanks", slug=self.event.slug)


def register_thanks(request, slug):
    event = get_object_or_404(Event.objects.published(), slug=slug)
    return render(request, "events/register_thanks.html", {"event": event})


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the confirmation e-mail: GET shows one button, only its POST confirms."""
    try:
        registration = services.registration_for_token(token)
    except signing.SignatureExpired:
        return render(request, "events/confirm_invalid.html", {"expired": True}, status=410)
    except signing.BadSignature:
        return render(request, "events/confirm_invalid.html", status=400)
    if registration is None:
        return render(request, "events/confirm_invalid.html", status=404)
    context = {"registration": registration, "event": registration.event}
    if request.method == "POST":
        services.confirm_registration(registration)
    if registration.status == registration.Status.UNCONFIRMED:
        if not registration.event.takes_registrations:
            return render(request, "events/confirm_closed.html", context, status=410)
        return render(request, "events/confirm.html", context)
    return render(request, "events/confirm_done.html", context)


@data_file
def events_csv(request):
    """Open data: published (and cancelled) events; never a registration."""
    events = (
        Event.objects.published()
        .order_by("starts_at", "pk")
        .only(*(column.name for column in COLUMNS if column.name != "url"))
    )
    with translation.override(settings.LANGUAGE_CODE):
        page = settings.SITE_URL + reverse("events:detail", kwargs={"slug": "SLUG"})

    def rows():
        for event in events.iterator(chunk_size=2000):
            row = {column.name: getattr(event, column.name, "") for column in COLUMNS}
            row["starts_at"] = event.local_start.isoformat()
            row["ends_at"] = event.local_end.isoformat()
            row["country"] = event.country.code or ""
            row["url"] = page.replace("SLUG", event.slug)
            yield row

    return file_response(rows(), COLUMNS, "events.csv")
