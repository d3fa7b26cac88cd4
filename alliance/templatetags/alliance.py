from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import translate_url
from django.utils.encoding import escape_uri_path, iri_to_uri
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from core.markup import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    return mark_safe(render_markdown(text))


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
    """The language a translated field is really shown in, when it is not the visitor's.

    modeltranslation falls back to English where the French column is empty; the template
    marks such text with lang="en" and a note, so readers and screen readers know.
    """
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if getattr(obj, f"{field}_{current}", None):
        return ""
    for language in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
        if language != current and getattr(obj, f"{field}_{language}", None):
            return language
    return ""


@register.simple_tag(takes_context=True)
def absolute_static(context, path):
    """A static file's full address, for the sites that read Open Graph tags."""
    request = context.get("request")
    url = static(path)
    return request.build_absolute_uri(url) if request else settings.SITE_URL + url
