"""The summaries of a list of practices (core.rows says why in Python)."""

from collections import defaultdict

from django.utils.html import format_html, format_html_join

from core.collation import collated, shown_languages
from core.rows import PageMemo, join, summary_card
from members.models import Member, public_name_fields, public_name_from, shown_name

from .models import Practice


def practice_summaries(practices):
    """The <li> of each practice: picture, title, years, its members with their countries and
    its themes, first words of its summary."""
    memo = PageMemo()
    practices = list(practices)
    members, themes = listed_relations([practice.pk for practice in practices])

    def card(practice):
        named = format_html_join(
            ", ",
            "{} ({})",
            ((name, memo.country_name(code)) for name, code in members[practice.pk]),
        )
        meta = format_html(
            "{}{}{}",
            practice.period,
            format_html(" · {}", named) if named else "",
            format_html(" · {}", ", ".join(themes[practice.pk])) if themes[practice.pk] else "",
        )
        return summary_card(memo, practice, "practice", meta, text_field="summary")

    return join(card(practice) for practice in practices)


def listed_relations(ids):
    """({practice id: [(member's public name, country code)]}, {practice id: [theme's name]})
    for the practices `ids`, in the order their pages list them.

    Two queries of plain values: prefetching the members and themes of a page of 20
    practices built about 60 model instances and 40 related managers, 4 ms of the page's 20.
    The members are those the public may see named (`MemberQuerySet.named()`), by public
    name; the themes by position, then name, as `Theme.Meta.ordering`.
    """
    members = defaultdict(list)
    name_fields = public_name_fields(prefix="member__")
    named = (
        Practice.members.through.objects.filter(
            practice_id__in=ids, member__status__in=Member.NAMED_STATUSES
        )
        .order_by(collated(shown_name(prefix="member__")), "member_id")
        .values_list("practice_id", "member__country", *name_fields)
    )
    for practice_id, country, *names in named:
        members[practice_id].append((public_name_from(names), country))

    themes = defaultdict(list)
    languages = shown_languages()
    titled = (
        Practice.themes.through.objects.filter(practice_id__in=ids)
        .order_by("theme__position", f"theme__name_{languages[0]}", "theme_id")
        .values_list("practice_id", *(f"theme__name_{code}" for code in languages))
    )
    for practice_id, *names in titled:
        themes[practice_id].append(next(filter(None, names), ""))
    return members, themes
