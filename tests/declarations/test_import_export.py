"""Signatures collected on paper: export and import through the admin, with real files."""

import csv
import datetime
import io

import openpyxl
import pytest
import tablib
from django.utils import timezone

from declarations.models import Signature
from declarations.resources import SignatureResource
from members.models import Member
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db

EXPORT = "/admin/declarations/signature/export/"
IMPORT = "/admin/declarations/signature/import/"
PROCESS = "/admin/declarations/signature/process_import/"
# The admin offers XLSX first, then CSV.
FORMATS = {"xlsx": 0, "csv": 1}
HEADERS = [
    "declaration",
    "full_name",
    "office",
    "authority_name",
    "member",
    "country",
    "signed_on",
    "email",
    "consent_to_publish",
    "status",
]


def export(client, file_format):
    form = client.get(EXPORT).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    data["format"] = FORMATS[file_format]
    response = client.post(EXPORT, data)
    assert response.status_code == 200
    return response.content


def dry_run(client, path):
    with path.open("rb") as upload:
        response = client.post(
            IMPORT, {"import_file": upload, "format": FORMATS[path.suffix.lstrip(".")]}
        )
    assert response.status_code == 200
    return response


def import_file(client, path):
    """Upload, check the preview has no error, confirm; returns the preview's result."""
    preview = dry_run(client, path)
    result = preview.context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    response = client.post(PROCESS, preview.context["confirm_form"].initial, follow=True)
    assert response.status_code == 200
    return result


def write_csv(path, rows, headers=HEADERS):
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path, rows, headers=HEADERS):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def snapshot():
    return list(Signature.objects.order_by("pk").values())


@pytest.fixture
def signatures(declaration):
    member = make_member(name="Łódź", slug="lodz", country="PL")
    return [
        make_signature(
            full_name="Jan Kowalski", authority_name="Łódź", member=member, country="PL"
        ),
        make_signature(
            full_name="Matti Meikäläinen", country="FI", status=Signature.Status.PENDING
        ),
        make_signature(full_name="Anna Dupont", consent_to_publish=False, email=""),
        make_signature(full_name="Ola Nordmann", country="NO", status=Signature.Status.WITHDRAWN),
    ]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_export_holds_every_signature_with_its_status(
    staff_client, signatures, tmp_path, file_format
):
    path = tmp_path / f"signatures.{file_format}"
    path.write_bytes(export(staff_client, file_format))

    dataset = tablib.Dataset().load(
        path.read_bytes() if file_format == "xlsx" else path.read_text(encoding="utf-8-sig"),
        format=file_format,
    )

    resource = SignatureResource()
    codes = {resource.heading(f.column_name): f.column_name for f in resource.get_export_fields()}
    rows = [{codes[heading]: value for heading, value in row.items()} for row in dataset.dict]
    by_name = {row["full_name"]: row for row in rows}
    assert set(by_name) == {"Jan Kowalski", "Matti Meikäläinen", "Anna Dupont", "Ola Nordmann"}
    assert by_name["Jan Kowalski"]["member"] == "lodz"
    assert by_name["Jan Kowalski"]["declaration"] == "declaration-against-anti-gypsyism"
    assert by_name["Matti Meikäläinen"]["status"] == "pending"
    assert by_name["Anna Dupont"]["consent_to_publish"] == "no"


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_re_importing_an_export_changes_nothing(staff_client, signatures, tmp_path, file_format):
    path = tmp_path / f"signatures.{file_format}"
    path.write_bytes(export(staff_client, file_format))
    before = snapshot()

    result = import_file(staff_client, path)

    assert result.totals["skip"] == len(signatures)
    assert result.totals["new"] == result.totals["update"] == 0
    assert snapshot() == before


@pytest.mark.parametrize("write", [write_csv, write_xlsx], ids=["csv", "xlsx"])
def test_paper_sheet_is_imported_verified_only_where_it_says_so(
    staff_client, staff, declaration, tmp_path, write
):
    make_member(name="Sampleton", slug="sampleton", country="IE")
    suffix = "csv" if write is write_csv else "xlsx"
    path = write(
        tmp_path / f"session.{suffix}",
        [
            [
                "",
                "Joe Bloggs",
                "Mayor",
                "Sampleton",
                "sampleton",
                "IE",
                "28/03/2017",
                "",
                "yes",
                "verified",
            ],
            [
                "",
                "Erika Mustermann",
                "councillor",
                "Exampleburg",
                "",
                "Germany",
                "2017-03-28",
                "erika@example.org",
                "no",
                "",
            ],
        ],
    )

    result = import_file(staff_client, path)

    assert result.totals["new"] == 2
    joe = Signature.objects.get(full_name="Joe Bloggs")
    assert joe.declaration == declaration
    assert joe.status == Signature.Status.VERIFIED
    assert joe.verified_by == staff and joe.verified_at is not None
    assert joe.member.slug == "sampleton"
    assert joe.source == Signature.Source.PAPER
    assert joe.consent_to_publish is True
    assert str(joe.signed_on) == "2017-03-28"
    erika = Signature.objects.get(full_name="Erika Mustermann")
    assert erika.status == Signature.Status.PENDING
    assert erika.country == "DE"
    assert erika.consent_to_publish is False
    assert erika.verified_at is None
    public = staff_client.get("/en/declaration/").content.decode()
    assert "Joe Bloggs" in public and "Erika Mustermann" not in public


