from django import template
from django.contrib.humanize.templatetags.humanize import intcomma
from django.utils.translation import get_language

register = template.Library()


@register.filter
def grouped(number):
    """A whole number with the language's grouping: 1,234 in English, 1 234 in French, where
    the typography asks a narrow no-break space (U+202F) rather than Django's no-break space."""
    text = intcomma(number)
    if (get_language() or "").startswith("fr"):
        text = text.replace("\u00a0", "\u202f")
    return text
