"""Every public workflow shows on the cached public pages at once: renewing them is not a step
a workflow can forget (core.workflows.transition renews them, and the saves of the models that
declare what of them is public)."""

import ast
import pathlib

import pytest
import tablib
from django.contrib.auth import get_user_model

from cooperation import services as cooperation_services
from core import workflows
from core.history import deleted_records, restore
from declarations import services as declaration_services
from events import services as event_services
from events.models import Event
from members import services as member_services
from members.models import Member
from members.resources import MemberResource
from news import services as news_services
from news.models import Article
from participants import services as participant_services
from participants.models import ProfileChangeRequest
from practices import services as practice_services
from practices.models import Practice
from tests.factories import (
    make_article,
    make_contact_person,
    make_event,
    make_member,
    make_practice,
    make_proposal,
    make_signature,
)

pytestmark = pytest.mark.django_db

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture
def staff():
    return get_user_model().objects.create_user(
        "officer", "officer@example.org", "x", is_staff=True, is_superuser=True
    )


def approve(staff):
    member = make_member(name="Košice", country="SK", status=Member.Status.PENDING)
    return "/en/members/", "Košice", lambda: member_services.approve_member(member, staff)


def mark_left(staff):
    member = make_member(name="Košice", country="SK")
    return "/en/members/", "Košice", lambda: member_services.mark_left(member, staff)


def import_left(staff):
    member = make_member(name="Košice", country="SK")
    dataset = tablib.Dataset(headers=["slug", "name", "kind", "country", "status"])
    dataset.append([member.slug, member.name, member.kind, "SK", "left"])

    def run():
        result = MemberResource().import_data(dataset, dry_run=False, user=staff)
        assert not result.has_errors() and not result.has_validation_errors()

    return "/en/members/", "Košice", run


def approve_profile_changes(staff):
    member = make_member(name="Košice", country="SK")
    contact = make_contact_person(member)
    change_request = ProfileChangeRequest.objects.create(
        member=member, contact=contact, changes={"description_en": "The second city of Slovakia."}
    )
    action = lambda: participant_services.approve_change_request(change_request, staff)  # noqa: E731
    return member.get_absolute_url(), "The second city of Slovakia.", action


def restore_member(staff):
    member = make_member(name="Košice", country="SK")
    member.delete()
    record = deleted_records(Member).get()
    return "/en/members/", "Košice", lambda: restore(record, staff)


def verify(staff):
    signature = make_signature(full_name="Ana Exemplo", status="pending", source="paper")
    return (
        "/en/declaration/",
        "Ana Exemplo",
        lambda: declaration_services.verify_signature(signature, staff),
    )


def withdraw(staff):
    signature = make_signature(full_name="Ana Exemplo")
    return (
        "/en/declaration/",
        "Ana Exemplo",
        lambda: declaration_services.withdraw_signature(signature, staff),
    )


def reject(staff):
    signature = make_signature(full_name="Ana Exemplo")
    return (
        "/en/declaration/",
        "Ana Exemplo",
        lambda: declaration_services.reject_signature(signature, staff),
    )


def publish_article(staff):
    article = make_article(title="Fresh statement", status=Article.Status.DRAFT, published_at=None)
    rows = Article.objects.filter(pk=article.pk)
    return "/en/news/", "Fresh statement", lambda: news_services.publish_now(rows, staff)


def unpublish_article(staff):
    article = make_article(title="Fresh statement")
    rows = Article.objects.filter(pk=article.pk)
    return "/en/news/", "Fresh statement", lambda: news_services.move_to_draft(rows, staff)


def publish_practice(staff):
    practice = make_practice(title="School mediators", status=Practice.Status.SUBMITTED)
    return (
        "/en/practices/",
        "School mediators",
        lambda: practice_services.publish_practice(practice, staff),
    )


def archive_practice(staff):
    practice = make_practice(title="School mediators")
    return (
        "/en/practices/",
        "School mediators",
        lambda: practice_services.archive_practice(practice, staff),
    )


def publish_event(staff):
    event = make_event(title="Roma Week", status=Event.Status.DRAFT)
    rows = Event.objects.filter(pk=event.pk)
    return "/en/events/", "Roma Week", lambda: event_services.publish_events(rows, staff)


def cancel_event(staff):
    event = make_event(title="Roma Week")
    rows = Event.objects.filter(pk=event.pk)
    return "/en/events/", "Cancelled", lambda: event_services.cancel_events(rows, staff)


def accept_proposal(staff):
    proposal = make_proposal(name="Romano Drom", list_publicly=True)
    return (
        "/en/about/",
        "Romano Drom",
        lambda: cooperation_services.accept_proposal(proposal, staff),
    )


# (what it does, whether the text is on the page after it)
WORKFLOWS = [
    (approve, True),
    (mark_left, False),
    (import_left, False),
    (approve_profile_changes, True),
    (restore_member, True),
    (verify, True),
    (withdraw, False),
    (reject, False),
    (publish_article, True),
    (unpublish_article, False),
    (publish_practice, True),
    (archive_practice, False),
    (publish_event, True),
    (cancel_event, True),
    (accept_proposal, True),
]


@pytest.mark.parametrize(
    ("workflow", "shown_after"), WORKFLOWS, ids=[workflow.__name__ for workflow, _ in WORKFLOWS]
)
def test_a_workflow_shows_on_the_cached_page_at_once(
    client, page_cache, staff, django_capture_on_commit_callbacks, workflow, shown_after
):
    page_cache.COUNTER_CACHE_SECONDS = 60
    path, text, run = workflow(staff)
    before = client.get(path).content.decode()
    assert (text in before) is not shown_after
    assert client.get(path).content.decode() == before  # kept in the page cache

    with django_capture_on_commit_callbacks(execute=True):
        run()

    assert (text in client.get(path).content.decode()) is shown_after


def bare_updates(path, public_models):
    """The lines of `path` that change rows with `QuerySet.update()`: a status, or rows of a
    model that feeds public pages (its history aside)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "update"):
            continue
        chain, names = node.func.value, []
        while isinstance(chain, ast.Call | ast.Attribute):
            chain = chain.func if isinstance(chain, ast.Call) else chain.value
            names.append(getattr(chain, "attr", None))
        public = getattr(chain, "id", None) in public_models and "history" not in names
        if public or any(keyword.arg == "status" for keyword in node.keywords):
            found.append(node.lineno)
    return found


def test_no_workflow_changes_public_rows_without_transition():
    """A bare `QuerySet.update()` sends no signal: unless it goes through
    `core.workflows.transition()`, the cached pages would go on showing the rows as they were."""
    services = sorted(ROOT.glob("*/services.py"))
    public_models = {model.__name__ for model in workflows.watched}
    assert len(services) >= 8 and "Member" in public_models

    bare = {
        str(path.relative_to(ROOT)): lines
        for path in services
        if (lines := bare_updates(path, public_models))
    }

    assert bare == {}


def test_every_model_with_a_status_workflow_declares_what_of_it_is_public():
    watched = {model._meta.label for model in workflows.watched}

    assert {
        "members.Member",
        "declarations.Signature",
        "news.Article",
        "practices.Practice",
        "events.Event",
        "cooperation.Proposal",
    } <= watched
