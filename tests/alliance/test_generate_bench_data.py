import pytest
from django.conf import settings
from django.core.management import call_command

from core.text import normalise
from declarations.models import Signature
from members.models import Member
from news.models import Article

# Few practices, events and documents too: the command makes thousands of each by default.
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
    call_command("generate_bench_data", **SMALL)


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
    call_command("generate_bench_data", **SMALL)

    assert Member.objects.count() == 120
    assert Member.objects.values("slug").distinct().count() == 120
    assert Article.objects.values("slug").distinct().count() == 60


def test_clear_replaces_the_data(generated):
    call_command("generate_bench_data", clear=True, **SMALL)

    assert Member.objects.count() == 60
    assert Signature.objects.count() == 120
    assert Article.objects.count() == 30


def test_generates_events_and_documents_some_not_public(db):
    from events.models import Event
    from library.models import Document, DocumentFile

    call_command("generate_bench_data", **{**SMALL, "events": 80, "documents": 80})

    assert Event.objects.count() == 80
    assert 0 < Event.objects.published().count() < 80
    assert Event.objects.published().upcoming().exists()
    assert Document.objects.count() == 80
    assert 0 < Document.objects.published().count() < 80
    assert DocumentFile.objects.filter(language="en").count() == 80
    event = Event.objects.first()
    assert Event.objects.search(event.city).filter(pk=event.pk).exists()
