import csv
import io

import pytest

from declarations.models import Declaration, Signature
from members.models import Member
from tests.factories import make_member, make_signature

from .conftest import bulk_signatures

pytestmark = pytest.mark.django_db

URL = "/data/signatories.csv"


def rows(client):
    response = client.get(URL)
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_file_is_streamed_utf8_csv_with_a_filename(client, declaration):
    make_signature(full_name="Jan Novák")

    response = client.get(URL)

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="signatories.csv"'
    assert "Jan Novák" in b"".join(response.streaming_content).decode("utf-8")


def test_file_holds_public_fields_only(client, declaration):
    member = make_member(name="Strasbourg", slug="strasbourg")
    make_signature(
        full_name="Jean Dupont",
        office=Signature.Office.MAYOR,
        authority_name="Strasbourg",
        member=member,
        country="FR",
        signed_on="2017-04-03",
        email="jean.dupont@example.org",
    )

    response = client.get(URL)
    text = b"".join(response.streaming_content).decode()

    assert rows(client) == [
        {
            "declaration": "declaration-against-anti-gypsyism",
            "full_name": "Jean Dupont",
            "office": "mayor",
            "office_label": "mayor",
            "authority_name": "Strasbourg",
            "member": "strasbourg",
            "country": "FR",
            "signed_on": "2017-04-03",
        }
    ]
    assert "jean.dupont@example.org" not in text
    assert "@" not in text


def test_file_leaves_out_the_slug_of_a_member_that_is_not_approved(client, declaration):
    member = make_member(name="Pendingtown", slug="pendingtown", status=Member.Status.PENDING)
    make_signature(authority_name="Pendingtown", member=member)

    assert rows(client)[0]["member"] == ""


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Signature.Status.PENDING},
        {"status": Signature.Status.REJECTED},
        {"status": Signature.Status.WITHDRAWN},
        {"consent_to_publish": False},
    ],
    ids=["pending", "rejected", "withdrawn", "no-consent"],
)
def test_file_holds_verified_consented_signatures_only(client, declaration, fields):
    make_signature(full_name="Shown Signatory")
    make_signature(full_name="Hidden Signatory", **fields)

    assert [row["full_name"] for row in rows(client)] == ["Shown Signatory"]


def test_file_leaves_out_unpublished_declarations(client, declaration):
    draft = Declaration.objects.create(
        title="Draft declaration", slug="draft", text="Draft.", endorsed_on="2030-01-01"
    )
    make_signature(full_name="Draft Signatory", declaration=draft)

    assert rows(client) == []


@pytest.mark.parametrize("count", [10, 1000])
def test_file_runs_a_constant_number_of_queries(
    client, declaration, count, django_assert_max_num_queries
):
    bulk_signatures(declaration, count)

    with django_assert_max_num_queries(2):
        assert len(rows(client)) == count
