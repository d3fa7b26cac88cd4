"""The columns of /data/signatories.csv: what the file's writer puts in them and what the
page /data/ says of them."""

from django.utils.translation import gettext_lazy as _

from core.open_data import Column

COLUMNS = [
    Column("declaration", _("The identifier of the declaration signed.")),
    Column("full_name", _("The signatory’s name.")),
    Column("office", _("Their office, as a code: mayor, deputy-mayor, councillor…")),
    Column("office_label", _("The office in words (English).")),
    Column("authority_name", _("The authority they represent.")),
    Column("member", _("The identifier (slug) of that authority if it is a member.")),
    Column("country", _("ISO 3166-1 country code.")),
    Column("signed_on", _("The date of signature (YYYY-MM-DD).")),
]
