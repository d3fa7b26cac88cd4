from django.conf import settings
from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Document


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    # A text written in one language only is shown in it on the other's pages, marked with
    # its lang (the `fallback_language` tag), never left empty.
    fallback_languages = {"default": tuple(code for code, _name in settings.LANGUAGES)}
    fields = ("title", "summary")


register_history(Document, excluded_fields=["search_text"])
