"""What the public sees with the page cache on, as production runs: in the per-process cache
and in Redis. Scheduled articles appear at their time; decisions show at once; what the
public cannot see (a join request, an unconfirmed signature) leaves the cached pages alone."""

import datetime
import threading
import time

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from alliance.models import Page
from core import history
from core.cache import data_version, remember
from declarations import services as declaration_services
from declarations.demo import ensure_declaration
from declarations.models import Signature
from members import services as member_services
from members.models import Member
from tests.factories import make_article, make_member, make_signature

pytestmark = pytest.mark.django_db

PUBLIC_NEWS_PAGES = ["/en/", "/fr/", "/en/news/", "/fr/news/", "/en/news/feed/", "/fr/news/feed/"]


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "officer", "officer@example.org", "x", is_staff=True
    )


def text(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, path
    # A data file is never kept in the page cache: built ahead, or rendered (streamed).
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body.decode()


def served_from_cache(client, path, django_assert_num_queries):
    with django_assert_num_queries(0):
        return client.get(path)


# Scheduled publication


def test_a_scheduled_article_appears_everywhere_at_its_time(client, public_cache):
    make_article(title="Already out")
    due = timezone.now() + datetime.timedelta(seconds=1.5)
    make_article(title="Radenci housing conference", published_at=due)
    for path in PUBLIC_NEWS_PAGES:
        assert "Radenci housing conference" not in text(client, path)
    assert "radenci-housing-conference" not in text(client, "/sitemap.xml")

    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.1)

    for path in PUBLIC_NEWS_PAGES:
        assert "Radenci housing conference" in text(client, path), path
    assert "radenci-housing-conference" in text(client, "/sitemap.xml")
    assert text(client, "/en/news/radenci-housing-conference/")


def test_browsers_keep_pages_no_longer_than_until_the_next_scheduled_article(client, public_cache):
    make_article(title="Already out")
    make_article(title="Soon", published_at=timezone.now() + datetime.timedelta(seconds=20))

    first = client.get("/en/news/")
    again = client.get("/en/news/")

    for response in (first, again):
        max_age = int(response["Cache-Control"].split("max-age=")[1].split(",")[0])
        assert 0 < max_age <= 20


def test_without_a_scheduled_article_browsers_keep_pages_for_the_usual_time(client, public_cache):
    make_article(title="Already out")

    assert client.get("/en/news/")["Cache-Control"] == "public, max-age=60"


def test_the_live_counters_follow_a_scheduled_change_too(public_cache):
    # The figures kept until the data change (remember()) are kept no longer than the pages.
    make_article(title="Soon", published_at=timezone.now() + datetime.timedelta(seconds=1))
    computed = []

    def figure():
        return remember("figure", lambda: computed.append(1) or len(computed))

    assert figure() == figure() == 1
    time.sleep(1.1)

    assert figure() == 2


# Decisions show at once


def test_an_approval_shows_on_the_cached_directory_home_and_country_page(
    client, public_cache, staff
):
    make_member(name="Graz", country="AT")
    pending = make_member(name="Radenci", country="SI", status=Member.Status.PENDING)
    for path in ("/en/members/", "/en/countries/SI/", "/data/members.csv"):
        assert "Radenci" not in text(client, path)

    member_services.approve_member(pending, by=staff)

    for path in ("/en/members/", "/en/countries/SI/", "/data/members.csv"):
        assert "Radenci" in text(client, path), path


def test_a_verification_shows_on_the_cached_declaration_page(client, public_cache, staff):
    signature = make_signature(
        full_name="Ana Exemplo", status=Signature.Status.PENDING, email_confirmed_at=timezone.now()
    )
    assert "Ana Exemplo" not in text(client, "/en/declaration/")

    declaration_services.verify_signature(signature, by=staff)

    assert "Ana Exemplo" in text(client, "/en/declaration/")
    assert "Ana Exemplo" in text(client, "/data/signatories.csv")


