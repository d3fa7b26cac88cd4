from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Page


@register(Page)
class PageTranslationOptions(TranslationOptions):
    fields = ("title", "lead", "body")


# Registered after the translation fields exist, so that the history keeps every language.
register_history(Page)
