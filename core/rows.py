"""Rows of the long public lists (the directory, a country's members, the signatories), built
in Python rather than by a template loop.

Rendered by the template engine, each row of these lists cost about 0.2 ms: every variable,
filter, `{% url %}` and `{% translate %}` is a node resolved anew for each row, and a page lists
50 to 100 rows. Django's admin builds its change list rows in Python with `format_html` for
the same reason (`contrib.admin.templatetags.admin_list.items_for_result`). The markup is the
one the templates gave; what many rows repeat (a country's name and link, a choice's label,
the column headings) is worked out once per page.
"""

import functools

from django.urls import reverse
from django.utils import formats
from django.utils.html import format_html_join
from django_countries import countries


class PageMemo:
    """What the rows of one page repeat, each computed once for that page (not kept: the
    active language and URL prefix belong to the request)."""

    def __init__(self):
        self.country_name = functools.cache(lambda code: str(countries.name(code)))
        self.date = functools.cache(formats.date_format)
        self.url = functools.cache(reverse)
        self.label = functools.cache(_label)


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