def test_a_withdrawal_and_a_departure_leave_the_cached_pages_at_once(client, public_cache, staff):
    signature = make_signature(full_name="Ana Exemplo")
    member = make_member(name="Radenci", country="SI")
    assert "Ana Exemplo" in text(client, "/en/declaration/")
    assert "Radenci" in text(client, "/en/members/")

    declaration_services.withdraw_signature(signature, by=staff)
    member_services.mark_left(member, by=staff)

    assert "Ana Exemplo" not in text(client, "/en/declaration/")
    assert "Radenci" not in text(client, "/en/members/")


def test_a_restored_member_is_back_on_the_cached_directory(client, public_cache, staff):
    member = make_member(name="Radenci", country="SI")
    member.delete()
    assert "Radenci" not in text(client, "/en/members/")
    record = history.deleted_records(Member).get()

    history.restore(record, staff)

    assert "Radenci" in text(client, "/en/members/")


def test_editing_the_declaration_shows_on_the_cached_page(client, public_cache):
    declaration = ensure_declaration()
    assert "Amended wording" not in text(client, "/en/declaration/")

    declaration.text_en = "Amended wording of the Declaration."
    declaration.save()

    assert "Amended wording" in text(client, "/en/declaration/")


def test_editing_a_content_page_shows_on_the_cached_page(client, public_cache):
    page = Page.objects.get(slug=Page.Slug.ABOUT)
    assert "Newly written paragraph" not in text(client, "/en/about/")

    page.body_en = "Newly written paragraph about the Alliance."
    page.save()

    assert "Newly written paragraph" in text(client, "/en/about/")


def test_linking_an_article_to_a_member_shows_on_its_cached_profile(client, public_cache):
    member = make_member(name="Radenci", country="SI")
    article = make_article(title="Roma housing conference")
    assert "Roma housing conference" not in text(client, member.get_absolute_url())

    article.members.add(member)

    assert "Roma housing conference" in text(client, member.get_absolute_url())


# What the public cannot see leaves the cached pages alone


