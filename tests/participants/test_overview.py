"""The space's overview shows what waits for the member, and its navigation says where one is."""

import datetime
import re

import pytest

from events.models import Registration
from participants.models import ProfileChangeRequest
from practices.models import Practice
from tests.factories import make_contact_person, make_event, make_practice, make_registration

from .conftest import SPACE

pytestmark = pytest.mark.django_db

DAYS_30 = datetime.timedelta(days=30)


def current_entries(page):
    """The navigation's entries marked as where one is: {text: aria-current}."""
    nav = page[page.index('<nav class="participants-nav') :]
    nav = nav[: nav.index("</nav>")]
    return {
        text: current
        for current, text in re.findall(r'<a [^>]*?aria-current="(\w+)"[^>]*>(.*?)</a>', nav)
    }


@pytest.mark.parametrize(
    ("path", "entry"),
    [
        ("", "Overview"),
        ("profile/", "Our profile"),
        ("practices/", "Our practices"),
        ("directory/", "Directory"),
        ("news/", "For participants"),
        ("my-data/", "My data"),
    ],
)
def test_the_navigation_marks_the_current_page(signed_in, path, entry):
    page = signed_in.get(f"{SPACE}{path}").content.decode()

    assert current_entries(page) == {entry: "page"}


def test_a_page_below_an_entry_marks_its_entry_as_the_current_section(signed_in):
    page = signed_in.get(f"{SPACE}practices/new/").content.decode()

    assert current_entries(page) == {"Our practices": "true"}


def test_the_overview_shows_drafts_practices_under_review_and_the_staff_comment(
    signed_in, member, other_member
):
    make_practice(title="Mediators in schools", status=Practice.Status.DRAFT, members=[member])
    make_practice(title="Housing desk", status=Practice.Status.SUBMITTED, members=[member])
    make_practice(
        title="Health buses",
        status=Practice.Status.RETURNED,
        review_comment="Please add the number of families reached.",
        members=[member],
    )
    make_practice(title="Lyon’s own draft", status=Practice.Status.DRAFT, members=[other_member])

    page = signed_in.get(SPACE).content.decode()

    drafts = page[page.index('<ul class="space-drafts">') :]
    drafts = drafts[: drafts.index("</ul>")]
    review = page[page.index('<ul class="space-review">') :]
    review = review[: review.index("</ul>")]
    assert "Mediators in schools" in drafts and "Housing desk" not in drafts
    assert "Housing desk" in review and "being reviewed" in review
    assert "Health buses" in review and "returned to you" in review
    assert "Please add the number of families reached." in review
    assert "Lyon’s own draft" not in page


def test_the_overview_shows_change_requests_and_the_secretariats_answer(
    signed_in, member, contact, other_member
):
    ProfileChangeRequest.objects.create(
        member=member, contact=contact, changes={"website": "https://kosice.sk/"}
    )
    ProfileChangeRequest.objects.create(
        member=member,
        contact=contact,
        changes={"population": 1},
        status=ProfileChangeRequest.Status.REJECTED,
        rejection_reason="The census gives 229,000 inhabitants.",
    )
    ProfileChangeRequest.objects.create(
        member=other_member, changes={"population": 2}, rejection_reason="Not for Košice."
    )

    page = signed_in.get(SPACE).content.decode()

    changes = page[page.index('<ul class="space-changes">') :]
    changes = changes[: changes.index("</ul>")]
    assert changes.count("<li>") == 2
    assert "The census gives 229,000 inhabitants." in changes
    assert "Not for Košice." not in page
    assert "1 change request is waiting for the secretariat." in page


def test_the_overview_shows_the_next_events_and_the_members_registrations(
    signed_in, member, contact
):
    colleague = make_contact_person(member, name="Peter Novák", email="peter@kosice.example.sk")
    seminar = make_event(title="Seminar in Strasbourg")
    make_event(title="A past meeting", starts_in=-DAYS_30)
    forum = make_event(title="Forum in Lyon")
    make_registration(seminar, full_name=contact.name, email=contact.email.upper())
    make_registration(forum, full_name=colleague.name, email=colleague.email)
    make_registration(forum, full_name="Someone else", email="someone@elsewhere.example.org")
    make_registration(
        seminar,
        full_name="Cancelled colleague",
        email="cancelled@kosice.example.sk",
        status=Registration.Status.CANCELLED,
    )

    page = signed_in.get(SPACE).content.decode()

    events = page[page.index('<ul class="space-events">') :]
    events = events[: events.index("</ul>")]
    assert "Seminar in Strasbourg" in events and "Forum in Lyon" in events
    assert "A past meeting" not in page
    registrations = page[page.index('<ul class="space-registrations">') :]
    registrations = registrations[: registrations.index("</ul>")]
    assert "Zuzana Horváthová" in registrations and "Peter Novák" in registrations
    assert "Someone else" not in page
    assert registrations.count("<li>") == 2


def test_the_overviews_queries_do_not_grow_with_what_it_shows(
    signed_in, member, contact, django_assert_max_num_queries
):
    def load():
        with django_assert_max_num_queries(100) as captured:
            assert signed_in.get(SPACE).status_code == 200
        return len(captured)

    before = load()
    for n in range(4):
        make_practice(status=Practice.Status.DRAFT, members=[member])
        make_practice(
            status=Practice.Status.RETURNED, review_comment=f"Comment {n}", members=[member]
        )
        make_practice(members=[member])
        ProfileChangeRequest.objects.create(member=member, contact=contact, changes={"x": n})
        make_registration(make_event(), email=contact.email)

    assert load() == before
