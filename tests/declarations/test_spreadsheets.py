"""The signatures' spreadsheets as staff have them: a template to start from, headings in
either language or as codes, countries, dates and offices as people write them, a preview
that counts what changes and hides the rest, errors in words."""

import csv
import io

import openpyxl
import pytest
from django.utils import translation

from declarations.models import Signature
from tests.factories import make_signature

IMPORT = "/admin/declarations/signature/import/"
PROCESS = "/admin/declarations/signature/process_import/"
TEMPLATE = "/admin/declarations/signature/import/template.{}"
FORMATS = {"xlsx": 0, "csv": 1}


def write_csv(path, headers, rows):
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def upload(client, path):
    with path.open("rb") as handle:
        return client.post(
            IMPORT, {"import_file": handle, "format": FORMATS[path.suffix.lstrip(".")]}
        )


def confirm(client, preview):
    return client.post(PROCESS, preview.context["confirm_form"].initial, follow=True)


def test_the_csv_template_has_the_headings_in_the_admins_language_and_an_example_row(
    staff_client, declaration
):
    response = staff_client.get(TEMPLATE.format("csv"), headers={"accept-language": "fr"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))

    assert response["Content-Disposition"].endswith('.csv"')
    headings, example = rows
    assert headings[:3] == ["Déclaration (vide pour la déclaration en vigueur)", "Nom complet",
                            "Mandat exercé"]  # fmt: skip
    assert "Pays" in headings
    assert example[headings.index("Nom complet")] == "Jane Example"


def test_the_xlsx_template_imports_as_it_is_leaving_its_example_row_out(
    staff_client, declaration, tmp_path
):
    response = staff_client.get(TEMPLATE.format("xlsx"))
    path = tmp_path / "template.xlsx"
    path.write_bytes(response.content)
    sheet = openpyxl.load_workbook(path).active
    assert sheet["B1"].value == "Full name"

    preview = upload(staff_client, path)
    assert preview.context["summary"].errors == []
    assert "Row 2 is the template’s example: it is left out." in preview.content.decode()
    confirm(staff_client, preview)

    assert not Signature.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        ["full_name", "office", "authority_name", "country", "signed_on"],
        ["Full name", "Office held", "Authority", "Country", "Signed on"],
        ["Nom complet", "Mandat exercé", "Collectivité", "Pays", "Signée le"],
        ["NOM COMPLET", "mandat exerce", "collectivite", "pays", "signee le"],
    ],
    ids=["codes", "english", "french", "any-case-no-accents"],
)
def test_headings_are_read_in_either_language_or_as_codes(
    staff_client, declaration, tmp_path, headers
):
    path = write_csv(
        tmp_path / "sheet.csv", headers, [["Jan Novák", "mayor", "Brno", "CZ", "2018-01-01"]]
    )

    confirm(staff_client, upload(staff_client, path))

    assert Signature.objects.get().authority_name == "Brno"


@pytest.mark.parametrize(
    ("office", "country", "signed_on"),
    [
        ("Mayor", "Hungary", "28/03/2017"),
        ("maire", "Hongrie", "28.03.2017"),
        ("Maire", "HU", "2017-03-28"),
        ("mayor", "hongrie", "28/03/2017"),
    ],
)
def test_offices_countries_and_dates_are_read_as_staff_write_them(
    staff_client, declaration, tmp_path, office, country, signed_on
):
    path = write_csv(
        tmp_path / "sheet.csv",
        ["Full name", "Office held", "Authority", "Country", "Signed on"],
        [["Eva Kiss", office, "Pécs", country, signed_on]],
    )

    confirm(staff_client, upload(staff_client, path))

    signature = Signature.objects.get()
    assert signature.office == Signature.Office.MAYOR
    assert signature.country.code == "HU"
    assert signature.signed_on.isoformat() == "2017-03-28"


