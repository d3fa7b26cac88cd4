from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from alliance.markup import render_markdown

register = template.Library()


@register.filter
def markdown(text):
    return mark_safe(render_markdown(text))


@register.simple_tag(takes_context=True)
def translated_url(context, language, absolute=False):
    """The current page in another language, query string kept."""
    request = context.get("request")
    if request is None:
        return f"/{language}/"
    url = translate_url(request.get_full_path(), language)
    return request.build_absolute_uri(url) if absolute else url


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
