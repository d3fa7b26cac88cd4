"""The counts a visitor reads above a list are grouped as the language writes numbers."""

import re
from collections import Counter

import pytest
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.utils import translation

from core.pagination import CountedPaginator
from declarations.demo import ensure_declaration
from members.map.drawing import summary_map
from tests.factories import make_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def many(monkeypatch):
    """Every list counts 1,234 rows, however many the test wrote."""
    monkeypatch.setattr(Paginator, "count", 1234)
    monkeypatch.setattr(CountedPaginator, "count", 1234)


def status(html):
    return re.sub(r"<[^>]+>", "", re.search(r'role="status">(.*?)</p>', html, re.S).group(1))


@pytest.mark.parametrize(
    ("path", "english", "french"),
    [
        ("news/", "1,234 articles", "1\u202f234 articles"),
        ("events/", "1,234 events", "1\u202f234 événements"),
        ("practices/", "1,234 practices", "1\u202f234 pratiques"),
        ("library/", "1,234 documents", "1\u202f234 documents"),
    ],
)
def test_list_counts_are_grouped_in_both_languages(client, many, path, english, french):
    make_document()

    assert status(client.get(f"/en/{path}").content.decode()).startswith(english)
    assert status(client.get(f"/fr/{path}").content.decode()).startswith(french)


def test_the_count_of_matching_signatories_is_grouped(client, many):
    ensure_declaration()
    html = client.get("/en/declaration/?q=anna").content.decode()
    french = client.get("/fr/declaration/?q=anna").content.decode()

    assert "1,234 signatories match." in status(html)
    assert status(french).startswith("1\u202f234 ")


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "(1,234)"), ("fr", "(1\u202f234)")],
)
def test_the_member_map_counts_each_country_s_members_grouped(language, expected):
    member_map = summary_map(Counter({"FR": 1234}), [])
    with translation.override(language):
        html = render_to_string("members/_member_map_body.html", {"member_map": member_map})

    assert f'<span class="text-body-secondary">{expected}</span>' in html
    # The members without a place on the map are counted the same way.
    assert expected.strip("()") + " " in re.sub(r"<[^>]+>", "", html.split("map-list")[0])
