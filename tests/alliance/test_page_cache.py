import pytest
from django.db import connection
from django.db.models import Q
from django.test.utils import CaptureQueriesContext

from core.workflows import transition
from declarations.demo import ensure_declaration
from members.models import Member
from tests.factories import make_article, make_member


def queries_for(client, path, **kwargs):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **kwargs)
    return response, len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/", "/fr/members/", "/en/news/"])
def test_anonymous_repeat_request_is_answered_from_the_cache_without_queries(
    client, page_cache, django_assert_num_queries, path
):
    make_member(name="Strasbourg")
    first = client.get(path)

    with django_assert_num_queries(0):
        second = client.get(path)

    assert first.status_code == second.status_code == 200
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.django_db
def test_a_new_member_shows_on_the_next_request(client, page_cache):
    make_member(name="Strasbourg")
    assert "Strasbourg" in client.get("/en/members/").content.decode()

    make_member(name="Łódź", country="PL")

    assert "Łódź" in client.get("/en/members/").content.decode()


@pytest.mark.django_db
def test_an_approval_by_transition_shows_on_the_next_request(client, page_cache):
    pending = make_member(name="Košice", country="SK", status=Member.Status.PENDING)
    assert "Košice" not in client.get("/en/members/").content.decode()

    transition(pending, None, "approved", where=Q(status=Member.Status.PENDING), status="approved")

    assert "Košice" in client.get("/en/members/").content.decode()


@pytest.mark.django_db
def test_tagging_an_article_renews_the_cached_pages(client, page_cache):
    from news.models import Tag

    article = make_article(title="Roma women in local politics")
    client.get("/en/news/")
    tag = Tag.objects.create(name="Elections", slug="elections")
    client.get("/en/news/")

    article.tags.add(tag)

    _response, queries = queries_for(client, "/en/news/")
    assert queries > 0


@pytest.mark.django_db
def test_a_deleted_article_disappears_on_the_next_request(client, page_cache):
    article = make_article(title="Statement withdrawn later")
    assert "Statement withdrawn later" in client.get("/en/news/").content.decode()

    article.delete()

    assert "Statement withdrawn later" not in client.get("/en/news/").content.decode()


@pytest.mark.django_db
def test_each_language_is_cached_apart(client, page_cache):
    english = client.get("/en/")
    french = client.get("/fr/")

    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="fr">' in french.content.decode()
    assert '<html lang="fr">' in client.get("/fr/").content.decode()


@pytest.mark.django_db
def test_the_query_string_is_part_of_the_key(client, page_cache):
    make_member(name="Strasbourg")
    client.get("/en/news/")

    _response, queries = queries_for(client, "/en/news/?page=2")

    assert queries > 0


@pytest.mark.django_db
def test_public_pages_may_be_kept_briefly_by_browsers_and_proxies(client, page_cache):
    response = client.get("/en/")

    assert response["Cache-Control"] == "public, max-age=60"
    assert response.has_header("Last-Modified")


@pytest.mark.django_db
@pytest.mark.parametrize("cached", [True, False])
def test_browsers_keep_a_public_page_only_for_the_same_cookies(client, settings, cached):
    # A browser then asks again once its user logs in, rather than show the page it kept.
    settings.PAGE_CACHE_SECONDS = 600 if cached else 0
    client.get("/en/")

    response = client.get("/en/")

    assert response["Cache-Control"] == "public, max-age=60"
    assert "Cookie" in [value.strip() for value in response["Vary"].split(",")]


