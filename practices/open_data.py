"""The columns of /data/practices.csv and the keys of /data/practices.json: what the files'
writer puts in them and what the page /data/ says of them. Public fields only: never the
submitter."""

from django.utils.translation import gettext_lazy as _

from core.open_data import Column, in_each_language

COLUMNS = [
    Column("slug", _("The practice’s identifier, part of its address.")),
    *in_each_language("title", _("Its title")),
    *in_each_language("summary", _("Its summary")),
    Column("original_language", _("The language it was first written in: en or fr.")),
    Column("themes", _("Its themes, as identifiers separated by semicolons.")),
    Column(
        "members",
        _("The member authorities that carry it out, by name, separated by semicolons."),
    ),
    Column("countries", _("Their ISO 3166-1 country codes, separated by semicolons.")),
    Column("start_year", _("The year it started.")),
    Column("end_year", _("The year it ended; empty while it goes on.")),
    *in_each_language("target_groups", _("Whom it is for")),
    *in_each_language("partners", _("Its partners")),
    Column("budget", _("Its budget, as the member wrote it.")),
    Column("funding", _("Where its funding came from.")),
    *in_each_language("results", _("Its results")),
    *in_each_language("lessons", _("The lessons learnt")),
    *in_each_language(
        "contact_role", _("The office to contact about it (a role, never a person’s name)")
    ),
    Column("published_at", _("When it was published (ISO 8601, with its offset).")),
    Column("url", _("The address of the practice’s page.")),
]
