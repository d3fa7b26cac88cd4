"""The French admin reads as French: statuses agree with their record, titles do not put a
masculine article before a feminine name."""

import pytest
from django.utils import translation

from declarations.models import Signature
from events.models import Registration
from members.models import Member
from practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("choice", "french"),
    [
        (Member.Status.REJECTED, "rejeté"),
        (Signature.Status.REJECTED, "rejetée"),
        (Practice.Status.PUBLISHED, "publiée"),
        (Registration.Status.CANCELLED, "annulée"),
        (Signature.Status.VERIFIED, "vérifiée"),
    ],
)
def test_a_status_agrees_in_gender_with_its_record(choice, french):
    with translation.override("fr"):
        assert str(choice.label) == french


def test_the_add_page_title_reads_as_french(admin_client):
    page = admin_client.get(
        "/admin/declarations/signature/add/", headers={"accept-language": "fr"}
    ).content.decode()

    assert "Ajout\u202f: signature" in page
    assert "Ajout de signature" not in page
