from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import ContactMessage, SecretariatContact


@register(SecretariatContact)
class SecretariatContactTranslationOptions(TranslationOptions):
    fields = ("role", "address")


# Registered after the translation fields exist, so that the history keeps every language.
register_history(SecretariatContact)
register_history(ContactMessage)
