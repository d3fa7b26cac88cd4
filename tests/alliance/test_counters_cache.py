"""The live counters are kept between data changes when the shared cache is on."""

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext

from core import cache as core_cache
from core.cache import remember
from members.models import Member
from tests.factories import make_article, make_member, make_signature

pytestmark = pytest.mark.django_db


def totals_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    counted = [q for q in queries.captured_queries if "COUNT(" in q["sql"].upper()]
    return response, counted


def test_counters_are_computed_once_until_the_data_change(admin_client, settings):
    settings.COUNTER_CACHE_SECONDS = 60  # logged-in staff are never page-cached: the view runs
    make_member(name="Graz", country="AT")
    make_signature()

    _, first_counts = totals_queries(admin_client, "/en/")
    second, second_counts = totals_queries(admin_client, "/en/")

    assert len(first_counts) >= 2
    assert second_counts == []
    assert "<strong>1</strong> city or region" in second.content.decode()


def test_an_approval_moves_the_cached_counter_at_once(admin_client, settings):
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Graz", country="AT")
    admin_client.get("/en/")

    make_member(name="Linz", country="AT")

    assert "<strong>2</strong> cities and regions" in admin_client.get("/en/").content.decode()


def test_without_a_shared_cache_nothing_is_kept(settings):
    settings.COUNTER_CACHE_SECONDS = 0
    make_member(name="Graz", country="AT")
    first = remember("test-totals", lambda: Member.objects.approved().totals())
    Member.objects.update(status=Member.Status.PENDING)  # no signal: only a fresh count sees it

    assert first["members"] == 1
    assert remember("test-totals", lambda: Member.objects.approved().totals())["members"] == 0


def make_list_item(kind, n):
    if kind == "news":
        return make_article(title=f"Article {n}")
    if kind == "events":
        from tests.factories import make_event

        return make_event(title=f"Event {n}")
    if kind == "practices":
        from tests.factories import make_practice

        return make_practice(title=f"Practice {n}")
    from tests.factories import make_document

    return make_document(title=f"Document {n}")


@pytest.mark.parametrize(
    ("kind", "path", "per_page"),
    [
        ("news", "/en/news/", 10),
        ("events", "/en/events/", 20),
        ("library", "/en/library/", 20),
        ("practices", "/en/practices/", 20),
    ],
)
def test_a_list_is_counted_once_until_the_data_change(client, settings, kind, path, per_page):
    settings.COUNTER_CACHE_SECONDS = 60
    for n in range(per_page):
        make_list_item(kind, n)
    totals_queries(client, path)

    second, second_counts = totals_queries(client, path)
    make_list_item(kind, per_page)  # one more: a second page
    third, third_counts = totals_queries(client, path)

    assert second_counts == []
    assert second.context["paginator"].count == per_page
    assert third_counts
    assert third.context["paginator"].count == per_page + 1
    assert "page=2" in third.content.decode()


def test_a_list_count_key_is_safe_whatever_the_visitor_typed(client, settings, recwarn):
    settings.COUNTER_CACHE_SECONDS = 60

    response = client.get("/en/practices/", {"q": "Saint-Étienne du Rouvray"})

    assert response.status_code == 200
    assert not [w for w in recwarn if "CacheKeyWarning" in type(w.message).__name__]


def test_a_page_reads_the_data_version_once_however_many_figures_it_shows(
    admin_client, settings, monkeypatch
):
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Graz", country="AT")
    make_signature()
    admin_client.get("/en/")  # the figures are kept; each is now one read of the cache
    reads = []
    read_version = core_cache._read_version

    def counted(version):
        reads.append(version)
        return read_version(version)

    monkeypatch.setattr(core_cache, "_read_version", counted)

    response = admin_client.get("/en/")

    assert "<strong>1</strong> city or region" in response.content.decode()
    assert len(reads) == 1


def test_a_change_made_during_a_request_is_seen_by_the_figures_it_reads_next(rf, settings):
    settings.COUNTER_CACHE_SECONDS = 60
    seen = []

    def view(request):
        seen.append(remember("test-members", lambda: Member.objects.approved().count()))
        make_member(name="Graz", country="AT")  # a public row: the pages are renewed
        seen.append(remember("test-members", lambda: Member.objects.approved().count()))
        return HttpResponse("done")

    core_cache.PageCacheMiddleware(view)(rf.get("/en/"))

    assert seen == [0, 1]


def test_a_remembered_figure_is_read_from_the_shared_cache_once_per_process(settings, monkeypatch):
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Graz", country="AT")
    computed, shared_reads = [], []
    read = core_cache.cache.get

    def counted(key, *args, **kwargs):
        if key.startswith("remember:"):
            shared_reads.append(key)
        return read(key, *args, **kwargs)

    monkeypatch.setattr(core_cache.cache, "get", counted)

    def count():
        computed.append(1)
        return {"members": Member.objects.approved().count()}

    first = remember("test-kept-here", count)
    first["members"] = 99  # a caller changing its copy changes nobody else's
    second = remember("test-kept-here", count)

    assert second == {"members": 1}
    assert len(computed) == 1
    assert len(shared_reads) == 1  # the first call's; the second is answered in memory


def test_a_change_made_by_another_process_is_seen_by_the_figures_kept_in_this_one(settings):
    settings.COUNTER_CACHE_SECONDS = 60
    make_member(name="Graz", country="AT")
    assert remember("test-kept-members", lambda: Member.objects.approved().count()) == 1

    # Another process approves a member: its save moves the shared version on.
    Member.objects.filter(name="Graz").update(status=Member.Status.PENDING)
    core_cache.cache.incr(core_cache.VERSION_KEY)

    assert remember("test-kept-members", lambda: Member.objects.approved().count()) == 0


def test_a_figure_kept_in_this_process_lasts_as_long_as_in_the_shared_cache(settings, monkeypatch):
    settings.COUNTER_CACHE_SECONDS = 60
    computed = []
    remember("test-kept-expiry", lambda: computed.append(1) or 1)
    core_cache.cache.delete(
        f"remember:v2:test-kept-expiry:{core_cache.release()}:{core_cache.data_version()}"
    )
    later = core_cache.time.monotonic() + 61
    monkeypatch.setattr(core_cache.time, "monotonic", lambda: later)

    remember("test-kept-expiry", lambda: computed.append(1) or 1)

    assert len(computed) == 2


def test_the_figures_kept_in_this_process_stay_within_their_budget():
    kept = core_cache.KeptHere(budget=10_000)
    for n in range(20):
        kept.put(f"map-{n}", "x" * 1_000, timeout=60)

    assert kept.size <= 10_000
    assert kept.get("map-0") is None  # the oldest made way
    assert kept.get("map-19") == "x" * 1_000
