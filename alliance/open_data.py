"""The open data files listed on /data/: what each holds, field by field, and when it changes.

An app that publishes a file adds it to DATA_FILES; a file whose address does not exist (yet)
is left out of the page.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, resolve, reverse
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from declarations.models import Signature
from events.models import Event
from members.models import Member
from practices.models import Practice

MEMBER_UPDATES = _(
    "Changes as soon as staff approve a join request, record that a member left, or edit a member."
)


@dataclass(frozen=True)
class DataFile:
    url_name: str
    description: str
    update_rule: str
    fields: list
    count: object  # a function returning the number of rows

    @property
    def url(self):
        return reverse(self.url_name)

    @property
    def name(self):
        return self.url.rsplit("/", 1)[-1]


MEMBER_FIELDS = [
    ("name", _("The authority's name, as written locally.")),
    ("display_name_en", _("Its name in English, if written otherwise.")),
    ("display_name_fr", _("Its name in French, if written otherwise.")),
    ("slug", _("Its identifier in the addresses of this site.")),
    ("kind", _("city or region.")),
    ("kind_label", _("The kind in words (English).")),
    ("country", _("ISO 3166-1 country code, e.g. FR.")),
    ("country_name", _("The country's name (English).")),
    ("website", _("The authority's official website.")),
    ("latitude", _("Its position on the map (WGS 84), if known.")),
    ("longitude", _("Its position on the map (WGS 84), if known.")),
    ("joined_on", _("The date it joined the Alliance (YYYY-MM-DD).")),
    ("url", _("Its page on this site.")),
]

DATA_FILES = [
    DataFile(
        "data-members-csv",
        _("The member cities and regions: one row per member, in CSV (UTF-8)."),
        MEMBER_UPDATES,
        MEMBER_FIELDS,
        lambda: Member.objects.approved().count(),
    ),
    DataFile(
        "data-members-json",
        _("The same list in JSON: a count and a list of members with the same fields."),
        MEMBER_UPDATES,
        MEMBER_FIELDS,
        lambda: Member.objects.approved().count(),
    ),
    DataFile(
        "data-signatories-csv",
        _(
            "The elected representatives who signed the Declaration against anti-Gypsyism and "
            "agreed that their names are published, in CSV (UTF-8)."
        ),
        _(
            "Changes as soon as staff verify a signature whose signatory agreed to publication, "
            "or record its withdrawal."
        ),
        [
            ("declaration", _("The identifier of the declaration signed.")),
            ("full_name", _("The signatory's name.")),
            ("office", _("Their office, as a code: mayor, deputy-mayor, councillor…")),
            ("office_label", _("The office in words (English).")),
            ("authority_name", _("The authority they represent.")),
            ("member", _("The identifier (slug) of that authority if it is a member.")),
            ("country", _("ISO 3166-1 country code.")),
            ("signed_on", _("The date of signature (YYYY-MM-DD).")),
        ],
        lambda: Signature.objects.public().count(),
    ),
    DataFile(
        "data-events-csv",
        _("The Alliance's events, published or cancelled: one row per event, in CSV (UTF-8)."),
        _("Changes as soon as staff publish, edit or cancel an event."),
        [
            ("slug", _("The event's identifier, part of its address.")),
            ("title", _("Its title, in English.")),
            ("kind", _("Conference, seminar, study visit, meeting or online.")),
            ("status", _("Published or cancelled.")),
            ("starts_at", _("When it starts (ISO 8601, with its offset).")),
            ("ends_at", _("When it ends (ISO 8601, with its offset).")),
            ("time_zone", _("The time zone of the place, e.g. Europe/Paris.")),
            ("venue", _("The venue.")),
            ("city", _("The city.")),
            ("country", _("ISO 3166-1 country code.")),
            ("url", _("The address of the event's page.")),
        ],
        lambda: Event.objects.published().count(),
    ),
    DataFile(
        "data-practices-csv",
        _(
            "The good practices of member cities and regions: one row per published practice, "
            "in CSV (UTF-8); the same in JSON at /data/practices.json."
        ),
        _("Changes as soon as staff publish, edit or archive a practice."),
        [
            ("slug", _("The practice's identifier, part of its address.")),
            (
                "title_en, title_fr",
                _("Its title in English and in French (empty if not yet translated)."),
            ),
            ("summary_en, summary_fr", _("Its summary in each language.")),
            ("themes", _("Its themes, as identifiers separated by spaces.")),
            ("members", _("The member authorities involved, as identifiers.")),
            ("countries", _("Their ISO 3166-1 country codes.")),
            ("start_year, end_year", _("The period; no end year while it goes on.")),
            ("url", _("The address of the practice's page.")),
        ],
        lambda: Practice.objects.published().count(),
    ),
]


def available_files():
    """The files of DATA_FILES whose address exists."""
    files = []
    for data_file in DATA_FILES:
        try:
            reverse(data_file.url_name)
        except NoReverseMatch:
            continue
        files.append(data_file)
    return files


def _size(request, data_file):
    response = resolve(data_file.url).func(request)
    if response.streaming:
        return sum(len(chunk) for chunk in response.streaming_content)
    return len(response.content)


def file_facts(request):
    """[(data file, rows, size in bytes)], kept until the data change."""

    def compute():
        return [
            (data_file.url_name, data_file.count(), _size(request, data_file))
            for data_file in available_files()
        ]

    facts = {name: (rows, size) for name, rows, size in remember("open-data-files", compute)}
    return [(data_file, *facts[data_file.url_name]) for data_file in available_files()]
