import pytest
from django.core.management import call_command

from practices.models import Practice

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("practices", [40, 200])
def test_generated_practices_are_searchable_and_keep_the_pages_queries_pinned(
    client, django_assert_max_num_queries, practices
):
    call_command("generate_bench_data", members=50, signatures=0, articles=0, practices=practices)

    published = Practice.objects.published()
    assert Practice.objects.count() == practices
    assert published.count() > practices / 2
    practice = published.filter(members__isnull=False).first()
    assert practice.body_html_en.startswith("<p>")
    word = practice.title_en.split()[-1]
    assert practice in published.search(word)
    for url in ["/en/practices/", f"/fr/practices/?q={word}", practice.get_absolute_url()]:
        with django_assert_max_num_queries(9):
            assert client.get(url).status_code == 200