def test_importing_the_same_paper_sheet_twice_adds_nothing(staff_client, declaration, tmp_path):
    rows = [["", "Joe Bloggs", "mayor", "Sampleton", "", "IE", "2017-03-28", "", "yes", "verified"]]
    import_file(staff_client, write_csv(tmp_path / "first.csv", rows))

    result = import_file(staff_client, write_csv(tmp_path / "again.csv", rows))

    assert result.totals["skip"] == 1
    assert Signature.objects.count() == 1


def test_a_sheet_without_a_declaration_column_signs_the_current_declaration(
    staff_client, declaration, tmp_path
):
    headers = ["full_name", "office", "authority_name", "country", "signed_on"]
    path = write_csv(
        tmp_path / "short.csv", [["Jan Novák", "mayor", "Demoville", "CZ", "2018-01-01"]], headers
    )

    import_file(staff_client, path)

    signature = Signature.objects.get()
    assert signature.declaration == declaration
    assert signature.status == Signature.Status.PENDING
    assert signature.consent_to_publish is False


@pytest.mark.parametrize(
    ("bad_row", "message"),
    [
        (
            ["", "Jan Novák", "mayor", "Demoville", "", "XX", "2018-01-01", "", "yes", "verified"],
            "is not a Council of Europe member state",
        ),
        (
            [
                "",
                "Jan Novák",
                "emperor",
                "Demoville",
                "",
                "CZ",
                "2018-01-01",
                "",
                "yes",
                "verified",
            ],
            "is not one of",
        ),
        (
            ["", "Jan Novák", "mayor", "Demoville", "", "CZ", "31/31/2018", "", "yes", "verified"],
            "The date “31/31/2018” does not exist: write the day first",
        ),
        (
            [
                "",
                "Jan Novák",
                "mayor",
                "Demoville",
                "no-such-town",
                "CZ",
                "2018-01-01",
                "",
                "yes",
                "",
            ],
            "No member has the slug",
        ),
        (
            ["nope", "Jan Novák", "mayor", "Demoville", "", "CZ", "2018-01-01", "", "yes", ""],
            "No declaration has the slug",
        ),
        (
            [
                "",
                "Jan Novák",
                "mayor",
                "Demoville",
                "",
                "CZ",
                "2018-01-01",
                "not-an-address",
                "yes",
                "",
            ],
            "valid email",
        ),
        (["", "", "mayor", "Demoville", "", "CZ", "2018-01-01", "", "yes", ""], "cannot be blank"),
    ],
    ids=["country", "office", "date", "member", "declaration", "email", "name"],
)
def test_a_bad_row_is_reported_with_its_line_and_nothing_is_saved(
    staff_client, declaration, tmp_path, bad_row, message
):
    good = ["", "Joe Bloggs", "mayor", "Sampleton", "", "IE", "2017-03-28", "", "yes", "verified"]
    path = write_csv(tmp_path / "session.csv", [good, [*good[:1], "Jane Doe", *good[2:]], bad_row])

    preview = dry_run(staff_client, path)

    content = preview.content.decode()
    result = preview.context["result"]
    assert [row.number for row in result.invalid_rows] == [3]
    # Row 4 of the sheet, under the headings, named with its column, at the top of the page.
    (error,) = preview.context["summary"].errors
    assert error.startswith("Row 4, column ")
    assert message in error
    assert "Row 4, column " in content
    assert "confirm_form" not in preview.context
    assert not Signature.objects.exists()


def test_an_import_with_a_bad_row_saves_nothing_even_when_forced(staff, declaration):
    dataset = tablib.Dataset(headers=HEADERS)
    dataset.append(
        ["", "Joe Bloggs", "mayor", "Sampleton", "", "IE", "2017-03-28", "", "yes", "verified"]
    )
    dataset.append(
        ["", "Jane Doe", "mayor", "Sampleton", "", "XX", "2017-03-28", "", "yes", "verified"]
    )

    result = SignatureResource().import_data(dataset, dry_run=False, user=staff)

    assert result.has_validation_errors()
    assert [row.number for row in result.invalid_rows] == [2]
    assert not Signature.objects.exists()


