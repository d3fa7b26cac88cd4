from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Member


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    fields = ("display_name", "description")


# Registered after the translation fields exist, so that the history keeps every language.
register_history(Member)
