from django.conf import settings
from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Article, Tag


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Article)
class ArticleTranslationOptions(TranslationOptions):
    # A text written in one language only is shown in it on the other's pages, marked with
    # its lang (the `fallback_language` tag), never left empty.
    fallback_languages = {"default": tuple(code for code, _name in settings.LANGUAGES)}
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


# Registered after the translation fields exist, so that the history keeps every language.
# The rendered HTML is left out: it is made again from the Markdown on every save.
register_history(Article, excluded_fields=["body_html", "body_html_en", "body_html_fr"])
