from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Event, Registration


@register(Event)
class EventTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "programme", "programme_html", "venue", "image_alt")


# Registered after the translation fields exist, so that the history keeps every language.
register_history(
    Event,
    excluded_fields=["programme_html", "programme_html_en", "programme_html_fr", "search_text"],
)
register_history(Registration)