def test_join_requests_and_unconfirmed_signatures_leave_the_cached_pages_alone(
    client, public_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    ensure_declaration()
    make_member(name="Graz", country="AT")
    for path in ("/en/", "/en/members/", "/en/declaration/"):
        client.get(path)

    visitor = type(client)()
    with django_capture_on_commit_callbacks(execute=True):
        joined = visitor.post(
            "/en/join/",
            {
                "name": "Radenci",
                "kind": "city",
                "country": "SI",
                "contact_name": "Ana Novak",
                "contact_role": "Roma inclusion officer",
                "contact_email": "ana.novak@example.org",
                "motivation": "Radenci hosted the Roma housing conference of 2013.",
                "privacy_consent": "on",
            },
        )
        signed = visitor.post(
            "/en/declaration/sign/",
            {
                "full_name": "Erika Mustermann",
                "office": Signature.Office.MAYOR,
                "authority_name": "Exampleburg",
                "country": "DE",
                "email": "erika@exampleburg.example.org",
                "consent_to_publish": "on",
                "commitment": "on",
            },
        )
    assert joined.status_code == signed.status_code == 302
    assert Member.objects.filter(status=Member.Status.PENDING).count() == 1
    signature = Signature.objects.get(full_name="Erika Mustermann")
    with django_capture_on_commit_callbacks(execute=True):
        visitor.post(
            f"/en/declaration/confirm/{declaration_services.confirmation_token(signature)}/"
        )
    signature.refresh_from_db()
    assert signature.email_confirmed_at is not None

    for path in ("/en/", "/en/members/", "/en/declaration/"):
        assert served_from_cache(client, path, django_assert_num_queries).status_code == 200


def test_staff_editing_a_pending_request_leave_the_cached_pages_alone(
    client, public_cache, django_assert_num_queries
):
    pending = make_member(name="Radenci", country="SI", status=Member.Status.PENDING)
    client.get("/en/members/")

    pending.motivation = "Written again after a phone call."
    pending.save()

    served_from_cache(client, "/en/members/", django_assert_num_queries)


def test_editing_an_approved_member_renews_the_cached_pages(client, public_cache):
    member = make_member(name="Radenci", country="SI")
    assert "Radenci" in text(client, "/en/members/")

    member.name = "Radenci ob Muri"
    member.save()

    assert "Radenci ob Muri" in text(client, "/en/members/")


def test_a_request_refused_after_approval_leaves_the_cached_pages(client, public_cache):
    # Was public, is no longer: the change must renew the pages that listed it.
    member = make_member(name="Radenci", country="SI")
    assert "Radenci" in text(client, "/en/members/")

    member.status = Member.Status.REJECTED
    member.save()

    assert "Radenci" not in text(client, "/en/members/")


# The renewal once the transaction commits


def test_a_renewal_inside_a_transaction_renews_again_at_commit(
    page_cache, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_member(name="Graz", country="AT")
        during = data_version()

    assert data_version() != during


on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: two connections at once on one test database",
)


@on_postgresql
@pytest.mark.django_db(transaction=True)
def test_a_page_rendered_while_an_approval_commits_is_not_served_after_it(client, page_cache):
    """Another visitor's request, on another connection, renders the directory after the
    approval renewed the version but before it committed: that page must not outlive it."""
    staff = get_user_model().objects.create_user("officer", "o@example.org", "x", is_staff=True)
    make_member(name="Graz", country="AT")
    pending = make_member(name="Radenci", country="SI", status=Member.Status.PENDING)
    seen_during = []

    def other_visitor():
        try:
            seen_during.append("Radenci" in text(type(client)(), "/en/members/"))
        finally:
            connection.close()

    with transaction.atomic():
        member_services.approve_member(pending, by=staff)
        thread = threading.Thread(target=other_visitor)
        thread.start()
        thread.join(timeout=30)

    assert seen_during == [False]  # it could not see the uncommitted approval
    assert "Radenci" in text(client, "/en/members/")


def test_a_schedule_reporting_a_moment_already_past_renews_the_pages_no_more(
    client, public_cache, monkeypatch
):
    """A schedule read an instant before the clock moved on, or with another clock, may name
    a moment already past: the pages keep one version, and are answered."""
    from core import cache as public_pages

    monkeypatch.setattr(
        public_pages,
        "_schedules",
        [lambda: timezone.now() - datetime.timedelta(seconds=1)],
    )
    make_article(title="Already out")  # a change: the next read looks at the schedule

    assert "Already out" in text(client, "/en/news/")
    assert data_version() == data_version()
    assert client.get("/en/news/")["Cache-Control"] == "public, max-age=60"


def test_the_practices_filter_options_are_not_counted_again_when_an_article_goes_live(
    client, public_cache, monkeypatch
):
    """Counting them takes 0.6 s at 200,000 practices, and no scheduled change alters them:
    they are counted again when the data change, not each time the pages move on."""
    from practices import forms
    from tests.factories import make_practice

    make_practice(title="School mediators", start_year=2016)
    counted = []
    count = forms._count_facets
    monkeypatch.setattr(forms, "_count_facets", lambda: counted.append(1) or count())
    make_article(title="Soon", published_at=timezone.now() + datetime.timedelta(seconds=1))
    assert '<option value="2016">2016 (1)</option>' in text(client, "/en/practices/")
    time.sleep(1.1)

    assert "Soon" in text(client, "/en/news/")  # the pages have moved on
    assert '<option value="2016">2016 (1)</option>' in text(client, "/en/practices/")
    assert len(counted) == 1

    make_practice(title="Housing advice", start_year=2016)  # a change of the data: counted again
    assert '<option value="2016">2016 (2)</option>' in text(client, "/en/practices/")
    assert len(counted) == 2