@pytest.mark.django_db
def test_logged_in_staff_are_never_served_or_stored_in_the_cache(admin_client, client, page_cache):
    make_member(name="Strasbourg")
    admin_client.get("/en/members/")

    second, staff_queries = queries_for(admin_client, "/en/members/")
    _anonymous, anonymous_queries = queries_for(client, "/en/members/")

    assert staff_queries > 0
    assert anonymous_queries > 0
    assert "private" in second["Cache-Control"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/join/", "/en/declaration/sign/"])
def test_form_pages_are_never_cached(client, page_cache, path):
    ensure_declaration()  # the signing form is shown only while a declaration is current
    first = client.get(path)
    client.cookies.clear()
    second = client.get(path)

    assert first.status_code == second.status_code == 200
    assert "csrftoken" in second.cookies
    assert "private" in second["Cache-Control"]


@pytest.mark.django_db
def test_a_visitor_with_pending_messages_is_not_served_from_the_cache(client, page_cache):
    client.get("/en/")
    client.cookies["messages"] = "anything"

    _response, queries = queries_for(client, "/en/")

    assert queries > 0


@pytest.mark.django_db
def test_admin_answers_are_private_and_never_stored(admin_client, page_cache):
    response = admin_client.get("/admin/")

    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_health_is_checked_on_every_request(client, page_cache):
    client.get("/health/")

    response, queries = queries_for(client, "/health/")

    assert response.status_code == 200
    assert queries > 0


@pytest.mark.django_db
def test_a_missing_page_is_not_cached(client, page_cache):
    client.get("/en/news/no-such-article/")

    response, queries = queries_for(client, "/en/news/no-such-article/")

    assert response.status_code == 404
    assert queries > 0


@pytest.mark.django_db
@pytest.mark.parametrize("cache_seconds", [0, 60])
def test_a_repeat_request_with_the_etag_answers_304(client, settings, cache_seconds):
    settings.PAGE_CACHE_SECONDS = cache_seconds
    first = client.get("/en/")

    second = client.get("/en/", headers={"if-none-match": first["ETag"]})

    assert first.status_code == 200
    assert second.status_code == 304
    assert second.content == b""


@pytest.mark.django_db
def test_a_repeat_request_with_last_modified_answers_304(client, page_cache):
    first = client.get("/en/")

    second = client.get("/en/", headers={"if-modified-since": first["Last-Modified"]})

    assert second.status_code == 304


@pytest.mark.django_db
def test_with_the_cache_off_every_request_renders(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/en/")

    _response, queries = queries_for(client, "/en/")

    assert queries > 0


@pytest.mark.django_db
def test_pages_are_shared_through_redis_and_renewed_on_change(
    client, redis_page_cache, django_assert_num_queries
):
    make_member(name="Strasbourg")
    client.get("/en/members/")

    with django_assert_num_queries(0):
        cached = client.get("/en/members/")
    make_member(name="Timișoara", country="RO")
    renewed = client.get("/en/members/")

    assert "Strasbourg" in cached.content.decode()
    assert "Timișoara" in renewed.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/session/", "/en/message/"])
def test_a_page_that_wrote_to_the_session_or_left_a_message_is_never_kept(client, page_cache, path):
    # The session cookie or the message is set after the page cache has seen the answer:
    # only the request tells that the page belongs to one visitor.
    page_cache.ROOT_URLCONF = "tests.alliance.personal_urls"
    first = client.get(path)
    stranger = type(client)()

    second = stranger.get(path)

    assert first.status_code == second.status_code == 200
    assert first.content != second.content  # rendered again, not served from the cache
    assert "private" in second["Cache-Control"]


# A hit costs none of the other middleware, and answers as the rendered page did


SAME_HEADERS = [
    "Content-Type",
    "Content-Language",
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "Cross-Origin-Opener-Policy",
    "X-Frame-Options",
    "Vary",
    "Cache-Control",
]


@pytest.mark.django_db
@pytest.mark.parametrize("encoding", ["", "gzip"])
def test_a_page_from_the_cache_carries_every_header_of_the_rendered_page(
    client, public_cache, encoding
):
    headers = {"accept-encoding": encoding} if encoding else {}
    rendered = client.get("/en/news/", headers=headers)

    served = client.get("/en/news/", headers=headers)

    for header in SAME_HEADERS:
        assert served.get(header) == rendered.get(header), header
    assert served.get("Content-Encoding") == rendered.get("Content-Encoding")
    assert served["ETag"] == rendered["ETag"]
    assert int(served["Content-Length"]) == len(served.content)


@pytest.mark.django_db
def test_a_hit_runs_none_of_the_other_middleware(client, page_cache, monkeypatch):
    from django.middleware.csp import ContentSecurityPolicyMiddleware
    from django.middleware.security import SecurityMiddleware

    client.get("/en/", headers={"accept-encoding": "gzip"})
    calls = []
    original = SecurityMiddleware.process_request

    def counted(self, request):
        calls.append(request.path)
        return original(self, request)

    monkeypatch.setattr(SecurityMiddleware, "process_request", counted)
    monkeypatch.setattr(
        ContentSecurityPolicyMiddleware,
        "process_response",
        lambda self, request, response: calls.append(request.path) or response,
    )

    served = client.get("/en/", headers={"accept-encoding": "gzip"})

    assert served.status_code == 200
    assert served["Content-Encoding"] == "gzip"
    assert calls == []


@pytest.mark.django_db
def test_a_page_kept_for_the_site_is_never_served_to_another_host(client, page_cache):
    client.get("/en/news/")

    refused = client.get("/en/news/", headers={"host": "attacker.example"})
    served = client.get("/en/news/")

    assert refused.status_code == 400
    assert served.status_code == 200