def test_a_sheet_repeating_a_person_is_refused(staff, declaration):
    dataset = tablib.Dataset(headers=HEADERS)
    dataset.append(
        [
            "",
            "Joe Bloggs",
            "mayor",
            "Sampleton",
            "",
            "IE",
            "2017-03-28",
            "joe@example.org",
            "yes",
            "",
        ]
    )
    dataset.append(
        [
            "",
            "Joe Bloggs",
            "mayor",
            "Sampleton",
            "",
            "IE",
            "2017-03-28",
            "joe@example.org",
            "yes",
            "",
        ]
    )

    result = SignatureResource().import_data(dataset, dry_run=False, user=staff)

    # The second row matches the first (same person, authority, country): it is the same signature.
    assert not result.has_errors()
    assert Signature.objects.count() == 1


def test_an_import_never_chooses_ids(staff, declaration):
    make_signature(full_name="Existing Person")
    dataset = tablib.Dataset(headers=["id", *HEADERS])
    dataset.append(
        ["999999", "", "Joe Bloggs", "mayor", "Sampleton", "", "IE", "2017-03-28", "", "yes", ""]
    )

    SignatureResource().import_data(dataset, dry_run=False, user=staff)

    assert not Signature.objects.filter(pk=999999).exists()
    assert Signature.objects.filter(full_name="Joe Bloggs").exists()


def test_member_status_is_kept_out_of_the_export(staff_client, signatures):
    Member.objects.update(status=Member.Status.LEFT)

    assert b"contact" not in export(staff_client, "csv").lower()


# A status changed by an import is a decision, taken by the review's services.


def status_sheet(tmp_path, signature, status):
    """A sheet changing the status of a signature, found by its id as in an export."""
    row = [signature.pk, "", signature.full_name, signature.office, signature.authority_name, "",
           signature.country.code, signature.signed_on.isoformat(), signature.email,
           "yes" if signature.consent_to_publish else "no", status]  # fmt: skip
    return write_csv(tmp_path / "review.csv", [row], headers=["id", *HEADERS])


