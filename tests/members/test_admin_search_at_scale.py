"""The admin's searches of members and signatures read indexes, not every row (PostgreSQL)."""

import pytest
from django.db import connection

from declarations.models import Signature
from members.models import Member

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's indexes"),
]


def plan(queryset):
    with connection.cursor() as cursor:
        # The test tables are tiny: without this they would be read whole.
        cursor.execute("SET enable_seqscan = off")
        found = queryset.explain()
        cursor.execute("RESET enable_seqscan")
    return found


def test_a_contact_name_is_searched_through_its_index():
    assert "member_contact_name_trgm" in plan(
        Member.objects.filter(contact_name__icontains="nowak")
    )


def test_a_signatory_is_searched_through_the_name_and_authority_indexes():
    found = plan(Signature.objects.search("maria"))

    assert "signature_name_trgm" in found
    assert "signature_authority_trgm" in found
