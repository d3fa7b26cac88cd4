from collections import Counter

from django import forms
from django.db.models import Count, Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.cache import remember
from core.filters import FilterForm
from core.text import normalise
from members.models import Member

from .models import Practice, Theme, current_year


class PracticeFilterForm(FilterForm):
    """The database's filters and search; each option shows how many published practices it
    holds."""

    uppercase = ["country"]

    q = forms.CharField(label=_("Search in titles and texts"), required=False, max_length=200)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    member = forms.ChoiceField(label=_("Member"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        everything = ("", _("All"))
        choices = facet_choices()
        for name in ("theme", "country", "year"):
            self.fields[name].choices = [everything, *choices[name]]
        # Only the member asked for is offered (the profiles link here): a list of every
        # member with a practice would be thousands of options.
        asked = self.data.get("member")
        member = Member.objects.named().filter(slug=asked).first() if asked else None
        if member is None:
            del self.fields["member"]
        else:
            self.fields["member"].choices = [everything, (member.slug, member.public_name)]

    def clean_q(self):
        # Punctuation alone searches nothing: no search.
        query = self.cleaned_data["q"]
        return query if normalise(query) else ""

    def filter_theme(self, queryset, value):
        return queryset.with_theme(value)

    def filter_country(self, queryset, value):
        return queryset.in_country(value)

    def filter_year(self, queryset, value):
        return queryset.in_year(value)

    def filter_member(self, queryset, value):
        return queryset.of_member(value)

    def filter_q(self, queryset, value):
        return queryset.search(value)


def facet_choices():
    """The options of the theme, country and year filters, each with how many published
    practices it holds, in the current language: {"theme": [(slug, "Housing (12)")], …}.

    Kept until the data change, labels and order included: sorting the countries by their
    names and labelling every option took 2.5 ms of each list page.
    """
    # No scheduled change touches them (a practice is published by staff, at once); the year
    # is in the key for the practices still running, counted up to this year.
    return remember(
        f"practice-filter-choices:{get_language()}:{current_year()}", _facet_choices, timeless=True
    )


def _facet_choices():
    counts = _count_facets()
    return {
        "theme": [(slug, f"{name} ({number})") for slug, name, number in counts["themes"]],
        "country": sorted(
            (
                (code, f"{countries.name(code)} ({number})")
                for code, number in counts["countries"].items()
                if code in countries
            ),
            key=lambda choice: normalise(choice[1]),
        ),
        "year": [
            (year, f"{year} ({number})")
            for year, number in sorted(counts["years"].items(), reverse=True)
        ],
    }


def _count_facets():
    published = Practice.objects.published()
    themes = [
        (theme.slug, theme.name, theme.number)
        for theme in Theme.objects.annotate(
            number=Count("practices", filter=Q(practices__status=Practice.Status.PUBLISHED))
        )
        if theme.number
    ]
    by_country = (
        Practice.members.through.objects.filter(
            practice__status=Practice.Status.PUBLISHED,
            member__status__in=Member.NAMED_STATUSES,
        )
        .order_by()
        .values_list("member__country")
        .annotate(number=Count("practice_id", distinct=True))
    )
    years = Counter()
    this_year = current_year()
    periods = published.order_by().values_list("start_year", "end_year").annotate(Count("pk"))
    for start, end, number in periods:
        last = end if end is not None else max(start, this_year)
        for year in range(start, last + 1):
            years[year] += number
    return {"themes": themes, "countries": dict(by_country), "years": dict(years)}
