"""The signatories' table on the Declaration's page (core.rows says why in Python)."""

from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.links import slug_url
from core.rows import PageMemo, join

from .models import Signature


def signatory_rows(signatures):
    """The table's <tr> of each signature (`SignatureQuerySet.listed()` values): the authority
    links to its member's page when the public may see the member."""
    memo = PageMemo()
    labels = _("Office"), _("Authority"), _("Country"), _("Signed on")

    def row(signature):
        authority = signature["authority"]
        if signature["member_slug"]:
            authority = format_html(
                '<a href="{}">{}</a>',
                slug_url("members:detail", signature["member_slug"]),
                authority,
            )
        return format_html(
            "\n        <tr>"
            '\n          <th scope="row">{}</th>'
            '\n          <td data-label="{}">{}</td>'
            '\n          <td data-label="{}">{}</td>'
            '\n          <td data-label="{}">{}</td>'
            '\n          <td data-label="{}"><time datetime="{}">{}</time></td>'
            "\n        </tr>",
            signature["full_name"],
            labels[0],
            capfirst(memo.label(Signature.Office, signature["office"])),
            labels[1],
            authority,
            labels[2],
            memo.country_name(signature["country"]),
            labels[3],
            signature["signed_on"].isoformat(),
            memo.date(signature["signed_on"], "DATE_FORMAT"),
        )

    return join(row(signature) for signature in signatures)


def signatory_items(signatures):
    """A country page's <li> of each signatory (`SignatureQuerySet.listed()` values): name,
    office and authority."""
    memo = PageMemo()
    return join(
        format_html(
            "<li>{}, {}, {}</li>",
            signature["full_name"],
            memo.label(Signature.Office, signature["office"]),
            signature["authority"],
        )
        for signature in signatures
    )
