"""The benchmark's data (bench/data.py, bench/generate.py)."""

import pytest
from django.conf import settings

from bench.data import generate
from bench.generate import main
from core.text import normalise
from declarations.models import Signature
from members.models import Member
from news.models import Article
from practices.models import Practice

# Few practices, events and documents too: the generator makes thousands of each by default.
SMALL = {
    "members": 60,
    "signatures": 120,
    "articles": 30,
    "practices": 20,
    "events": 10,
    "documents": 10,
}


@pytest.fixture
def generated(db):
    generate(**SMALL)


def test_generates_the_requested_numbers(generated):
    assert Member.objects.count() == 60
    assert Signature.objects.count() == 120
    assert Article.objects.count() == 30


def test_members_cover_every_council_of_europe_state(generated):
    countries = set(Member.objects.values_list("country", flat=True))

    assert countries == set(settings.COUNCIL_OF_EUROPE_STATES)


def test_most_records_are_public_and_some_are_not(generated):
    assert Member.objects.approved().count() > 60 / 2
    assert Member.objects.exclude(status=Member.Status.APPROVED).exists()
    assert Signature.objects.public().count() > 120 / 2
    assert Article.objects.published().count() > 30 / 2


def test_members_are_searchable_and_placed_in_europe(generated):
    for member in Member.objects.all():
        assert member.search_name == normalise(member.name)
        assert 27 < member.latitude < 72, member
        assert -32 < member.longitude < 50, member


def test_generated_pages_answer_in_both_languages(client, generated):
    member = Member.objects.approved().first()
    article = Article.objects.published().first()

    assert client.get(member.get_absolute_url()).status_code == 200
    french = client.get(f"/fr/news/{article.slug}/")
    assert french.status_code == 200
    assert article.title_fr in french.content.decode()
    assert Member.objects.approved().search(member.name.upper()).filter(pk=member.pk).exists()


def test_articles_have_tags_and_countries(generated):
    assert Article.objects.filter(tags__isnull=False).exists()
    assert Article.objects.exclude(countries="").exists()


def test_running_again_adds_rows_with_unique_slugs(generated):
    generate(**SMALL)

    assert Member.objects.count() == 120
    assert Member.objects.values("slug").distinct().count() == 120
    assert Article.objects.values("slug").distinct().count() == 60


def test_clear_replaces_the_data(generated):
    generate(clear=True, **SMALL)

    assert Member.objects.count() == 60
    assert Signature.objects.count() == 120
    assert Article.objects.count() == 30


def test_generates_events_and_documents_some_not_public(db):
    from events.models import Event
    from library.models import Document, DocumentFile

    generate(**{**SMALL, "events": 80, "documents": 80})

    assert Event.objects.count() == 80
    assert 0 < Event.objects.published().count() < 80
    assert Event.objects.published().upcoming().exists()
    assert Document.objects.count() == 80
    assert 0 < Document.objects.published().count() < 80
    assert DocumentFile.objects.filter(language="en").count() == 80
    event = Event.objects.first()
    assert Event.objects.search(event.city).filter(pk=event.pk).exists()


@pytest.mark.parametrize("practices", [40, 200])
def test_generated_practices_are_searchable_and_keep_the_pages_queries_pinned(
    db, client, django_assert_max_num_queries, practices
):
    generate(members=50, signatures=0, articles=0, events=0, documents=0, practices=practices)

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


def test_the_command_line_generates_the_numbers_it_is_given(db):
    counts = {"members": 46, "signatures": 10, "articles": 5, "events": 0, "documents": 0}
    main([*(f"--{name}={count}" for name, count in counts.items()), "--practices=0", "--clear"])

    assert Member.objects.count() == 46
    assert Signature.objects.count() == 10
    assert Article.objects.count() == 5


def test_the_command_line_refuses_a_negative_count(db):
    with pytest.raises(SystemExit):
        main(["--members", "-1"])

    assert not Member.objects.exists()