def test_the_preview_counts_what_changes_and_lists_only_those_rows_new_first(
    staff_client, declaration, tmp_path
):
    kept = [make_signature(full_name=f"Person {n}", authority_name="Town", country="FR",
                           declaration=declaration) for n in range(3)]  # fmt: skip
    headers = ["Number (blank for a new signature)", "Full name", "Authority", "Country",
               "Office held", "Signed on"]  # fmt: skip
    rows = [[s.pk, s.full_name, s.authority_name, "FR", s.office, s.signed_on.isoformat()]
            for s in kept]  # fmt: skip
    rows[1][2] = "Other town"
    rows.append(["", "Newcomer", "Lyon", "France", "mayor", "2020-05-01"])
    path = write_csv(tmp_path / "sheet.csv", headers, rows)

    preview = upload(staff_client, path)
    content = preview.content.decode()

    summary = preview.context["summary"]
    assert summary.text == "1 new, 1 changed, 2 unchanged (hidden)"
    assert summary.text in content
    assert [(row.line, row.import_type) for row in summary.rows] == [(5, "new"), (3, "update")]
    assert "Person 0" not in content  # unchanged rows are not listed
    assert content.count('<tr class="new">') == 1
    assert content.count('<tr class="update">') == 1


def test_errors_are_listed_in_words_at_the_top_and_nothing_is_saved(
    staff_client, declaration, tmp_path
):
    path = write_csv(
        tmp_path / "sheet.csv",
        ["Full name", "Office held", "Authority", "Country", "Signed on"],
        [
            ["Good Person", "mayor", "Graz", "AT", "2018-01-01"],
            ["Other Person", "mayor", "Linz", "AT", "2018-01-01"],
            ["Lost Person", "mayor", "Nowhere", "Atlantis", "2018-01-01"],
            ["Late Person", "emperor", "Wels", "AT", "31/02/2018"],
        ],
    )

    with translation.override("en"):
        preview = upload(staff_client, path)

    errors = preview.context["summary"].errors
    assert errors[0].startswith(
        "Row 4, column Country: “Atlantis” is not a Council of Europe member state"
    )
    assert any(e.startswith("Row 5, column Office held: “emperor” is not one of") for e in errors)
    assert (
        "Row 5, column Signed on: The date “31/02/2018” does not exist: write the day first, "
        "then the month and the year, as 28/03/2017." in errors
    )
    content = preview.content.decode()
    assert content.index("Row 4, column Country") < content.index('type="file"')
    assert "confirm_form" not in preview.context
    assert not Signature.objects.exists()


def test_the_import_page_lists_the_columns_in_words_and_offers_the_templates(staff_client):
    content = staff_client.get(IMPORT).content.decode()

    assert "Full name <code>full_name</code>" in content
    assert 'href="/admin/declarations/signature/import/template.xlsx"' in content
    assert 'href="/admin/declarations/signature/import/template.csv"' in content


def test_importing_and_its_template_need_the_right_to_change_signatures(
    client, django_user_model, declaration
):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("viewer", "v@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_signature"))
    client.force_login(user)

    assert client.get(TEMPLATE.format("csv")).status_code == 403
    assert client.get(IMPORT).status_code == 403
    assert client.get("/admin/declarations/signature/export/").status_code == 200
    assert client.get("/admin/declarations/signature/import/template.exe").status_code in {
        403,
        404,
    }


def test_a_sheet_of_new_members_needs_no_identifier_column(staff_client, tmp_path):
    from members.models import Member

    path = write_csv(
        tmp_path / "members.csv",
        ["Nom", "Type", "Pays", "Statut"],
        [["Szeged", "ville", "Hongrie", "en attente"]],
    )
    with path.open("rb") as handle:
        preview = staff_client.post(
            "/admin/members/member/import/", {"import_file": handle, "format": FORMATS["csv"]}
        )
    assert preview.context["summary"].errors == []
    staff_client.post(
        "/admin/members/member/process_import/", preview.context["confirm_form"].initial
    )

    member = Member.objects.get(name="Szeged")
    assert (member.kind, member.country.code, member.status) == ("city", "HU", "pending")
