from django.conf import settings
from modeltranslation.translator import TranslationOptions, register
from simple_history import register as register_history

from .models import Attachment, Practice, PracticeLink, Theme


@register(Theme)
class ThemeTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Practice)
class PracticeTranslationOptions(TranslationOptions):
    # A text written in one language only is shown in it on the other's pages, marked with
    # its lang (the `fallback_language` tag), never left empty.
    fallback_languages = {"default": tuple(code for code, _name in settings.LANGUAGES)}
    fields = (
        "title",
        "summary",
        "body",
        "body_html",
        "target_groups",
        "partners",
        "results",
        "lessons",
        "contact_role",
        "image_alt",
    )


# Registered after the translation fields exist, so that the history keeps every language.
# The rendered HTML and the search text are made again on every save.
register_history(
    Practice,
    excluded_fields=["body_html", "body_html_en", "body_html_fr", "search_text", "search_title"],
    m2m_fields=["themes", "members"],
)
register_history(PracticeLink)
register_history(Attachment)
