import functools
import re

from django import template
from django.conf import settings
from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.exceptions import DisallowedHost
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.html import conditional_escape, format_html
from django.utils.http import urlencode
from django.utils.safestring import SafeData, mark_safe
from django.utils.translation import get_language

from core import images, typography
from core.markup import rendered_markdown, rendered_outlined_markdown
from members.map import OUTLINES_FILE, country_layer, render_member_map

register = template.Library()


@register.filter
def markdown(text):
    return mark_safe(rendered_markdown(text))


@register.simple_tag
def outlined_markdown(text):
    """A long text's HTML with anchored headings and its table of contents:
    {"html": …, "contents": [(anchor, title), …]}, contents empty for a short text."""
    html, contents = rendered_outlined_markdown(text)
    return {"html": mark_safe(html), "contents": contents}


@register.simple_tag
def member_location(member):
    """The small map of where a member is: its country zoomed on, a marker at its place. The
    member map's drawing of this one member; None when it has no place on the map."""
    if member is None or member.latitude is None or member.longitude is None:
        return None
    drawing = render_member_map([member], country=member.country.code)
    return drawing if drawing.markers else None


@register.filter(needs_autoescape=True)
def french_spacing(value, language="", autoescape=True):
    """French typography (core/typography.py) in text shown in French.

    language: the language the text is really in, when not the visitor's (what
    `fallback_language` gives): English shown on a French page keeps its own spacing.
    Safe HTML is spaced in its text only; other text is escaped first, as it would have been.
    """
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if (language or current) != "fr" or value in (None, ""):
        return value
    if isinstance(value, SafeData):
        return mark_safe(typography.french_spacing(str(value)))
    if autoescape:
        return mark_safe(typography.french_spacing(str(conditional_escape(value))))
    return typography.space_text(str(value))  # a plain-text e-mail


# "de" and "que" before a word that starts with a vowel: "que Élise" is written "qu\u2019Élise".
_ELIDABLE = re.compile(r"\b([dD]e|[qQ]ue) (?=[AEIOUÀÂÄÉÈÊËÎÏÔÖÛÜÙaeiouàâäéèêëîïôöûüù])")


def elide(text):
    """French elision where a sentence puts "de" or "que" before a name it was given: the
    catalogue cannot know the name. Leaves "h" and "y", which depend on the word, alone."""
    return _ELIDABLE.sub(lambda match: match.group(1)[:-1] + "’", text)


@register.filter(is_safe=True)
def elided(text):
    """`elide` in French text (the visitor's language), the text unchanged otherwise."""
    if not (get_language() or "").startswith("fr") or not text:
        return text
    return elide(text)


class GroupedNumber(int):
    """A whole number that prints with the language's grouping, and counts as itself."""

    def __str__(self):
        return intcomma(int(self))


@register.filter
def grouped(number):
    """A count with the language's grouping: 108,000 in English, 108 000 (U+202F) in French.
    As a blocktranslate counter (`count counter=total|grouped`) it still picks the plural,
    and the catalogue's strings keep their `{{ counter }}`."""
    try:
        return GroupedNumber(number)
    except (TypeError, ValueError):
        return number


@register.filter(expects_localtime=True)
def machine_time(value):
    """An aware datetime in the current time zone, to the second, as `<time datetime>` and
    Open Graph want it: "2026-12-06T10:15:00+01:00". The `date:'c'` filter would keep the
    microseconds, which HTML refuses (a fraction of a second has at most three digits)."""
    return value.isoformat(timespec="seconds") if value else ""


@register.filter
def picture(obj):
    """The Picture of an article's, practice's or event's image, or None (core/images.py)."""
    return images.picture_of(obj)


@register.simple_tag
def country_outline(code):
    """A country's outline as inline SVG, drawn from the member map's geometry: the picture
    of a page that has no image of its own. Empty for a country outside the map."""
    return _country_outline(str(code or "").upper())


@functools.cache
def _country_outline(code):
    shape = country_layer().get(code)
    if shape is None or not shape.bounds:
        return ""
    box = shape.bounds.grown(max(shape.bounds.width, shape.bounds.height) * 0.05)
    # The outline is the maps' own, in their static file (members/map/outlines.py): a list
    # of cards repeats it without repeating its path data.
    return format_html(
        '<svg class="picture__outline" viewBox="{}" preserveAspectRatio="xMidYMid meet" '
        'focusable="false" aria-hidden="true"><use href="{}#{}"/></svg>',
        box.view_box,
        static(OUTLINES_FILE),
        code,
    )


def local_path(request):
    """The request's path, escaped, starting with exactly one "/".

    Browsers read "//host", "/\\host" or a tab between two slashes as another site's address.
    """
    return "/" + escape_uri_path(request.path).lstrip("/")


@register.simple_tag(takes_context=True)
def translated_url(context, language):
    """The current page in another language, query string kept."""
    request = context.get("request")
    if request is None:
        return f"/{language}/"
    url = translate_url(local_path(request), language)
    query = request.META.get("QUERY_STRING", "")
    return f"{url}?{iri_to_uri(query)}" if query else url


@register.simple_tag(takes_context=True)
def canonical_url(context, language=None):
    """The current page's address (in `language`), without its filters or search.

    A filtered list is the list; a page number alone is kept, each page having other rows.
    """
    request = context.get("request")
    if request is None:
        return ""
    path = local_path(request)
    if language:
        path = translate_url(path, language)
    page = request.GET.get("page", "")
    if list(request.GET) == ["page"] and page.isascii() and page.isdigit() and int(page) > 1:
        path += "?" + urlencode({"page": int(page)})
    return request.build_absolute_uri(path)


@register.simple_tag
def fallback_language(obj, field):
    """The language a translated field is really shown in, when it is not the visitor's: the
    template marks such text with lang="" (and a badge or `language_note`), so that readers
    and screen readers know.

    modeltranslation shows a text written in one language only in that language on the
    other's pages (the models' `fallback_languages`). "" when the field is in the visitor's
    language, or in no language at all.
    """
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if getattr(obj, f"{field}_{current}", None):
        return ""
    shown = getattr(obj, field, None)
    if not shown:
        return ""
    # The language whose column holds what modeltranslation shows.
    for language, _name in settings.LANGUAGES:
        if language != current and getattr(obj, f"{field}_{language}", None) == shown:
            return language
    return ""


@register.inclusion_tag("includes/_language_note.html")
def language_note(obj, *fields):
    """The visible note that a page's text exists in another language only ("Available in
    French only"), the same on every kind of page: given the fields of its text, most telling
    first (the body, the summary, the title), the language of the first one not shown in the
    visitor's language; nothing when they all are."""
    for field in fields:
        language = fallback_language(obj, field)
        if language:
            return {"language": language}
    return {"language": ""}


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """A static file's full address, for the sites that read Open Graph tags."""
    request = context.get("request")
    url = static(path)
    if request is not None:
        try:
            return request.build_absolute_uri(url)
        except DisallowedHost:
            pass  # the error page of a request to an unknown host: the site's own address
    return settings.SITE_URL + url
