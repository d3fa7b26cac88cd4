"""The summaries of a list of practices (core.rows says why in Python)."""

from django.utils.html import format_html, format_html_join

from core.rows import PageMemo, join, summary_card


def practice_summaries(practices):
    """The <li> of each practice: picture, title, years, its members with their countries and
    its themes (both prefetched), first words of its summary."""
    memo = PageMemo()

    def card(practice):
        members = format_html_join(
            ", ",
            "{} ({})",
            (
                (member.public_name, memo.country_name(member.country.code))
                for member in practice.members.all()
            ),
        )
        themes = format_html_join(", ", "{}", ((theme.name,) for theme in practice.themes.all()))
        meta = format_html(
            "{}{}{}",
            practice.period,
            format_html(" · {}", members) if members else "",
            format_html(" · {}", themes) if themes else "",
        )
        return summary_card(memo, practice, "practice", meta, text_field="summary")

    return join(card(practice) for practice in practices)
