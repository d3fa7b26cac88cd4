"""The open data files listed on /data/: what each holds, column by column, and when it changes.

An app that publishes a file adds it to DATA_FILES with its columns, the very list its writer
puts in the file (the app's `open_data.COLUMNS`); a file whose address does not exist (yet)
is left out of the page.
"""

from dataclasses import dataclass

from django.urls import NoReverseMatch, resolve, reverse
from django.utils.translation import gettext_lazy as _

from core.cache import remember
from declarations import open_data as declarations_data
from declarations.models import Signature
from events import open_data as events_data
from events.models import Event
from members import open_data as members_data
from members.models import Member
from practices import open_data as practices_data
from practices.models import Practice

MEMBER_UPDATES = _(
    "Changes as soon as staff approve a join request, record that a member left, or edit a member."
)
PRACTICE_UPDATES = _("Changes as soon as staff publish, edit or archive a practice.")


@dataclass(frozen=True)
class DataFile:
    url_name: str
    description: str
    update_rule: str
    # Its columns (core.open_data.Column), those its writer puts in the file.
    columns: list
    count: object  # a function returning the number of rows

    @property
    def url(self):
        return reverse(self.url_name)

    @property
    def name(self):
        return self.url.rsplit("/", 1)[-1]


DATA_FILES = [
    DataFile(
        "data-members-csv",
        _("The member cities and regions: one row per member, in CSV (UTF-8)."),
        MEMBER_UPDATES,
        members_data.COLUMNS,
        lambda: Member.objects.approved().count(),
    ),
    DataFile(
        "data-members-json",
        _("The same list in JSON: a count and a list of members with the same fields."),
        MEMBER_UPDATES,
        members_data.COLUMNS,
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
        declarations_data.COLUMNS,
        lambda: Signature.objects.public().count(),
    ),
    DataFile(
        "data-events-csv",
        _("The Alliance’s events, published or cancelled: one row per event, in CSV (UTF-8)."),
        _("Changes as soon as staff publish, edit or cancel an event."),
        events_data.COLUMNS,
        lambda: Event.objects.published().count(),
    ),
    DataFile(
        "data-practices-csv",
        _(
            "The good practices of member cities and regions: one row per published practice, "
            "in CSV (UTF-8). Texts come in one column per language; original_language says in "
            "which they were first written."
        ),
        PRACTICE_UPDATES,
        practices_data.COLUMNS,
        lambda: Practice.objects.published().count(),
    ),
    DataFile(
        "data-practices-json",
        _("The same list in JSON: a count and a list of practices with the same fields."),
        PRACTICE_UPDATES,
        practices_data.COLUMNS,
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
