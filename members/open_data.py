"""The columns of /data/members.csv and the keys of /data/members.json: what the files'
writer puts in them and what the page /data/ says of them."""

from django.utils.translation import gettext_lazy as _

from core.open_data import Column

COLUMNS = [
    Column("name", _("The authority’s name, as written locally.")),
    Column("display_name_en", _("Its name in English, if written otherwise.")),
    Column("display_name_fr", _("Its name in French, if written otherwise.")),
    Column("slug", _("Its identifier in the addresses of this site.")),
    Column("kind", _("city or region.")),
    Column("kind_label", _("The kind in words (English).")),
    Column("country", _("ISO 3166-1 country code, e.g. FR.")),
    Column("country_name", _("The country’s name (English).")),
    Column("website", _("The authority’s official website.")),
    Column("latitude", _("Its position on the map (WGS 84), if known.")),
    Column("longitude", _("Its position on the map (WGS 84), if known.")),
    Column("joined_on", _("The date it joined the Alliance (YYYY-MM-DD).")),
    Column("url", _("Its page on this site.")),
]
