from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Declaration


@register(Declaration)
class DeclarationTranslationOptions(TranslationOptions):
    fields = ("title", "text", "commitment")


# Registered after the translation fields exist, so that the history keeps every language.
register_history(Declaration)
