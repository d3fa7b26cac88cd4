"""The columns of /data/events.csv: what the file's writer puts in them and what the page
/data/ says of them."""

from django.utils.translation import gettext_lazy as _

from core.open_data import Column

COLUMNS = [
    Column("slug", _("The event’s identifier, part of its address.")),
    Column("title", _("Its title, in English.")),
    Column("kind", _("Conference, seminar, study visit, meeting or online.")),
    Column("status", _("Published or cancelled.")),
    Column("starts_at", _("When it starts (ISO 8601, with its offset).")),
    Column("ends_at", _("When it ends (ISO 8601, with its offset).")),
    Column("time_zone", _("The time zone of the place, e.g. Europe/Paris.")),
    Column("venue", _("The venue.")),
    Column("city", _("The city.")),
    Column("country", _("ISO 3166-1 country code.")),
    Column("url", _("The address of the event’s page.")),
]
