from modeltranslation.translator import TranslationOptions, register

from .models import Member


@register(Member)
class MemberTranslationOptions(TranslationOptions):
    fields = ("display_name", "description")
