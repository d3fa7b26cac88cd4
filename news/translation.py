from modeltranslation.translator import TranslationOptions, register

from .models import Article, Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "lead",
        "body",
        "body_html",
        "quote",
        "speaker_role",
        "event",
        "place",
        "image_alt",
    )
