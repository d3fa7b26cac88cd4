import csv
import datetime
import io

import openpyxl
import pytest
import tablib
from django.utils import timezone

from members.models import Member
from members.places import find_coordinates
from members.resources import MemberResource
from tests.factories import make_member

pytestmark = pytest.mark.django_db

ADMIN = "/admin/members/member/"
# The admin offers XLSX first, then CSV.
FORMATS = {"xlsx": "0", "csv": "1"}


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("staff", "staff@example.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def members():
    return [
        make_member(
            name="Łódź",
            country="PL",
            display_name_en="Lodz",
            population=655000,
            website="https://uml.lodz.pl/",
            description_en="A city in central Poland.",
            contact_name="Anna Kowalska",
            contact_email="anna@example.org",
            latitude=51.7706,
            longitude=19.4739,
        ),
        make_member(name="Θεσσαλονίκη", country="GR", display_name_fr="Thessalonique"),
        make_member(name="Bretagne", country="FR", kind="region", latitude=None, longitude=None),
        make_member(name="Waiting Town", country="FR", status="pending"),
    ]


def export(client, file_format, tmp_path):
    """Export every member through the admin's export page; the file written in tmp_path."""
    fields = {f"memberresource_{name}": "on" for name in MemberResource.Meta.fields}
    response = client.post(
        f"{ADMIN}export/", {"format": FORMATS[file_format], "resource": "0", **fields}
    )
    assert response.status_code == 200, response.content[:500]
    path = tmp_path / f"members.{file_format}"
    path.write_bytes(response.content)
    return path


def preview(client, path, file_format):
    """Upload a file: the dry run, which saves nothing and shows what would change."""
    with path.open("rb") as upload:
        return client.post(
            f"{ADMIN}import/",
            {"import_file": upload, "format": FORMATS[file_format], "resource": "0"},
        )


def confirm(client, preview_response):
    form = preview_response.context["confirm_form"]
    return client.post(f"{ADMIN}process_import/", form.initial, follow=True)


def snapshot():
    return list(
        Member.objects.order_by("slug").values_list(
            "slug", "name", "display_name_en", "display_name_fr", "status", "country", "kind",
            "population", "website", "latitude", "longitude", "joined_on", "contact_email",
            "description_en", "updated_at",
        )
    )  # fmt: skip


def coded(rows):
    """An export's rows keyed by column code ("contact_email") rather than by its heading."""
    resource = MemberResource()
    codes = {resource.heading(f.column_name): f.column_name for f in resource.get_export_fields()}
    return [{codes[heading]: value for heading, value in row.items()} for row in rows]


def write_csv(path, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_export_is_available_to_staff_as_csv_with_contacts(staff_client, members, tmp_path):
    path = export(staff_client, "csv", tmp_path)

    rows = coded(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    by_slug = {row["slug"]: row for row in rows}

    assert len(rows) == 4  # every status: the export is the staff's full list
    assert by_slug["lodz"]["name"] == "Łódź"
    assert by_slug["lodz"]["contact_email"] == "anna@example.org"
    assert by_slug["lodz"]["country"] == "PL"
    assert by_slug["waiting-town"]["status"] == "pending"


def test_export_as_xlsx_is_a_real_spreadsheet(staff_client, members, tmp_path):
    path = export(staff_client, "xlsx", tmp_path)

    sheet = tablib.Dataset().load(path.read_bytes(), format="xlsx")

    # Headed for people, in the admin's language.
    assert sheet.headers[:3] == [
        "Identifier in the address (blank for a new member)",
        "Name",
        "Name in English",
    ]
    assert "Θεσσαλονίκη" in sheet["Name"]


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_reimporting_an_export_changes_nothing(staff_client, members, tmp_path, file_format):
    path = export(staff_client, file_format, tmp_path)
    before = snapshot()

    dry_run = preview(staff_client, path, file_format)
    result = dry_run.context["result"]

    assert not result.has_errors() and not result.has_validation_errors()
    assert {row.import_type for row in result.rows} == {"skip"}
    response = confirm(staff_client, dry_run)
    assert "0 new, 0 updated, 0 deleted and 4 skipped" in response.content.decode()
    assert snapshot() == before


def test_import_preview_saves_nothing_until_confirmed(staff_client, tmp_path):
    path = write_csv(
        tmp_path / "new.csv",
        [{"slug": "", "name": "Cluj-Napoca", "kind": "city", "country": "RO", "status": "approved",
          "joined_on": "2018-05-24", "latitude": "46.7667", "longitude": "23.6"}],
    )  # fmt: skip

    dry_run = preview(staff_client, path, "csv")

    assert "Cluj-Napoca" in dry_run.content.decode()
    assert not Member.objects.exists()

    confirm(staff_client, dry_run)

    member = Member.objects.get()
    assert (member.name, member.slug, member.status) == ("Cluj-Napoca", "cluj-napoca", "approved")
    assert member.search_name == "cluj-napoca"


def test_import_updates_the_member_with_the_same_slug(staff_client, members, tmp_path):
    path = write_csv(
        tmp_path / "update.csv",
        [{"slug": "lodz", "name": "Łódź", "kind": "city", "country": "PL",
          "status": "approved", "population": "670000"}],
    )  # fmt: skip

    confirm(staff_client, preview(staff_client, path, "csv"))

    assert Member.objects.get(slug="lodz").population == 670000
    assert Member.objects.count() == 4


def test_a_bad_row_is_reported_with_its_line_and_nothing_is_saved(staff_client, members, tmp_path):
    before = snapshot()
    path = write_csv(
        tmp_path / "bad.csv",
        [
            {"slug": "", "name": "Good Town", "kind": "city", "country": "FR", "status": "approved",
             "latitude": "48.5"},
            {"slug": "", "name": "Bad Town", "kind": "city", "country": "US", "status": "approved",
             "latitude": "123"},
            {"slug": "lodz", "name": "Łódź", "kind": "city", "country": "PL", "status": "approved",
             "latitude": "51.7"},
        ],
    )  # fmt: skip

    response = preview(staff_client, path, "csv")
    content = response.content.decode()
    result = response.context["result"]

    # Row 3 of the sheet (under the headings) is the one to fix, said in words at the top.
    assert [row.number for row in result.invalid_rows] == [2]
    errors = response.context["summary"].errors
    assert errors == [
        "Row 3, column Country: “US” is not a Council of Europe member state: write its code "
        "(HU) or its name in English or French (Hungary, Hongrie).",
        "Row 3, column Latitude: Ensure this value is less than or equal to 90.",
    ]
    assert "nothing has been saved" in content
    assert content.index("Row 3, column Country") < content.index('type="file"')
    # No confirm button: the staff must fix the file first.
    assert "process_import" not in content
    assert snapshot() == before
    assert not Member.objects.filter(name="Good Town").exists()


def test_a_failed_import_saves_nothing_even_when_confirmed_directly(members, tmp_path):
    before = snapshot()
    dataset = tablib.Dataset(headers=["slug", "name", "kind", "country", "status"])
    dataset.append(["", "Good Town", "city", "FR", "approved"])
    dataset.append(["", "Łódź", "city", "PL", "approved"])  # a second Łódź, Poland

    result = MemberResource().import_data(dataset, dry_run=False, raise_errors=False)

    assert result.has_validation_errors()
    assert "already a member of the Alliance" in str(result.invalid_rows[0].error_dict)
    assert snapshot() == before


def test_import_reads_labels_and_country_names_as_staff_write_them(staff_client, tmp_path):
    # The same convention as the signatures' import: a code or its label, in any case.
    path = write_csv(
        tmp_path / "labels.csv",
        [{"slug": "", "name": "Cluj-Napoca", "kind": "City", "country": "Romania",
          "status": "APPROVED", "joined_on": "2018-05-24"}],
    )  # fmt: skip

    confirm(staff_client, preview(staff_client, path, "csv"))

    member = Member.objects.get()
    assert (member.kind, member.country.code, member.status) == ("city", "RO", "approved")


def test_import_refuses_an_unknown_kind_and_status(staff_client, tmp_path):
    path = write_csv(
        tmp_path / "bad.csv",
        [{"slug": "", "name": "Odd Town", "kind": "village", "country": "FR", "status": "maybe"}],
    )

    result = preview(staff_client, path, "csv").context["result"]

    errors = result.invalid_rows[0].error_dict
    assert set(errors) >= {"kind", "status"}
    assert not Member.objects.exists()


# A status changed by an import is a decision, taken by the membership workflow.


def staff_user(django_user_model):
    return django_user_model.objects.get(username="staff")


def status_row(member, status, **fields):
    return {"slug": member.slug, "name": member.name, "kind": member.kind,
            "country": member.country.code, "status": status, **fields}  # fmt: skip


def test_importing_approved_for_a_pending_request_approves_it_as_the_action_does(
    staff_client, django_user_model, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    member = make_member(name="Cluj-Napoca", country="RO", status="pending",
                         contact_email="primar@cluj.example.org")  # fmt: skip
    path = write_csv(tmp_path / "approve.csv", [status_row(member, "approved")])

    with django_capture_on_commit_callbacks(execute=True):
        confirm(staff_client, preview(staff_client, path, "csv"))

    member.refresh_from_db()
    staff = staff_user(django_user_model)
    assert member.status == Member.Status.APPROVED
    assert (member.decided_by, member.joined_on) == (staff, timezone.localdate())
    assert member.decided_at is not None
    assert member.history.filter(history_change_reason="approved", history_user=staff).exists()
    assert [(message.to, message.subject) for message in mailoutbox] == [
        (["primar@cluj.example.org"], "Welcome to the Alliance")
    ]


def test_a_preview_of_an_approval_changes_nothing_and_sends_nothing(
    staff_client, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    member = make_member(name="Cluj-Napoca", country="RO", status="pending")
    path = write_csv(tmp_path / "approve.csv", [status_row(member, "approved")])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = preview(staff_client, path, "csv").context["result"]

    assert not result.has_errors() and not result.has_validation_errors()
    assert [row.import_type for row in result.rows] == ["update"]
    member.refresh_from_db()
    assert (member.status, member.decided_at) == (Member.Status.PENDING, None)
    assert not member.history.filter(history_change_reason="approved").exists()
    assert callbacks == [] and mailoutbox == []


def test_importing_left_for_a_member_records_that_it_left_on_that_day(
    staff_client, django_user_model, tmp_path
):
    member = make_member(name="Cluj-Napoca", country="RO")
    path = write_csv(tmp_path / "left.csv", [status_row(member, "left", left_on="2026-01-31")])

    confirm(staff_client, preview(staff_client, path, "csv"))

    member.refresh_from_db()
    assert (member.status, str(member.left_on)) == (Member.Status.LEFT, "2026-01-31")
    assert member.decided_by == staff_user(django_user_model)
    assert member.history.filter(history_change_reason="left the Alliance").exists()


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        ("pending", "rejected", "use the action “Reject the selected requests…”"),
        ("approved", "pending", "cannot go from “approved” to “pending”"),
        ("rejected", "approved", "cannot go from “rejected” to “approved”"),
        ("left", "approved", "cannot go from “left” to “approved”"),
    ],
)
def test_an_import_refuses_a_status_change_the_workflow_does_not_make(
    staff_client, tmp_path, mailoutbox, before, after, message
):
    member = make_member(name="Cluj-Napoca", country="RO", status=before)
    path = write_csv(tmp_path / "change.csv", [status_row(member, after, population="300000")])

    response = preview(staff_client, path, "csv")

    assert message in response.content.decode()
    assert [row.number for row in response.context["result"].invalid_rows] == [1]
    assert "process_import" not in response.content.decode()
    member.refresh_from_db()
    assert (member.status, member.population) == (before, None)


def test_a_file_approving_a_request_and_holding_a_bad_row_saves_and_sends_nothing(
    django_user_model, mailoutbox, django_capture_on_commit_callbacks
):
    member = make_member(name="Cluj-Napoca", country="RO", status="pending")
    dataset = tablib.Dataset(headers=["slug", "name", "kind", "country", "status"])
    dataset.append([member.slug, member.name, "city", "RO", "approved"])
    dataset.append(["", "Bad Town", "city", "US", "approved"])

    with django_capture_on_commit_callbacks(execute=True):
        result = MemberResource().import_data(dataset, dry_run=False)

    assert result.has_validation_errors()
    member.refresh_from_db()
    assert member.status == Member.Status.PENDING
    assert mailoutbox == []


def test_a_new_row_approved_on_paper_is_recorded_as_a_decision(
    staff_client, django_user_model, tmp_path
):
    path = write_csv(
        tmp_path / "new.csv",
        [
            {
                "slug": "",
                "name": "Cluj-Napoca",
                "kind": "city",
                "country": "RO",
                "status": "approved",
            }
        ],
    )

    confirm(staff_client, preview(staff_client, path, "csv"))

    member = Member.objects.get()
    staff = staff_user(django_user_model)
    assert (member.status, member.decided_by, member.joined_on) == (
        Member.Status.APPROVED, staff, timezone.localdate(),
    )  # fmt: skip
    assert member.decided_at is not None
    assert member.history.get().history_change_reason == "imported as approved"


def test_the_csv_export_opens_as_utf8_in_excel_and_reimports_unchanged(
    staff_client, members, tmp_path
):
    path = export(staff_client, "csv", tmp_path)

    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel reads
    before = snapshot()
    result = preview(staff_client, path, "csv").context["result"]
    assert not result.has_errors() and not result.has_validation_errors()
    assert snapshot() == before


def test_the_admin_offers_xlsx_first(staff_client):
    html = staff_client.get(f"{ADMIN}export/").content.decode()

    assert html.index(">xlsx<") < html.index(">csv<")


@pytest.mark.parametrize("country", ["Hongrie", "hungary", "HU", "HONGRIE"])
def test_a_country_is_read_as_its_code_or_its_english_or_french_name(
    staff_client, tmp_path, country
):
    path = write_csv(
        tmp_path / "hu.csv",
        [{"slug": "", "name": "Pécs", "kind": "city", "country": country, "status": "approved"}],
    )

    confirm(staff_client, preview(staff_client, path, "csv"))

    assert Member.objects.get().country.code == "HU"


def test_an_unknown_country_is_refused_in_words_saying_what_is_expected(staff_client, tmp_path):
    path = write_csv(
        tmp_path / "atlantis.csv",
        [{"slug": "", "name": "Atlantis City", "kind": "city", "country": "Atlantis",
          "status": "approved"}],
    )  # fmt: skip

    content = preview(staff_client, path, "csv").content.decode()

    assert "is not a Council of Europe member state" in content
    assert "Hungary, Hongrie" in content
    assert not Member.objects.exists()


# Files as staff make them: dates as the import page documents them, in CSV and XLSX, in the
# English and the French admin (the admin's language is the browser's, or the language chosen
# on the site: /admin/ has no language prefix).

LANGUAGES = ["en", "fr"]


def in_language(language):
    return {"accept-language": language}


def upload(client, name, content, language="en"):
    """Post a file's bytes through the import page, as staff do: the preview."""
    handle = io.BytesIO(content)
    handle.name = name
    file_format = name.rsplit(".", 1)[1]
    return client.post(
        f"{ADMIN}import/",
        {"import_file": handle, "format": FORMATS[file_format], "resource": "0"},
        headers=in_language(language),
    )


def csv_bytes(headers, rows):
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(headers)
    writer.writerows(rows)
    return text.getvalue().encode()


def xlsx_bytes(headers, rows):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def sheet_bytes(file_format, headers, rows):
    return (csv_bytes if file_format == "csv" else xlsx_bytes)(headers, rows)


NEW_MEMBER = ["name", "kind", "country", "status", "joined_on"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
@pytest.mark.parametrize("written", ["28/03/2017", "28.03.2017", "2017-03-28", "1/3/2017"])
def test_the_member_import_reads_the_dates_its_page_documents(
    staff_client, language, file_format, written
):
    content = sheet_bytes(file_format, NEW_MEMBER, [["Pécs", "city", "HU", "approved", written]])

    preview = upload(staff_client, f"members.{file_format}", content, language)
    assert preview.context["summary"].errors == []
    confirm(staff_client, preview)

    expected = "2017-03-01" if written == "1/3/2017" else "2017-03-28"
    assert Member.objects.get(name="Pécs").joined_on.isoformat() == expected


def test_a_date_is_read_day_first_in_the_english_admin_too(staff_client):
    content = csv_bytes(NEW_MEMBER, [["Pécs", "city", "HU", "approved", "03/04/2017"]])

    confirm(staff_client, upload(staff_client, "members.csv", content, "en"))

    assert Member.objects.get().joined_on.isoformat() == "2017-04-03"  # 3 April, not 4 March


@pytest.mark.parametrize(
    "cell",
    [datetime.date(2017, 3, 28), datetime.datetime(2017, 3, 28), datetime.datetime(2017, 3, 28, 9)],
    ids=["date", "midnight-datetime", "datetime"],
)
def test_an_xlsx_date_cell_is_read_as_its_day(staff_client, cell):
    content = xlsx_bytes(NEW_MEMBER, [["Pécs", "city", "HU", "approved", cell]])

    confirm(staff_client, upload(staff_client, "members.xlsx", content))

    assert Member.objects.get().joined_on == datetime.date(2017, 3, 28)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "31/02/2017",
            "Row 2, column Member since: The date “31/02/2017” does not exist: write the day "
            "first, then the month and the year, as 28/03/2017.",
        ),
        (
            "03/28/2017",
            "Row 2, column Member since: The date “03/28/2017” does not exist: write the day "
            "first, then the month and the year, as 28/03/2017.",
        ),
        (
            "March 2017",
            "Row 2, column Member since: “March 2017” is not a date: write it as 28/03/2017, "
            "28.03.2017 or 2017-03-28.",
        ),
    ],
)
def test_a_wrong_date_is_refused_in_words_saying_how_to_write_it(staff_client, written, message):
    content = csv_bytes(NEW_MEMBER, [["Pécs", "city", "HU", "approved", written]])

    preview = upload(staff_client, "members.csv", content)

    assert preview.context["summary"].errors == [message]
    assert message in preview.content.decode()
    assert "parsed" not in preview.content.decode()
    assert not Member.objects.exists()


def test_in_the_french_admin_a_wrong_date_is_named_by_its_french_column(staff_client):
    content = csv_bytes(NEW_MEMBER, [["Pécs", "city", "HU", "approved", "31/02/2017"]])

    preview = upload(staff_client, "membres.csv", content, "fr")

    (error,) = preview.context["summary"].errors
    assert error.startswith("Ligne 2, colonne Membre depuis")
    assert "«\u202f31/02/2017\u202f»" in error and "28/03/2017" in error
    assert "parsed" not in error


@pytest.mark.parametrize(
    ("column", "written", "message"),
    [
        ("population", "about 150000", "“about 150000” is not a whole number: write it in digits"),
        ("latitude", "48°N", "“48°N” is not a number: write it with a decimal point, as 48.5839."),
    ],
)
def test_a_wrong_number_is_refused_in_words(staff_client, column, written, message):
    content = csv_bytes(["name", "kind", "country", "status", column],
                        [["Pécs", "city", "HU", "approved", written]])  # fmt: skip

    (error,) = upload(staff_client, "members.csv", content).context["summary"].errors

    assert message in error
    assert not Member.objects.exists()


@pytest.mark.parametrize(
    ("language", "population", "latitude"),
    [("en", "150,000", "46.07"), ("fr", "150 000", "46,07"), ("en", "150000", "46,07")],
)
def test_numbers_are_read_as_staff_write_them_in_either_language(
    staff_client, language, population, latitude
):
    content = csv_bytes(["name", "kind", "country", "status", "population", "latitude",
                         "longitude"],
                        [["Pécs", "city", "HU", "approved", population, latitude, "18.23"]])  # fmt: skip

    confirm(staff_client, upload(staff_client, "members.csv", content, language))

    member = Member.objects.get()
    assert (member.population, member.latitude) == (150000, 46.07)


# The downloadable templates import as they stand: the example row is a town that does not
# exist, which an import leaves out and says so, so a forgotten example adds nobody.


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_template_imports_as_it_stands_leaving_its_example_out(
    staff_client, language, file_format
):
    make_member(name="Miskolc", country="HU")  # a member of the demo data
    template = staff_client.get(f"{ADMIN}import/template.{file_format}",
                                headers=in_language(language))  # fmt: skip

    preview = upload(staff_client, f"template.{file_format}", template.content, language)

    summary = preview.context["summary"]
    assert summary.errors == []
    assert (summary.counts["new"], summary.counts["update"], summary.counts["skip"]) == (0, 0, 0)
    (note,) = summary.notes
    assert note in preview.content.decode()
    if language == "en":
        assert note == "Row 2 is the template’s example: it is left out."
    confirm(staff_client, preview)
    assert list(Member.objects.values_list("name", flat=True)) == ["Miskolc"]


def test_the_template_example_shows_a_date_as_a_date_cell(staff_client):
    template = staff_client.get(f"{ADMIN}import/template.xlsx")

    sheet = openpyxl.load_workbook(io.BytesIO(template.content)).active
    headings = [cell.value for cell in sheet[1]]
    joined = sheet.cell(row=2, column=headings.index("Member since") + 1)
    assert sheet.title == "Members"
    assert sheet.cell(row=2, column=headings.index("Name") + 1).value == "Exampleville"
    assert joined.is_date and joined.value.date() == datetime.date(2017, 3, 28)
    assert "h" not in joined.number_format


def test_rows_under_the_example_are_imported(staff_client):
    template = staff_client.get(f"{ADMIN}import/template.xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(template.content))
    sheet = workbook.active
    headings = [cell.value for cell in sheet[1]]
    row = dict.fromkeys(headings, None)
    row.update({"Name": "Szeged", "Kind": "city", "Country": "Hungary", "Status": "approved",
                "Member since": "28/03/2017"})  # fmt: skip
    sheet.append([row[heading] for heading in headings])
    output = io.BytesIO()
    workbook.save(output)

    preview = upload(staff_client, "members.xlsx", output.getvalue())
    assert preview.context["summary"].errors == []
    confirm(staff_client, preview)

    assert preview.context["summary"].text == "1 new, 0 changed"
    assert list(Member.objects.values_list("name", "joined_on")) == [
        ("Szeged", datetime.date(2017, 3, 28))
    ]


# An imported member is placed on the map as a join request is: from the offline place data.


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_imported_member_of_a_known_town_is_placed_on_the_map(staff_client, file_format):
    content = sheet_bytes(file_format, ["Name", "Kind", "Country", "Status"],
                          [["Debrecen", "city", "HU", "approved"]])  # fmt: skip

    preview = upload(staff_client, f"members.{file_format}", content)
    assert preview.context["summary"].notes == []
    assert "47.5317" in preview.content.decode()  # the preview shows the place it found
    confirm(staff_client, preview)

    member = Member.objects.get()
    assert (member.latitude, member.longitude) == find_coordinates("Debrecen", "HU")
    assert (member.latitude, member.longitude) == (47.5317, 21.6244)
    assert "Debrecen" in staff_client.get("/en/members/map/").content.decode()


def test_a_town_that_cannot_be_placed_is_named_in_the_preview_row_by_row(staff_client):
    content = csv_bytes(
        ["Name", "Kind", "Country", "Status", "Latitude", "Longitude"],
        [
            ["Debrecen", "city", "HU", "approved", "", ""],
            ["Nowhereburg", "city", "HU", "approved", "", ""],
            ["Bretagne", "region", "France", "approved", "", ""],
            ["Hidden Hamlet", "city", "AT", "approved", "47.1", "13.2"],
        ],
    )

    preview = upload(staff_client, "members.csv", content)

    notes = preview.context["summary"].notes
    assert notes == [
        "Row 3: “Nowhereburg” (Hungary) is not in the map’s list of places: it will be imported "
        "without a place on the map unless the file gives its latitude and longitude.",
        "Row 4: “Bretagne” (France) is not in the map’s list of places: it will be imported "
        "without a place on the map unless the file gives its latitude and longitude.",
    ]
    page = preview.content.decode()
    assert page.index("Row 3: “Nowhereburg”") < page.index("Confirm import")
    assert not Member.objects.exists()  # nothing saved before staff confirm
    confirm(staff_client, preview)
    places = dict(Member.objects.values_list("name", "latitude"))
    assert places == {"Debrecen": 47.5317, "Nowhereburg": None, "Bretagne": None,
                      "Hidden Hamlet": 47.1}  # fmt: skip


def test_an_existing_member_keeps_its_place(staff_client, members):
    bretagne = Member.objects.get(name="Bretagne")
    content = csv_bytes(["slug", "name", "kind", "country", "status", "population"],
                        [[bretagne.slug, "Bretagne", "region", "FR", "approved", "3300000"]])  # fmt: skip

    preview = upload(staff_client, "members.csv", content)
    confirm(staff_client, preview)

    assert preview.context["summary"].notes == []
    bretagne.refresh_from_db()
    assert (bretagne.population, bretagne.latitude) == (3300000, None)


# Exports and imports share their headings, in the admin's language; an export re-imports
# unchanged in either format and either language.


def export_as(client, file_format, language):
    form = client.get(f"{ADMIN}export/", headers=in_language(language)).context["form"]
    data = {name: field.initial for name, field in form.fields.items() if field.initial}
    data["format"] = FORMATS[file_format]
    response = client.post(f"{ADMIN}export/", data, headers=in_language(language))
    assert response.status_code == 200
    return response.content


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_an_export_re_imports_unchanged_in_either_language(
    staff_client, members, language, file_format
):
    Member.objects.filter(name="Łódź").update(left_on=datetime.date(2017, 3, 28))
    content = export_as(staff_client, file_format, language)
    before = snapshot()

    preview = upload(staff_client, f"members.{file_format}", content, language)
    summary = preview.context["summary"]
    assert summary.errors == [] and summary.notes == []
    assert (summary.counts["new"], summary.counts["update"], summary.counts["skip"]) == (0, 0, 4)
    confirm(staff_client, preview)

    assert snapshot() == before


def test_a_file_exported_in_french_imports_unchanged_in_the_english_admin(staff_client, members):
    content = export_as(staff_client, "csv", "fr")
    before = snapshot()

    preview = upload(staff_client, "membres.csv", content, "en")

    assert preview.context["summary"].text == "0 new, 0 changed, 4 unchanged (hidden)"
    assert snapshot() == before


@pytest.mark.parametrize(
    ("language", "title", "heading"),
    [("en", "Members", "Member since"), ("fr", "Membres", "Membre depuis")],
)
def test_the_xlsx_export_is_a_sheet_of_members_with_date_cells(
    staff_client, members, language, title, heading
):
    content = export_as(staff_client, "xlsx", language)

    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    headings = [cell.value for cell in sheet[1]]
    joined = [row[headings.index(heading)] for row in sheet.iter_rows(min_row=2)]
    assert sheet.title == title
    assert all(cell.is_date and "h" not in cell.number_format for cell in joined if cell.value)
    assert any(cell.value for cell in joined)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_export_page_the_template_and_the_file_use_the_same_headings(staff_client, language):
    page = staff_client.get(f"{ADMIN}export/", headers=in_language(language))
    form = page.context["form"]
    offered = [str(field.label) for name, field in form.fields.items()
               if name.startswith("memberresource_")]  # fmt: skip
    template = staff_client.get(f"{ADMIN}import/template.xlsx", headers=in_language(language))
    template_headings = [
        c.value for c in openpyxl.load_workbook(io.BytesIO(template.content)).active[1]
    ]
    exported = openpyxl.load_workbook(io.BytesIO(export_as(staff_client, "xlsx", language))).active

    assert offered == [cell.value for cell in exported[1]] == template_headings
    assert ("Membre depuis" if language == "fr" else "Member since") in page.content.decode()
