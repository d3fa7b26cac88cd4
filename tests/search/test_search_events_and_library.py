"""The site search covers events and library documents, never a draft or a participants-only
document."""

import pytest

from events.models import Event
from library.models import Document
from tests.factories import make_document, make_event

pytestmark = pytest.mark.django_db


def found(client, query, language="en"):
    return client.get(f"/{language}/search/", {"q": query}).content.decode()


@pytest.mark.parametrize("query", ["Radenci housing", "radenci", "RADENCI"])
def test_a_published_event_is_found(client, query):
    event = make_event(title="Radenci housing conference")

    page = found(client, query)

    assert event.get_absolute_url() in page


def test_a_draft_event_is_never_found(client):
    draft = make_event(title="Radenci housing conference", status=Event.Status.DRAFT)

    assert draft.get_absolute_url() not in found(client, "radenci")


@pytest.mark.parametrize("query", ["Resolution on Roma housing", "resolution roma"])
def test_a_published_document_is_found(client, query):
    document = make_document(title="Resolution on Roma housing")

    assert document.get_absolute_url() in found(client, query)


def test_drafts_and_participants_only_documents_are_never_found(client):
    draft = make_document(title="Resolution on Roma housing", status=Document.Status.DRAFT)
    private = make_document(title="Resolution on Roma housing notes", participants_only=True)

    page = found(client, "resolution roma housing")

    assert draft.get_absolute_url() not in page
    assert private.get_absolute_url() not in page


def test_every_kind_found_costs_one_query_and_shows_its_title_and_summary(
    client, django_assert_num_queries
):
    from core import search as site_search
    from tests.factories import make_article, make_member, make_practice

    make_member(name="Radenci")
    # Without a lead, an article's snippet comes from its body.
    make_article(title="Visit to Radenci", lead="", body="The mayor of **Radenci** spoke.")
    make_practice(title="Radenci school mediators", summary="Mediators in every school.")
    make_event(title="Radenci housing conference", summary="Two days on housing.")
    make_document(title="Radenci resolution", reference="RES 1 (2026)", summary="Adopted.")

    with django_assert_num_queries(len(site_search.kinds())):
        page = found(client, "radenci")

    for shown in (
        "<mark>Radenci</mark>",
        "Visit to <mark>Radenci</mark>",
        "The mayor of <mark>Radenci</mark> spoke.",
        "<mark>Radenci</mark> school mediators",
        "Mediators in every school.",
        "<mark>Radenci</mark> housing conference",
        "Two days on housing.",
        "RES 1 (2026): <mark>Radenci</mark> resolution",
        "Adopted.",
    ):
        assert shown in page
