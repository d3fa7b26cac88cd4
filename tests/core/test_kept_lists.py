"""The public lists (practices, library, news, events, the directory, the Declaration's
signatories) and the site search read each page of rows once per data change and language,
and keep their filter forms once rendered; a visitor still sees every change at once, the
filters asked and the page's own language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from declarations.models import Signature
from practices.models import Practice
from tests.factories import make_article, make_practice, make_signature, make_theme

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def kept(settings):
    settings.COUNTER_CACHE_SECONDS = 600  # as in production: what is read is kept


def read(client, url):
    """The page's text, and the SQL it ran."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in queries.captured_queries]


def reads(queries, table):
    return [sql for sql in queries if sql.startswith("SELECT") and f'"{table}"' in sql]


@pytest.mark.parametrize(
    "url, table",
    [
        ("/en/practices/", "practices_practice"),
        ("/en/practices/?q=mediators", "practices_practice"),
        ("/en/news/", "news_article"),
        ("/en/declaration/", "declarations_signature"),
        ("/en/search/?q=mediators", "practices_practice"),
    ],
)
def test_a_list_read_again_runs_no_query_for_its_rows(client, url, table):
    make_practice(title_en="School mediators")
    make_article(title="School mediators in Košice")
    make_signature(full_name="Ana Exemplo")
    first, queries = read(client, url)
    assert reads(queries, table)

    again, queries = read(client, url)
    assert again == first
    assert reads(queries, table) == []


def test_a_practice_published_or_archived_shows_at_once_on_the_kept_list(client):
    make_practice(title_en="School mediators")
    assert "School mediators" in read(client, "/en/practices/")[0]

    newer = make_practice(title_en="Housing advice desks")
    page = read(client, "/en/practices/")[0]
    assert "Housing advice desks" in page and "School mediators" in page

    newer.status = Practice.Status.ARCHIVED
    newer.save()
    page = read(client, "/en/practices/")[0]
    assert "Housing advice desks" not in page and "School mediators" in page


def test_each_filtering_and_each_page_has_its_own_rows(client):
    make_theme("housing", "Housing")
    make_practice(title_en="Housing advice desks", themes=["housing"])
    make_practice(title_en="School mediators")
    assert "School mediators" in read(client, "/en/practices/")[0]

    page = read(client, "/en/practices/?theme=housing")[0]
    assert "Housing advice desks" in page and "School mediators" not in page

    titles = {f"Practice number {n:02d}" for n in range(25)} | {"School mediators"}
    for title in sorted(titles - {"School mediators"}):
        make_practice(title_en=title)
    # 27 practices, 20 a page: each page its own, the two together all of them.
    first, second = (
        {title for title in titles if title in read(client, f"/en/practices/?page={n}")[0]}
        for n in (1, 2)
    )
    assert first and second and not first & second
    assert first | second == titles


def test_each_language_has_its_own_rows(client):
    make_practice(title_en="School mediators", title_fr="Médiateurs scolaires")
    assert "School mediators" in read(client, "/en/practices/")[0]
    page = read(client, "/fr/practices/")[0]
    assert "Médiateurs scolaires" in page and "School mediators" not in page


def test_a_new_signature_and_a_withdrawn_one_show_at_once_on_the_declaration(client):
    first = make_signature(full_name="Ana Exemplo")
    assert "Ana Exemplo" in read(client, "/en/declaration/")[0]

    make_signature(full_name="Boris Primer")
    page = read(client, "/en/declaration/")[0]
    assert "Boris Primer" in page and "Ana Exemplo" in page

    first.status = Signature.Status.REJECTED
    first.save()
    page = read(client, "/en/declaration/")[0]
    assert "Ana Exemplo" not in page and "Boris Primer" in page


def test_the_search_finds_what_was_published_since_it_was_last_asked(client):
    make_article(title="School mediators in Košice")
    page = read(client, "/en/search/?q=mediators")[0]
    assert "Košice" in page and "Brno" not in page

    make_article(title="School mediators in Brno")
    page = read(client, "/en/search/?q=mediators")[0]
    assert "Košice" in page and "Brno" in page
    # Another query, its own results.
    page = read(client, "/en/search/?q=brno")[0]
    assert "Brno" in page and "Košice" not in page


def test_the_search_speaks_the_page_s_language(client):
    make_practice(title_en="School mediators", title_fr="Médiateurs scolaires")
    assert "School" in read(client, "/en/search/?q=mediat")[0]
    page = read(client, "/fr/search/?q=mediat")[0]
    assert "scolaires" in page and "School" not in page


def selected_option(page, name):
    """The value of the option selected in the filter form's `name` select."""
    select = re.search(rf'<select[^>]* name="{name}"[^>]*>(.*?)</select>', page, re.S)[1]
    return re.search(r'<option value="([^"]*)" selected', select)[1]


def test_the_filter_form_shows_what_each_visitor_asked(client):
    make_practice(title_en="Housing advice desks", themes=[make_theme("housing", "Housing").slug])
    make_practice(title_en="School mediators", themes=[make_theme("education", "Education").slug])
    assert selected_option(read(client, "/en/practices/?theme=housing")[0], "theme") == "housing"
    page = read(client, "/en/practices/?theme=education")[0]
    assert selected_option(page, "theme") == "education"
    assert 'value="mediators"' in read(client, "/en/practices/?q=mediators")[0]
    assert 'value="mediators"' not in read(client, "/en/practices/?q=advice")[0]


def test_the_filter_form_reports_a_wrong_value_only_where_it_was_asked(client):
    make_practice(title_en="School mediators")
    wrong = read(client, "/en/practices/?theme=no-such-theme")[0]
    assert 'aria-invalid="true"' in wrong
    assert 'aria-invalid="true"' not in read(client, "/en/practices/")[0]


def test_the_filter_form_offers_a_theme_once_a_practice_holds_it(client):
    make_practice(title_en="School mediators", themes=[make_theme("education", "Education").slug])
    assert "Employment (" not in read(client, "/en/practices/")[0]

    make_practice(title_en="Job fairs", themes=[make_theme("employment", "Employment").slug])
    assert "Employment (1)" in read(client, "/en/practices/")[0]


def test_the_filter_form_speaks_the_page_s_language(client):
    make_practice(title_en="School mediators")
    assert "Search in titles and texts" in read(client, "/en/practices/")[0]
    page = read(client, "/fr/practices/")[0]
    assert "Search in titles and texts" not in page
