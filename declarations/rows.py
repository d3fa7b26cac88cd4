"""The signatories' table on the Declaration's page (core.rows says why in Python)."""

from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.rows import PageMemo, join

from .models import Signature


def signatory_rows(signatures):
    """The table's <tr> of each signature: the authority links to its member's page when the
    public may see the member (`Signature.public_member`)."""
    memo = PageMemo()
    labels = _("Office"), _("Authority"), _("Country"), _("Signed on")

    def row(signature):
        member = signature.public_member
        if member is not None:
            authority = format_html(
                '<a href="{}">{}</a>', member.get_absolute_url(), member.public_name
            )
        else:
            authority = signature.authority_name
        return format_html(
            "\n        <tr>"
            '\n          <th scope="row">{}</th>'
            '\n          <td data-label="{}">{}</td>'
            '\n          <td data-label="{}">{}</td>'
            '\n          <td data-label="{}">{}</td>'
            '\n          <td data-label="{}"><time datetime="{}">{}</time></td>'
            "\n        </tr>",
            signature.full_name,
            labels[0],
            capfirst(memo.label(Signature.Office, signature.office)),
            labels[1],
            authority,
            labels[2],
            memo.country_name(signature.country.code),
            labels[3],
            signature.signed_on.isoformat(),
            memo.date(signature.signed_on, "DATE_FORMAT"),
        )

    return join(row(signature) for signature in signatures)


def signatory_items(signatures):
    """A country page's <li> of each signatory: name, office and authority."""
    memo = PageMemo()
    return join(
        format_html(
            "<li>{}, {}, {}</li>",
            signature.full_name,
            memo.label(Signature.Office, signature.office),
            signature.public_authority_name,
        )
        for signature in signatures
    )
