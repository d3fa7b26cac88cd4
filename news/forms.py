from django import forms
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.cache import remember
from core.filters import FilterForm

from .models import Article, Tag


class ArticleFilterForm(FilterForm):
    """The news list's filters."""

    uppercase = ["country"]

    kind = forms.ChoiceField(label=_("Kind"), required=False)
    tag = forms.ChoiceField(label=_("Topic"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, data=None):
        super().__init__(data)
        published = Article.objects.published()
        everything = ("", _("All"))
        self.fields["kind"].choices = [
            everything,
            *((value, label.capitalize()) for value, label in Article.Kind.choices),
        ]
        # Only the topics and countries that have news are offered, plus the one asked for;
        # finding them scans the articles, so they are kept until the data change.
        tags = remember(f"news-tags:{get_language()}", lambda: list(tags_of(published)))
        used = set(remember("news-countries", lambda: countries_of(published)))
        asked_tag = self.data.get("tag") or ""
        if asked_tag and asked_tag not in {tag.slug for tag in tags}:
            tags = sorted([*tags, *Tag.objects.filter(slug=asked_tag)], key=lambda tag: tag.name)
        self.fields["tag"].choices = [everything, *((tag.slug, tag.name) for tag in tags)]
        asked_country = self.data.get("country")
        if asked_country in countries:
            used.add(asked_country)
        named = sorted(((code, countries.name(code)) for code in used), key=lambda c: c[1])
        self.fields["country"].choices = [everything, *named]

    def filter_tag(self, queryset, value):
        return queryset.tagged(value)

    def filter_country(self, queryset, value):
        return queryset.about_country(value)


def tags_of(articles):
    """The topics of these articles: one index probe per topic rather than a join of them all."""
    tagged = Article.tags.through.objects.filter(tag=OuterRef("pk"), article__in=articles)
    return Tag.objects.filter(Exists(tagged))


def countries_of(articles):
    """The country codes the articles concern, in one query ("FR,GR" is stored per article)."""
    stored = articles.exclude(countries="").order_by().values_list("countries", flat=True)
    stored = stored.distinct()
    return {code for value in stored for code in value.split(",")}
