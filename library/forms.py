from django import forms
from django.db.models.functions import ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from core.filters import FilterForm
from practices.models import Theme

from .languages import LANGUAGES
from .models import Document, DocumentFile


class DocumentFilterForm(FilterForm):
    """The library's filters."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    type = forms.ChoiceField(label=_("Type"), required=False)
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        everything = ("", _("All"))
        self.fields["type"].choices = [
            everything,
            *((value, label.capitalize()) for value, label in Document.Kind.choices),
        ]
        published = Document.objects.published()
        years = remember(
            "library-years",
            lambda: sorted(
                set(
                    published.annotate(year=ExtractYear("published_on"))
                    .order_by()
                    .values_list("year", flat=True)
                    .distinct()
                ),
                reverse=True,
            ),
        )
        self.fields["year"].choices = [everything, *((year, str(year)) for year in years)]
        themes = remember(
            f"library-themes:{get_language()}",
            lambda: list(
                Theme.objects.filter(documents__in=published).distinct().values_list("slug", "name")
            ),
        )
        self.fields["theme"].choices = [everything, *themes]
        used = remember(
            "library-languages",
            lambda: set(
                DocumentFile.objects.filter(document__in=published)
                .order_by()
                .values_list("language", flat=True)
                .distinct()
            ),
        )
        self.fields["language"].choices = [
            everything,
            *((code, name) for code, name in LANGUAGES if code in used),
        ]

    def filter_type(self, queryset, value):
        return queryset.filter(kind=value)

    def filter_year(self, queryset, value):
        return queryset.filter(published_on__year=value)

    def filter_theme(self, queryset, value):
        return queryset.filter(themes__slug=value)

    def filter_language(self, queryset, value):
        return queryset.in_language(value)

    def filter_q(self, queryset, value):
        return queryset.search(value)
