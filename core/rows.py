"""Rows of the long public lists (the directory, a country's members, the signatories) and
the summaries of the card lists (news, events, practices, documents), built in Python rather
than by a template loop.

Rendered by the template engine, each row of these lists cost about 0.2 ms: every variable,
filter, `{% url %}` and `{% translate %}` is a node resolved anew for each row, and a page lists
50 to 100 rows. Django's admin builds its change list rows in Python with `format_html` for
the same reason (`contrib.admin.templatetags.admin_list.items_for_result`). The markup is the
one the templates gave; what many rows repeat (a country's name and link, a choice's label,
the column headings) is worked out once per page.
"""

import functools
import html
import zoneinfo

from django.conf import settings
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator, capfirst
from django_countries import countries

from . import typography
from .images import picture_of

# Words of a summary's text a card shows (as the `truncatewords` filter cuts).
SUMMARY_WORDS = 40


class PageMemo:
    """What the rows of one page repeat, each computed once for that page (not kept: the
    active language and URL prefix belong to the request)."""

    def __init__(self):
        self.country_name = functools.cache(lambda code: str(countries.name(code)))
        self.date = functools.cache(formats.date_format)
        self.url = functools.cache(reverse)
        self.label = functools.cache(_label)
        self.language = active_language()
        self.language_badge = functools.cache(_language_badge)

    def shown_language(self, obj, field):
        """shown_language() in this page's language."""
        return shown_language(obj, field, self.language)

    def spaced(self, text, language=""):
        """`text` as the french_spacing filter shows it: escaped, and with French spacing when
        it is shown in French (its own `language`, else the page's)."""
        if (language or self.language) != "fr" or not text:
            return text
        return mark_safe(typography.french_spacing(str(conditional_escape(text))))

    def summary(self, text, language=""):
        """The first words of `text` (as `truncatewords`), spaced as `spaced()`."""
        return self.spaced(Truncator(text).words(SUMMARY_WORDS, truncate=" …"), language)

    def local(self, moment, zone=None):
        """(ISO 8601, DATE_FORMAT) of an aware datetime in `zone` (a name) or the current time
        zone, as `<time datetime="{{ d|machine_time }}">{{ d|date:"DATE_FORMAT" }}` gives them."""
        moment = timezone.localtime(moment, zoneinfo.ZoneInfo(zone) if zone else None)
        return moment.isoformat(timespec="seconds"), self.date(moment.date(), "DATE_FORMAT")


def active_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def shown_language(obj, field, current):
    """The language a translated field is really shown in, when it is not `current`.

    modeltranslation falls back to English where the French column is empty; pages mark such
    text with lang="en" and a badge, so readers and screen readers know. "" when the field
    is in `current`, or in no language at all.
    """
    if getattr(obj, f"{field}_{current}", None):
        return ""
    for language in settings.MODELTRANSLATION_FALLBACK_LANGUAGES:
        if language != current and getattr(obj, f"{field}_{language}", None):
            return language
    return ""


def _language_badge(language):
    info = translation.get_language_info(language)
    return format_html(
        '<span class="badge language-badge" lang="{}">{}</span>',
        language,
        capfirst(info["name_local"]),
    )


def thumbnail(obj, fallback=""):
    """A card's picture: the object's image (lazy, as wide as 9rem), or the designed fallback
    holding `fallback` (a country's outline) (templates/includes/_picture.html draws the
    large ones)."""
    picture = picture_of(obj)
    if picture is None:
        return mark_safe(
            '<div class="picture picture--fallback picture--thumb" aria-hidden="true">'
            f"{escaped(fallback)}</div>"
        )
    srcset = f' srcset="{escaped(picture.srcset)}" sizes="9rem"' if picture.srcset else ""
    size = (
        f' width="{escaped(picture.width)}" height="{escaped(picture.height)}"'
        if picture.width
        else ""
    )
    return mark_safe(
        f'<figure class="picture picture--thumb">\n  <img src="{escaped(picture.src)}"{srcset}'
        f'{size} alt="{escaped(picture.alt)}" loading="lazy" decoding="async">\n</figure>'
    )


def summary_card(memo, obj, kind, meta, *, text_field, picture=True, text_class="mb-0",
                 title_after="", after="", fallback=""):  # fmt: skip
    """One card of a list of summaries: its picture (or the fallback holding `fallback`), its
    title linked to its page, the `meta` line, the first words of its `text_field`, then `after`. Text shown in another language
    than the page's (a French page falling back to English) is marked with lang="" and a
    badge naming the language."""
    title_language = memo.shown_language(obj, "title")
    text_language = memo.shown_language(obj, text_field)
    text = getattr(obj, text_field)
    # Written with f-strings and escaped(), as format_html() would have them: a card of
    # nested format_html() calls took twice as long, and a page lists 20 cards.
    badge = ""
    if title_language or text_language:
        badge = f" {escaped(memo.language_badge(title_language or text_language))}"
    paragraph = ""
    if text:
        text_lang = f' lang="{escaped(text_language)}"' if text_language else ""
        paragraph = (
            f'\n  <p class="{escaped(text_class)}"{text_lang}>'
            f"{escaped(memo.summary(text, text_language))}</p>"
        )
    title_lang = f' lang="{escaped(title_language)}"' if title_language else ""
    return mark_safe(
        f'<li class="{escaped(kind)}-summary mb-3">'
        + (f"\n  {escaped(thumbnail(obj, fallback))}" if picture else "")
        + f'\n  <h3 class="h5 mb-1"><a href="{escaped(obj.get_absolute_url())}"{title_lang}>'
        f"{escaped(memo.spaced(obj.title, title_language))}</a>{badge}{escaped(title_after)}</h3>"
        f'\n  <p class="meta small mb-1">{escaped(meta)}</p>{paragraph}{escaped(after)}'
        "\n</li>\n"
    )


def escaped(value):
    """conditional_escape(value) as a plain string: what format_html() does to each of its
    arguments, for markup written with f-strings."""
    return value.__html__() if hasattr(value, "__html__") else html.escape(str(value))


def _label(choices, value):
    """The label of `value` among `choices` (a TextChoices), as get_FOO_display gives it
    without rebuilding the field's choices for each row."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def join(rows):
    """The rows, one after the other, as safe HTML."""
    return format_html_join("", "{}", ((row,) for row in rows))
