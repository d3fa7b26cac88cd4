"""/data/catalog.jsonld: a DCAT-AP catalogue of the open data files, for the European data
portals to harvest.

The files are those the site builds ahead under /data/ (`core.open_data.data_file_paths()`);
what each holds is what /data/ says of it (`alliance.open_data.DATA_FILES`), in each language.
"""

import datetime
from urllib.parse import urljoin

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from alliance.open_data import DATA_FILES
from core.open_data import built_copy, data_file_paths, open_data_headers

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# Per extension: the IANA media type and the EU vocabulary's file type (DCAT-AP).
FORMATS = {
    "csv": ("text/csv", "CSV"),
    "json": ("application/json", "JSON"),
}
IANA = "https://www.iana.org/assignments/media-types/"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"

# Each file's title; its description is the one /data/ gives.
TITLES = {
    "members.csv": _("Member cities and regions (CSV)"),
    "members.json": _("Member cities and regions (JSON)"),
    "signatories.csv": _("Signatories of the Declaration against anti-Gypsyism (CSV)"),
    "events.csv": _("Events of the Alliance (CSV)"),
    "practices.csv": _("Good practices of the members (CSV)"),
    "practices.json": _("Good practices of the members (JSON)"),
}

PUBLISHER = _("Alliance of European Cities and Regions for the Inclusion of Roma and Travellers")
TITLE = _("Open data of the Alliance of European Cities and Regions")
DESCRIPTION = _(
    "The Alliance’s member cities and regions, the signatories of the Declaration against "
    "anti-Gypsyism, its events and the good practices of its members, as files anyone may reuse."
)


def in_each_language(text):
    """A JSON-LD value per language: [{"@language": "en", "@value": "…"}, …]."""
    values = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            values.append({"@language": code, "@value": str(text)})
    return values


def data_files():
    """{path: DataFile or None} of the open data files built ahead under /data/."""
    described = {}
    for data_file in DATA_FILES:
        described[data_file.url] = data_file
    return {
        path: described.get(path)
        for path in sorted(data_file_paths())
        if path.startswith("/data/") and path.rsplit(".", 1)[-1] in FORMATS
    }


def modified(path):
    """When the file last changed: its copy built ahead is written only when its content
    changes; before the first build, now."""
    copy = built_copy(path, compressed=False)
    if copy is not None and copy.exists():
        return datetime.datetime.fromtimestamp(copy.stat().st_mtime, tz=datetime.UTC)
    return timezone.now()


def _date_time(moment):
    return {"@value": moment.replace(microsecond=0).isoformat(), "@type": "xsd:dateTime"}


def catalogue(site):
    """The catalogue as a JSON-LD document; `site` is the site's address ("https://…")."""
    license_ = {"@id": settings.DATA_LICENSE_URL}
    publisher = {
        "@id": urljoin(site, "/#alliance"),
        "@type": "foaf:Agent",
        "foaf:name": in_each_language(PUBLISHER),
        "foaf:homepage": {"@id": urljoin(site, "/")},
    }
    with translation.override(settings.LANGUAGE_CODE):
        landing_page = {"@id": urljoin(site, reverse("open-data"))}
    datasets = []
    for path, data_file in data_files().items():
        url = urljoin(site, path)
        name = path.rsplit("/", 1)[-1]
        media_type, file_type = FORMATS[name.rsplit(".", 1)[-1]]
        when = _date_time(modified(path))
        datasets.append(
            {
                "@id": f"{url}#dataset",
                "@type": "dcat:Dataset",
                "dct:identifier": url,
                "dct:title": in_each_language(TITLES.get(name, name)),
                "dct:description": in_each_language(data_file.description) if data_file else [],
                "dct:publisher": {"@id": publisher["@id"]},
                "dct:license": license_,
                "dct:modified": when,
                "dcat:landingPage": landing_page,
                "dcat:distribution": {
                    "@id": url,
                    "@type": "dcat:Distribution",
                    "dct:title": name,
                    "dcat:accessURL": {"@id": url},
                    "dcat:downloadURL": {"@id": url},
                    "dcat:mediaType": {"@id": IANA + media_type},
                    "dct:format": {"@id": FILE_TYPES + file_type},
                    "dct:license": license_,
                    "dct:modified": when,
                },
            }
        )
    return {
        "@context": CONTEXT,
        "@id": urljoin(site, reverse("figures-catalogue")),
        "@type": "dcat:Catalog",
        "dct:title": in_each_language(TITLE),
        "dct:description": in_each_language(DESCRIPTION),
        "dct:publisher": publisher,
        "dct:license": license_,
        "dct:language": [
            {"@id": f"http://publications.europa.eu/resource/authority/language/{code}"}
            for code in ("ENG", "FRA")
        ],
        "foaf:homepage": landing_page,
        "dct:modified": max(
            (dataset["dct:modified"] for dataset in datasets),
            key=lambda value: value["@value"],
            default=_date_time(timezone.now()),
        ),
        "dcat:dataset": datasets,
    }


@require_safe
def catalogue_view(request):
    document = catalogue(request.build_absolute_uri("/"))
    response = JsonResponse(
        document,
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
    return open_data_headers(response)
