import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import pagination
from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's estimate")
def test_a_large_unfiltered_table_is_estimated_and_a_filtered_list_counted(monkeypatch):
    for n in range(3):
        make_member(name=f"Town {n}")
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Member._meta.db_table}")
    monkeypatch.setattr(pagination, "ESTIMATE_FROM", 1)

    with CaptureQueriesContext(connection) as queries:
        whole = pagination.EstimatedCountPaginator(Member.objects.order_by("pk"), 10).count
    filtered = pagination.EstimatedCountPaginator(Member.objects.filter(name="Town 1"), 10)

    assert whole == 3
    assert not any("COUNT(" in query["sql"] for query in queries)
    assert filtered.count == 1


def test_the_admin_lists_do_not_count_the_whole_table_twice(admin_client):
    make_member(name="Strasbourg")

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get("/admin/members/member/")

    assert response.status_code == 200
    counts = [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]
    assert len([sql for sql in counts if "members_member" in sql]) <= 1


@pytest.mark.parametrize(
    "path",
    [
        "/admin/members/member/?",
        "/admin/declarations/signature/?review=all&",
        "/admin/practices/practice/?",
        "/admin/news/article/?",
        "/admin/library/document/?",
        "/admin/events/event/?",
    ],
)
def test_the_large_lists_never_count_each_filter_option(admin_client, path):
    """Django's "Show counts" counts every option of every filter over the whole table: at
    500,000 signatures it ran for minutes after the request had timed out."""
    listed = admin_client.get(path).content.decode()

    with CaptureQueriesContext(connection) as queries:
        response = admin_client.get(path + "_facets=True")

    assert response.status_code == 200
    assert "_facets=True" not in listed  # no "Show counts" link
    assert not [query for query in queries if "FILTER (WHERE" in query["sql"].upper()]


def test_a_search_matching_more_than_the_limit_is_counted_no_further(admin_client, monkeypatch):
    monkeypatch.setattr(pagination, "FILTERED_COUNT_LIMIT", 2)
    for n in range(3):
        make_member(name=f"Bistrița {n}")
    make_member(name="Strasbourg")

    with CaptureQueriesContext(connection) as queries:
        content = admin_client.get("/admin/members/member/?q=bistrita").content.decode()

    # Shown as at least the limit, in the search bar and under the list.
    assert "2+ results" in content and "2+ members" in content
    counts = [query["sql"] for query in queries if "COUNT(" in query["sql"].upper()]
    assert counts and all("LIMIT 3" in sql for sql in counts if "members_member" in sql), counts
    assert str(pagination.AtLeast(2)) == "2+" and pagination.AtLeast(2) + 1 == 3
