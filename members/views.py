import functools

from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils import translation
from django.utils.translation import get_language
from django.views.generic import DetailView, FormView, ListView
from django_countries import countries

from core.cache import remember
from core.detail import KeptDetailMixin
from core.open_data import column_names, data_file, file_response
from core.pagination import FilteredListMixin
from core.protection import FormLimits, ProtectedFormMixin

from .forms import DirectoryFilterForm, JoinForm, MapFilterForm
from .map import map_layers, map_queryset, preview_map, render_member_map
from .models import Member, approved_counts, totals_of
from .open_data import COLUMNS
from .services import submit_join_request


class MemberListView(FilteredListMixin, ListView):
    template_name = "members/member_list.html"
    context_object_name = "members"
    paginate_by = 50
    filter_form = DirectoryFilterForm

    def get_queryset(self):
        members = self.filtered(Member.objects.approved())
        return members.listed().order_by(*self.filters.ordering())

    def get_totals(self):
        """{"members": N, "countries": M} of the selection; the paginator's count as well."""
        if not hasattr(self, "totals"):
            active = self.filters.active
            if "q" in active:  # a search is narrow, and cheap with its trigram indexes
                self.totals = self.filters.filter(Member.objects.approved()).totals()
            else:
                counts = approved_counts(active.get("country", ""), active.get("kind", ""))
                self.totals = totals_of(counts)
        return self.totals

    def get_count(self, queryset):
        return self.get_totals()["members"]

    def get_context_data(self, **kwargs):
        return super().get_context_data(totals=self.get_totals(), **kwargs)


class MemberDetailView(KeptDetailMixin, DetailView):
    template_name = "members/member_detail.html"
    context_object_name = "member"
    kept_name = "member-page"

    def get_queryset(self):
        return Member.objects.approved()

    def read_with(self, member):
        return member_lists(member)


def member_lists(member):
    """What a member's page lists: its signatories, news, practices and events."""
    # The events it hosts or joins, through the relations events declares: the events whose
    # id is among the two relations' rows for this member (an OR across both joins would
    # read every event).
    organising = member.organised_events.through.objects.filter(member=member)
    partnering = member.partnered_events.through.objects.filter(member=member)
    taking_part = organising.values("event_id").union(partnering.values("event_id"))
    events = member.organised_events.model.objects.filter(pk__in=taking_part)
    return {
        "signatures": list(member.signatures.public().order_by("-signed_on", "full_name")),
        "articles": list(member.articles.published().summaries()[:10]),
        # Through the relation practices declares ("practices"): members does not import it.
        "practices": list(member.practices.published().summaries()[:10]),
        "events": list(events.published().summaries().order_by("-starts_at")[:10]),
    }


def member_map(request):
    form = MapFilterForm(request.GET)
    country = form.active.get("country", "")
    kind = form.active.get("kind", "")

    def draw():
        members = map_queryset(form.filter(Member.objects.approved()))
        counts = approved_counts(country, kind)
        drawing = render_member_map(members, country=country or None, counts=counts)
        context = {
            "member_map": drawing,
            # What other apps place on the map (upcoming events), drawn over the members.
            "layers": map_layers(drawing.place_radius, country=country or None),
        }
        return (
            render_to_string("members/_member_map_lead.html", context),
            render_to_string("members/_member_map_body.html", context),
        )

    # Reading thousands of positions and drawing them is most of the page's work, and its
    # result changes only with the data: kept until they change, per filter and language
    # (core.cache.remember). The form around it is drawn per request.
    lead, body = remember(f"member-map:{get_language()}:{country}:{kind}", draw)
    context = {"form": form, "map_lead": lead, "map_body": body}
    return render(request, "members/member_map.html", context)


# The preview's colours, as static/css/map.css has them: an SVG shown as an image reads no page
# style, so they are written as its attributes.
PREVIEW_SHADES = ["#fffdf6", "#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]


def map_preview(request):
    """The member map as a small picture (dots, no links), for the home page's link to the map.

    Always a summary map, whatever the number of members: a dot per place, in one path.
    """
    preview = preview_map(Member.objects.approved())
    states = [
        (state, PREVIEW_SHADES[state.shade] if state.shade is not None else None)
        for state in preview.states
    ]
    return render(
        request,
        "members/map_preview.svg",
        {"member_map": preview, "states": states},
        content_type="image/svg+xml",
    )


class JoinView(ProtectedFormMixin, FormView):
    template_name = "members/join.html"
    form_class = JoinForm
    success_url = reverse_lazy("members:join-thanks")
    limits = FormLimits(scope="join", email_field="contact_email")

    def form_valid(self, form):
        try:
            member = submit_join_request(form.save(commit=False), translation.get_language())
        except IntegrityError:
            # The same authority was sent twice at once and the other request won: say so.
            try:
                form.instance.clean()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                raise
            return self.form_invalid(form)
        self.request.session["join_request"] = {"name": member.name, "email": member.contact_email}
        return redirect(self.get_success_url())


def join_thanks(request):
    request_details = request.session.pop("join_request", None)
    return render(request, "members/join_thanks.html", {"join_request": request_details})


# Open data: approved members, public fields only (never the contact person).
# Its columns, and what /data/ says of them: members/open_data.py.
DATA_FIELDS = column_names(COLUMNS)


@functools.cache
def _english_kind_labels():
    with translation.override("en"):
        return {kind.value: str(kind.label) for kind in Member.Kind}


@functools.cache
def _english_country_names():
    with translation.override("en"):
        return {country.code: str(country.name) for country in countries}


def public_rows(site_url):
    """Dicts of DATA_FIELDS for every approved member, read in chunks."""
    names = _english_country_names()
    kinds = _english_kind_labels()
    fields = [f for f in DATA_FIELDS if f not in {"kind_label", "country_name", "url"}]
    approved = Member.objects.approved().order_by("country", "search_name", "pk")
    # Each language's column by name, without modeltranslation's rewriting (its public
    # rewrite(False)): its row iterator costs about 10 µs a row.
    rows = approved.rewrite(False).values(*fields)
    # One reverse() for all rows; the placeholder is swapped for each slug.
    with translation.override("en"):
        detail_url = site_url + reverse("members:detail", kwargs={"slug": "SLUG"})
    for row in rows.iterator(chunk_size=500):
        row["kind_label"] = kinds.get(row["kind"], "")
        row["country_name"] = names.get(row["country"], "")
        row["url"] = detail_url.replace("SLUG", row["slug"])
        row["joined_on"] = row["joined_on"].isoformat() if row["joined_on"] else None
        row["display_name_en"] = row["display_name_en"] or ""
        row["display_name_fr"] = row["display_name_fr"] or ""
        yield row


def _site_url(request):
    return request.build_absolute_uri("/").rstrip("/")


@data_file
def members_csv(request):
    return file_response(public_rows(_site_url(request)), COLUMNS, "alliance-members.csv")


@data_file
def members_json(request):
    return file_response(
        public_rows(_site_url(request)), COLUMNS, "alliance-members.json", key="members"
    )
