import pytest
from django.db import connection

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's statistics")
def test_the_searchable_names_are_sampled_finely_enough_to_choose_the_trigram_index():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT attstattarget FROM pg_attribute "
            "WHERE attrelid = 'members_member'::regclass AND attname = 'search_names'"
        )
        (target,) = cursor.fetchone()

    assert target == 1000