def test_importing_verified_for_a_confirmed_signature_verifies_it_as_the_action_does(
    staff_client, staff, declaration, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    signature = make_signature(
        full_name="Kari Nordmann",
        status=Signature.Status.PENDING,
        email_confirmed_at=timezone.now(),
    )

    with django_capture_on_commit_callbacks(execute=True):
        import_file(staff_client, status_sheet(tmp_path, signature, "verified"))

    signature.refresh_from_db()
    assert (signature.status, signature.verified_by) == (Signature.Status.VERIFIED, staff)
    assert signature.history.filter(history_change_reason="verified", history_user=staff).exists()
    assert [message.to for message in mailoutbox] == [[signature.email]]
    assert "Kari Nordmann" in staff_client.get("/en/declaration/").content.decode()


def test_a_preview_of_a_verification_changes_nothing_and_sends_nothing(
    staff_client, declaration, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    signature = make_signature(status=Signature.Status.PENDING, email_confirmed_at=timezone.now())

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = dry_run(staff_client, status_sheet(tmp_path, signature, "verified")).context[
            "result"
        ]

    assert [row.import_type for row in result.rows] == ["update"]
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING
    assert callbacks == [] and mailoutbox == []


def test_an_import_cannot_verify_a_form_signature_whose_e_mail_is_unconfirmed(
    staff_client, declaration, tmp_path
):
    signature = make_signature(status=Signature.Status.PENDING)

    preview = dry_run(staff_client, status_sheet(tmp_path, signature, "verified"))

    assert "its e-mail address has not been confirmed" in preview.content.decode()
    assert "confirm_form" not in preview.context
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING


def test_importing_withdrawn_withdraws_a_signature_as_the_action_does(
    staff_client, staff, declaration, tmp_path
):
    signature = make_signature(full_name="Kari Nordmann")

    import_file(staff_client, status_sheet(tmp_path, signature, "withdrawn"))

    signature.refresh_from_db()
    assert (signature.status, signature.status_changed_by) == (Signature.Status.WITHDRAWN, staff)
    assert signature.history.filter(history_change_reason="withdrawn").exists()
    assert "Kari Nordmann" not in staff_client.get("/en/declaration/").content.decode()


@pytest.mark.parametrize(
    ("before", "after"),
    [("withdrawn", "verified"), ("rejected", "pending"), ("verified", "pending")],
)
def test_an_import_refuses_a_status_change_the_review_does_not_make(
    staff_client, declaration, tmp_path, before, after
):
    signature = make_signature(status=before)

    preview = dry_run(staff_client, status_sheet(tmp_path, signature, after))

    assert f"cannot go from “{before}” to “{after}”" in preview.content.decode()
    signature.refresh_from_db()
    assert signature.status == before


# Dates as the import page documents them, in CSV and XLSX, in the English and French admin;
# exports that re-import unchanged in either language, their sheet named for what it holds.

LANGUAGES = ["en", "fr"]
PAPER = ["full_name", "office", "authority_name", "country", "signed_on"]


def sheet_bytes(file_format, headers, rows):
    if file_format == "csv":
        text = io.StringIO()
        writer = csv.writer(text)
        writer.writerow(headers)
        writer.writerows(rows)
        return text.getvalue().encode()
    workbook = openpyxl.Workbook()
    workbook.active.append(headers)
    for row in rows:
        workbook.active.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def upload(client, file_format, content, language="en"):
    handle = io.BytesIO(content)
    handle.name = f"signatures.{file_format}"
    return client.post(
        IMPORT,
        {"import_file": handle, "format": FORMATS[file_format]},
        headers={"accept-language": language},
    )


def export_as(client, file_format, language):
    headers = {"accept-language": language}
    form = client.get(EXPORT, headers=headers).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    data["format"] = FORMATS[file_format]
    return client.post(EXPORT, data, headers=headers).content


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("file_format", "written"),
    [
        *((file_format, text) for file_format in ("csv", "xlsx")
          for text in ("28/03/2017", "28.03.2017", "2017-03-28")),
        ("xlsx", datetime.date(2017, 3, 28)),
        ("xlsx", datetime.datetime(2017, 3, 28)),
    ],
)  # fmt: skip
def test_the_signature_import_reads_the_dates_its_page_documents(
    staff_client, declaration, language, file_format, written
):
    content = sheet_bytes(file_format, PAPER, [["Eva Kiss", "mayor", "Pécs", "HU", written]])

    preview = upload(staff_client, file_format, content, language)
    assert preview.context["summary"].errors == []
    staff_client.post(PROCESS, preview.context["confirm_form"].initial)

    assert Signature.objects.get().signed_on == datetime.date(2017, 3, 28)


def test_a_date_of_signature_that_does_not_exist_is_refused_in_words(staff_client, declaration):
    content = sheet_bytes("xlsx", PAPER, [["Eva Kiss", "mayor", "Pécs", "HU", "29/02/2017"]])

    preview = upload(staff_client, "xlsx", content)

    assert preview.context["summary"].errors == [
        "Row 2, column Signed on: The date “29/02/2017” does not exist: write the day first, "
        "then the month and the year, as 28/03/2017."
    ]
    assert "parsed" not in preview.content.decode()
    assert not Signature.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_a_signature_export_re_imports_unchanged_in_either_language(
    staff_client, signatures, language, file_format
):
    content = export_as(staff_client, file_format, language)
    before = snapshot()

    preview = upload(staff_client, file_format, content, language)
    summary = preview.context["summary"]
    assert summary.errors == []
    assert (summary.counts["new"], summary.counts["update"], summary.counts["skip"]) == (0, 0, 4)
    staff_client.post(PROCESS, preview.context["confirm_form"].initial)

    assert snapshot() == before


@pytest.mark.parametrize(("language", "heading"), [("en", "Signed on"), ("fr", "Signée le")])
def test_the_xlsx_export_is_a_sheet_of_signatures_with_date_cells(
    staff_client, signatures, language, heading
):
    content = export_as(staff_client, "xlsx", language)

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headings = [cell.value for cell in sheet[1]]
    signed = [row[headings.index(heading)] for row in sheet.iter_rows(min_row=2)]
    assert sheet.title == "Signatures"
    assert len(signed) == 4
    assert all(cell.is_date and "h" not in cell.number_format for cell in signed)
    assert {cell.value.date() for cell in signed} == {s.signed_on for s in signatures}


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_signature_template_imports_as_it_stands_and_publishes_nobody(
    staff_client, declaration, file_format
):
    template = staff_client.get(f"{IMPORT}template.{file_format}")

    preview = upload(staff_client, file_format, template.content)
    staff_client.post(PROCESS, preview.context["confirm_form"].initial)

    assert preview.context["summary"].errors == []
    assert "Row 2 is the template’s example: it is left out." in preview.content.decode()
    assert not Signature.objects.exists()
    assert "Jane Example" not in staff_client.get("/en/declaration/").content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_export_page_offers_the_columns_by_the_headings_of_the_file(
    staff_client, signatures, language
):
    form = staff_client.get(EXPORT, headers={"accept-language": language}).context["form"]
    offered = [str(field.label) for name, field in form.fields.items()
               if name.startswith("signatureresource_")]  # fmt: skip
    sheet = openpyxl.load_workbook(io.BytesIO(export_as(staff_client, "xlsx", language))).active

    assert offered == [cell.value for cell in sheet[1]]
