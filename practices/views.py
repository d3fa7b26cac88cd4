from django.conf import settings
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.text import slugify
from django.views.decorators.http import require_safe
from django.views.generic import DetailView, ListView

from core import files
from core.detail import KeptDetailMixin
from core.open_data import column_names, data_file, file_response
from core.pagination import FilteredListMixin
from members.models import Member

from .forms import PracticeFilterForm
from .models import Practice, Theme
from .open_data import COLUMNS

# Open Graph wants a territory: the Council of Europe writes British English and French.
OPEN_GRAPH_LOCALES = {"en": "en_GB", "fr": "fr_FR"}
# How many other practices of the same theme a practice's page suggests.
RELATED_SHOWN = 4


def named_members():
    """The members a practice's pages name: never a request waiting for a decision."""
    return Member.objects.named().only("name", "display_name", "slug", "country", "status")


def with_listed_relations(practices):
    return practices.prefetch_related(
        Prefetch("members", queryset=named_members().by_public_name()), "themes"
    )


def can_preview(user):
    return user.is_active and user.is_staff and user.has_perm("practices.view_practice")


class PracticeListView(FilteredListMixin, ListView):
    template_name = "practices/practice_list.html"
    context_object_name = "practices"
    paginate_by = 20
    filter_form = PracticeFilterForm

    def get_queryset(self):
        # Each card names the practice's members and themes.
        return with_listed_relations(self.filtered(Practice.objects.published().summaries()))

    def get_context_data(self, **kwargs):
        return super().get_context_data(searching="q" in self.filters.active, **kwargs)


class PracticeDetailView(KeptDetailMixin, DetailView):
    """A published practice; staff who may view practices also see the others, as a preview."""

    template_name = "practices/practice_detail.html"
    context_object_name = "practice"
    kept_name = "practice-page"

    def get_queryset(self):
        practices = with_listed_relations(Practice.objects.all()).prefetch_related(
            "links", "attachments"
        )
        return practices if can_preview(self.request.user) else practices.published()

    def reads_each_time(self):
        return can_preview(self.request.user)  # a preview shows drafts: never kept

    def read_with(self, practice):
        themes = list(practice.themes.all())
        return {"themes": themes, "related": related_practices(practice, themes)}

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.object.is_public:
            # A preview is for the member of staff who asked, never for a shared cache.
            add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        practice = self.object
        language = translation.get_language()
        context = {
            "preview": not practice.is_public,
            "og_locale": OPEN_GRAPH_LOCALES.get(language, language),
            "og_alternate_locales": [
                OPEN_GRAPH_LOCALES[code] for code, _name in settings.LANGUAGES if code != language
            ],
            "image_url": self.request.build_absolute_uri(practice.image.url)
            if practice.image
            else "",
            "can_edit": self.request.user.has_perm("practices.change_practice"),
        }
        return super().get_context_data(**context, **kwargs)


def related_practices(practice, themes):
    """Other published practices on the practice's first theme, newest first."""
    if not themes:
        return []
    theme = themes[0]
    practices = (
        Practice.objects.published()
        .with_theme(theme.slug)
        .exclude(pk=practice.pk)
        .only("title", "slug", "start_year", "end_year")[:RELATED_SHOWN]
    )
    return {"theme": theme, "practices": list(practices)}


@require_safe
def attachment(request, slug, pk):
    """A practice's file, served so that no browser runs it: to anyone once the practice is
    public, and to staff who may view practices before."""
    practice = get_object_or_404(Practice.objects.only("slug", "status"), slug=slug)
    file = get_object_or_404(practice.attachments.all(), pk=pk)
    allowed = files.access(request, practice, Practice.objects.published())
    return files.serve_private(
        request, file.file, slugify(file.title) or "attachment", allowed=allowed
    )


# Open data: published practices, public fields only (never the submitter).
# Its columns, and what /data/ says of them: practices/open_data.py.
DATA_FIELDS = column_names(COLUMNS)
JOINED = {"themes", "members", "countries", "url"}


def public_rows(site_url):
    """Dicts of DATA_FIELDS for every published practice, read in chunks."""
    columns = [field for field in DATA_FIELDS if field not in JOINED]
    practices = (
        Practice.objects.published()
        .order_by("-published_at", "-pk")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.only("slug")),
            Prefetch("members", queryset=named_members().by_public_name()),
        )
    )
    with translation.override("en"):
        detail_url = site_url + reverse("practices:detail", kwargs={"slug": "SLUG"})
    for practice in practices.iterator(chunk_size=500):
        row = {field: getattr(practice, field) for field in columns}
        members = list(practice.members.all())
        row["themes"] = "; ".join(theme.slug for theme in practice.themes.all())
        row["members"] = "; ".join(member.name for member in members)
        row["countries"] = "; ".join(sorted({member.country.code for member in members}))
        row["published_at"] = practice.published_at.isoformat()
        row["url"] = detail_url.replace("SLUG", practice.slug)
        yield {field: "" if row[field] is None else row[field] for field in DATA_FIELDS}


def _site_url(request):
    return request.build_absolute_uri("/").rstrip("/")


@data_file
def practices_csv(request):
    return file_response(public_rows(_site_url(request)), COLUMNS, "alliance-practices.csv")


@data_file
def practices_json(request):
    return file_response(
        public_rows(_site_url(request)), COLUMNS, "alliance-practices.json", key="practices"
    )
