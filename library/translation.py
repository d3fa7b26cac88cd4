from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Document


@register(Document)
class DocumentTranslationOptions(TranslationOptions):
    fields = ("title", "summary")


register_history(Document, excluded_fields=["search_text"])
