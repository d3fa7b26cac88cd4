"""The yearly activity report, for staff to hand to the Congress: what happened in one year,
as a PDF drawn from HTML by WeasyPrint (which needs Pango, from Debian's packages)."""

from collections import Counter
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from declarations.models import Signature
from events.models import Event, Registration
from library.models import Document
from members.models import Member
from practices.models import Practice

from .charts import Chart, Row, Series
from .counts import country_chart, country_counts, theme_counts

# Who may download the report: staff who may read every kind of record it counts.
PERMISSIONS = (
    "members.view_member",
    "declarations.view_signature",
    "practices.view_practice",
    "events.view_event",
    "library.view_document",
)
# The Congress's adopted texts, as opposed to reports and guides.
ADOPTED_KINDS = [
    Document.Kind.RESOLUTION,
    Document.Kind.RECOMMENDATION,
    Document.Kind.DECLARATION,
]
# The Open Sans files the PDF embeds: Latin and Latin Extended (Łódź, Cluj-Napoca, Győr).
FONT_FILES = [
    (script, weight, f"vendor/open-sans/open-sans-{script}-{weight}-normal.woff2")
    for script in ("latin", "latin-ext")
    for weight in (400, 700)
]


def may_read_report(user):
    return user.is_active and user.is_staff and user.has_perms(PERMISSIONS)


class ReportForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        first = min((year for year in earliest_years() if year), default=this_year)
        years = range(this_year, first - 1, -1)
        self.fields["year"].choices = [(year, str(year)) for year in years]
        self.fields["year"].initial = this_year - 1 if timezone.localdate().month < 4 else this_year


def earliest_years():
    """The years of the first member, signature, document and event: where reports can start."""
    first_member = Member.objects.named().exclude(joined_on=None).order_by("joined_on").first()
    first_signature = Signature.objects.public().order_by("signed_on").first()
    first_document = Document.objects.published().order_by("published_on").first()
    first_event = Event.objects.published().order_by("starts_at").first()
    return [
        first_member.joined_on.year if first_member else None,
        first_signature.signed_on.year if first_signature else None,
        first_document.published_on.year if first_document else None,
        first_event.starts_at.year if first_event else None,
    ]


def year_report(year):
    """What the report says of `year`, counted from the public records."""
    joined = (
        Member.objects.named()
        .filter(joined_on__year=year)
        .order_by("country", "name")
        .only("name", "display_name", "country", "kind", "joined_on")
    )
    left = (
        Member.objects.named()
        .exclude(pk__in=Member.objects.approved())
        .filter(left_on__year=year)
        .order_by("country", "name")
        .only("name", "display_name", "country", "kind", "left_on")
    )
    signatures = Signature.objects.public().filter(signed_on__year=year)
    practices = Practice.objects.published().filter(published_at__year=year)
    events = (
        Event.objects.published()
        .filter(status=Event.Status.PUBLISHED, starts_at__year=year)
        .annotate(
            attendance=Count(
                "registrations",
                filter=Q(registrations__status=Registration.Status.CONFIRMED),
            )
        )
        .order_by("starts_at")
    )
    documents = (
        Document.objects.published()
        .filter(published_on__year=year, kind__in=ADOPTED_KINDS)
        .order_by("published_on")
    )
    joined = list(joined)
    signaturescountry_chart = country_chart(
        _("Signatures verified in %(year)s, by country") % {"year": year},
        _("Verified signatures of the Declaration whose signatories agreed to publication."),
        "report-signatures",
        Series(_("signatures")),
        country_counts(signatures),
    )
    memberscountry_chart = country_chart(
        _("Members who joined in %(year)s, by country") % {"year": year},
        "",
        "report-members",
        Series(_("members")),
        Counter(member.country.code for member in joined),
    )
    themes = Chart(
        "report-themes",
        _("Practices published in %(year)s, by theme") % {"year": year},
        "",
        _("Theme"),
        [Series(_("practices"))],
        summable=False,
    )
    themes.rows = [Row(theme.name, [number]) for theme, number in theme_counts(practices)]
    events = list(events)
    return {
        "year": year,
        "joined": joined,
        "left": list(left),
        "signature_count": signatures.count(),
        "practices": list(practices.order_by("published_at").only("title", "slug", "published_at")),
        "events": events,
        "attendance": sum(event.attendance for event in events),
        "documents": list(documents),
        "charts": [memberscountry_chart, signaturescountry_chart, themes],
    }


def font_faces():
    """[(script, weight, file URL)] of the vendored Open Sans, read from disk: no network."""
    return [
        (script, weight, Path(finders.find(name)).as_uri()) for script, weight, name in FONT_FILES
    ]


def report_html(year, language):
    with translation.override(language):
        context = {
            **year_report(year),
            "language": language,
            "fonts": font_faces(),
            "made_on": timezone.localdate(),
        }
        return render_to_string("figures/report.html", context)


def report_pdf(html):
    from weasyprint import HTML, URLFetcher  # Pango loads on first use, not with the site

    # Only the vendored fonts on disk: nothing is fetched from the network.
    fetcher = URLFetcher(allowed_protocols={"file"})
    return HTML(string=html, base_url=settings.BASE_DIR.as_uri(), url_fetcher=fetcher).write_pdf()


def report_view(request):
    """/admin/figures/report/: choose a year and a language, download the PDF."""
    if not may_read_report(request.user):
        raise PermissionDenied
    form = ReportForm(request.GET if "year" in request.GET else None)
    if form.is_bound and form.is_valid():
        year, language = form.cleaned_data["year"], form.cleaned_data["language"]
        pdf = report_pdf(report_html(year, language))
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = (
            f'attachment; filename="alliance-report-{year}-{language}.pdf"'
        )
        return response
    context = {
        **admin.site.each_context(request),
        "title": _("Yearly activity report"),
        "form": form,
    }
    return TemplateResponse(request, "figures/report_form.html", context)
