"""Two authorities of the same name ask to join at the same moment: both requests are stored.

"Alba" in Italy and "Alba" in Romania both make the slug "alba". Each request finds it free,
and the second INSERT meets the first on the unique slug: it must take "alba-2", not fail.
"""

import threading

import pytest
from django.db import connection
from django.db.models import QuerySet
from django.db.models.signals import pre_save
from django.test import Client
from django.test.utils import CaptureQueriesContext

from members.models import Member
from news.models import Article
from tests.factories import make_article, make_member

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason=(
        "needs PostgreSQL: the SQLite test database lives in memory, where two threads cannot "
        "each hold a connection and write at the same time"
    ),
)


def join_data(country):
    return {
        "name": "Alba",
        "kind": "city",
        "country": country,
        "contact_name": "Maria Rossi",
        "contact_role": "Mayor's office",
        "contact_email": f"sindaco@alba.{country.lower()}.example.org",
        "motivation": "Alba works with its Roma community on schooling.",
        "privacy_consent": "on",
    }


@pytest.fixture
def slug_lookup_blind_to_others(monkeypatch):
    """The slug lookup finds no other row: as when a twin is saved between it and the INSERT."""
    real_exists = QuerySet.exists

    def exists(queryset):
        if queryset.model in (Member, Article) and '."slug" =' in str(queryset.query):
            return False
        return real_exists(queryset)

    monkeypatch.setattr(QuerySet, "exists", exists)


# Any database: the twin is already there, the lookup misses it, the INSERT collides.


@pytest.mark.django_db
def test_a_request_whose_slug_is_taken_at_the_last_moment_is_stored_under_the_next_one(
    client, slug_lookup_blind_to_others
):
    make_member(name="Alba", country="IT", slug="alba", status=Member.Status.PENDING)

    response = client.post("/en/join/", join_data("RO"))

    assert response.status_code == 302
    assert response["Location"] == "/en/join/thanks/"
    assert sorted(Member.objects.values_list("country", "slug")) == [
        ("IT", "alba"),
        ("RO", "alba-2"),
    ]


@pytest.mark.django_db
def test_a_twin_request_is_refused_at_once_not_tried_under_other_slugs(client, monkeypatch):
    # The form's duplicate check passes, then the database refuses the twin request.
    make_member(name="Alba", country="RO", status=Member.Status.PENDING)
    real_clean, calls = Member.clean, []

    def clean_once_quietly(member):
        calls.append(member)
        if len(calls) > 1:
            real_clean(member)

    monkeypatch.setattr(Member, "clean", clean_once_quietly)

    with CaptureQueriesContext(connection) as queries:
        response = client.post("/en/join/", join_data("RO"))

    assert "has already been received and is being reviewed" in response.content.decode()
    inserts = [q for q in queries if q["sql"].startswith('INSERT INTO "members_member"')]
    assert len(inserts) == 1
    assert Member.objects.count() == 1


@pytest.mark.django_db
def test_an_article_whose_slug_is_taken_at_the_last_moment_is_saved_under_the_next_one(
    slug_lookup_blind_to_others,
):
    make_article(title="Roma Week")

    article = make_article(title="Roma Week")

    assert article.slug == "roma-week-2"


# PostgreSQL: two threads, each with its own connection, released together before their INSERT.


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_two_requests_of_the_same_name_sent_at_the_same_moment_are_both_stored():
    barrier = threading.Barrier(2)
    waited = set()

    def wait_for_the_other(sender, instance, **kwargs):
        # Both have chosen their slug; only the first INSERT of each thread waits.
        if threading.get_ident() not in waited:
            waited.add(threading.get_ident())
            barrier.wait(timeout=10)

    responses, errors = {}, []

    def send(country):
        try:
            responses[country] = Client().post("/en/join/", join_data(country))
        except Exception as error:  # reported below, on the test's thread
            errors.append(error)
            barrier.abort()
        finally:
            connection.close()

    pre_save.connect(wait_for_the_other, sender=Member)
    try:
        threads = [threading.Thread(target=send, args=[country]) for country in ("IT", "RO")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
    finally:
        pre_save.disconnect(wait_for_the_other, sender=Member)

    assert not errors, errors
    assert {country: response.status_code for country, response in responses.items()} == {
        "IT": 302,
        "RO": 302,
    }
    assert sorted(Member.objects.values_list("slug", flat=True)) == ["alba", "alba-2"]
    assert Member.objects.filter(name="Alba").count() == 2
