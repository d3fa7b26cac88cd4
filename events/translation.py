from django.conf import settings
from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Event, Registration


@register(Event)
class EventTranslationOptions(TranslationOptions):
    # A text written in one language only is shown in it on the other's pages, marked with
    # its lang (the `fallback_language` tag), never left empty.
    fallback_languages = {"default": tuple(code for code, _name in settings.LANGUAGES)}
    fields = ("title", "summary", "programme", "programme_html", "venue", "image_alt")


# Registered after the translation fields exist, so that the history keeps every language.
register_history(
    Event,
    excluded_fields=["programme_html", "programme_html_en", "programme_html_fr", "search_text"],
)
register_history(Registration)
