import pytest
from django.contrib.auth import get_user_model

from declarations.demo import ensure_declaration
from declarations.models import Signature


@pytest.fixture
def declaration(db):
    return ensure_declaration()


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "secretariat", "staff@example.org", "password", is_staff=True, is_superuser=True
    )


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def sign_data(**fields):
    """A valid post of the signing form."""
    return {
        "full_name": "Erika Mustermann",
        "office": Signature.Office.MAYOR,
        "authority_name": "Exampleburg",
        "country": "DE",
        "email": "erika@exampleburg.example.org",
        "consent_to_publish": "on",
        "commitment": "on",
        **fields,
    }


def bulk_signatures(declaration, count, **fields):
    """`count` public signatures in one insert, for the query-count tests."""
    signatures = [
        Signature(
            declaration=declaration,
            full_name=f"Signatory {n}",
            search_name=f"signatory {n}",
            office=Signature.Office.COUNCILLOR,
            authority_name=f"Authority {n}",
            search_authority=f"authority {n}",
            country=["FR", "DE", "IT", "RO"][n % 4],
            email=f"bulk{n}@example.org",
            consent_to_publish=True,
            status=Signature.Status.VERIFIED,
            **fields,
        )
        for n in range(count)
    ]
    return Signature.objects.bulk_create(signatures)
