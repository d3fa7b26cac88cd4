"""The Alliance's figures, counted from each app's "what is public" querysets: the same rows
the open data files and the home page's counters read, never a request, a draft or an
unverified signature."""

from collections import Counter

from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from core.text import normalise
from declarations.models import Signature
from events.models import Event
from members.models import Member, approved_counts
from practices.models import Practice, Theme

from .charts import GOLD, NAVY, Chart, Row, Series


def _years(*counters):
    """Every year from the first to the last counted, gaps included: a year without any is a
    fact too."""
    years = [year for counter in counters for year in counter if year]
    return range(min(years), max(years) + 1) if years else []


def year_chart(title, description, key, *series_counts):
    series = [series for series, _counts in series_counts]
    counters = [counts for _series, counts in series_counts]
    chart = Chart(key, title, description, _("Year"), series)
    chart.rows = [
        Row(str(year), [counter.get(year, 0) for counter in counters]) for year in _years(*counters)
    ]
    return chart


def country_chart(title, description, key, series, counts):
    chart = Chart(key, title, description, _("Country"), [series])
    named = [(countries.name(code) or code, code, number) for code, number in counts.items()]
    chart.rows = [
        Row(name, [number])
        for name, code, number in sorted(named, key=lambda row: (-row[2], normalise(row[0])))
    ]
    return chart


def _year_counts(queryset, field):
    return Counter(
        dict(
            queryset.order_by()
            .annotate(year=ExtractYear(field))
            .values_list("year")
            .annotate(Count("pk"))
        )
    )


def members_joined_counts(year=None):
    """{year: members who joined that year and are members today} (the rows of members.csv)."""
    members = Member.objects.approved().exclude(joined_on=None)
    if year:
        members = members.filter(joined_on__year=year)
    return _year_counts(members, "joined_on")


def members_left_counts():
    """{year: former members who left that year}."""
    left = Member.objects.named().exclude(pk__in=Member.objects.approved()).exclude(left_on=None)
    return _year_counts(left, "left_on")


def membersyear_chart():
    return year_chart(
        _("Members by year of joining, and members who left"),
        _("Today’s members by the year they joined, and the former members by the year they left."),
        "members-years",
        (Series(_("joined (members today)"), NAVY), members_joined_counts()),
        (Series(pgettext_lazy("members, in a chart", "left"), GOLD), members_left_counts()),
    )


def memberscountry_chart():
    # The very aggregate the home page's counters and the directory read.
    return country_chart(
        _("Members by country"),
        _("The member cities and regions in each country."),
        "members-countries",
        Series(_("members")),
        approved_counts(),
    )


def signaturesyear_chart():
    return year_chart(
        _("Signatures of the Declaration by year"),
        _("Elected representatives who signed the Declaration against anti-Gypsyism, by year."),
        "signatures-years",
        (Series(_("signatures")), _year_counts(Signature.objects.public(), "signed_on")),
    )


def country_counts(queryset, field="country"):
    return Counter(dict(queryset.order_by().values_list(field).annotate(Count("pk"))))


def signaturescountry_chart():
    return country_chart(
        _("Signatures of the Declaration by country"),
        _("Elected representatives who signed the Declaration, by the country of their authority."),
        "signatures-countries",
        Series(_("signatures")),
        country_counts(Signature.objects.public()),
    )


def theme_counts(practices):
    """[(theme, number of these practices)], in the themes' order, themes without any left out."""
    counts = Counter(
        dict(
            Practice.themes.through.objects.filter(practice__in=practices)
            .order_by()
            .values_list("theme")
            .annotate(Count("practice"))
        )
    )
    return [(theme, counts[theme.pk]) for theme in Theme.objects.all() if counts[theme.pk]]


def practices_by_theme():
    chart = Chart(
        "practices-themes",
        _("Good practices by theme"),
        _("Published good practices by theme; a practice may have several themes."),
        _("Theme"),
        [Series(_("practices"))],
        summable=False,
    )
    chart.rows = [
        Row(theme.name, [number]) for theme, number in theme_counts(Practice.objects.published())
    ]
    return chart


def practice_country_counts(practices):
    """{country code: practices carried out there}, as the practices' "countries" column
    names them: a practice counts once in each country of its members."""
    return Counter(
        dict(
            Practice.members.through.objects.filter(
                practice__in=practices, member__in=Member.objects.named()
            )
            .order_by()
            .values_list("member__country")
            .annotate(Count("practice", distinct=True))
        )
    )


def practicescountry_chart():
    chart = country_chart(
        _("Good practices by country"),
        _(
            "Published good practices by the country of the members carrying them out; a "
            "practice of members in two countries counts in both."
        ),
        "practices-countries",
        Series(_("practices")),
        practice_country_counts(Practice.objects.published()),
    )
    chart.summable = False
    return chart


def event_year_counts():
    """({year: events held or planned}, {year: events cancelled}), by the year they start in
    their own time zone (as events.csv gives it)."""
    held, cancelled = Counter(), Counter()
    for event in Event.objects.published().only("starts_at", "time_zone", "status"):
        (cancelled if event.is_cancelled else held)[event.local_start.year] += 1
    return held, cancelled


def eventsyear_chart():
    held, cancelled = event_year_counts()
    return year_chart(
        _("Events by year"),
        _("The Alliance’s conferences, seminars, study visits and meetings, by year."),
        "events-years",
        (Series(_("held or planned"), NAVY), held),
        (Series(_("cancelled"), GOLD), cancelled),
    )


def public_charts():
    """The charts of the figures page, in the order it shows them."""
    return [
        membersyear_chart(),
        memberscountry_chart(),
        signaturesyear_chart(),
        signaturescountry_chart(),
        practices_by_theme(),
        practicescountry_chart(),
        eventsyear_chart(),
    ]
