"""The directory's rows and a country page's list of members (core.rows says why in Python)."""

from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.links import slug_url
from core.rows import PageMemo, join

from .models import Member


def _name(member):
    """The public name, with the local name after it where the display name differs."""
    if member.display_name and member.display_name != member.name:
        return format_html(' <span class="meta small">({})</span>', member.name)
    return ""


def directory_rows(members):
    """The directory table's <tr> of each member."""
    memo = PageMemo()
    kind_label, country_label, since_label = _("Kind"), _("Country"), _("Member since")

    def row(member):
        code = member.country.code
        joined = ""
        if member.joined_on:
            joined = format_html(
                '<time datetime="{}">{}</time>',
                member.joined_on.isoformat(),
                memo.date(member.joined_on, "F Y"),
            )
        return format_html(
            "\n      <tr>"
            '\n        <th scope="row"><a href="{}">{}</a>{}</th>'
            '\n        <td data-label="{}">{}</td>'
            '\n        <td data-label="{}"><a href="{}">{}</a></td>'
            '\n        <td data-label="{}">{}</td>'
            "\n      </tr>",
            member.get_absolute_url(),
            member.public_name,
            _name(member),
            kind_label,
            capfirst(memo.label(Member.Kind, member.kind)),
            country_label,
            memo.url("country", args=(code.lower(),)),
            memo.country_name(code),
            since_label,
            joined,
        )

    return join(row(member) for member in members)


def country_member_items(members):
    """A country page's <li> of each member (`MemberQuerySet.listed()` values): name, kind
    and year of joining."""
    memo = PageMemo()
    since_year = _("since %(date)s")

    def item(member):
        since = ""
        if member["joined_on"]:
            since = ", " + since_year % {"date": f"{member['joined_on'].year:04d}"}  # date:"Y"
        return format_html(
            '<li><a href="{}">{}</a> <span class="meta">({}{})</span></li>',
            slug_url("members:detail", member["slug"]),
            member["public_name"],
            memo.label(Member.Kind, member["kind"]),
            since,
        )

    return join(item(member) for member in members)
