import datetime

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from declarations.models import Declaration, Signature
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/declarations/signature/"


def run_action(client, action, signatures, **extra):
    data = {"action": action, "_selected_action": [s.pk for s in signatures], **extra}
    return client.post(CHANGELIST + "?review=all", data, follow=True)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?status__exact=pending",
        "?email_confirmed=yes",
        "?email_confirmed=no",
        "?country=FR",
        "?consent_to_publish__exact=0",
        "?q=dupont",
    ],
)
def test_changelist_filters_and_search_answer(staff_client, declaration, query):
    make_signature(full_name="Jean Dupont")

    response = staff_client.get(CHANGELIST + query)

    assert response.status_code == 200


def test_search_finds_by_e_mail(staff_client, declaration):
    make_signature(full_name="Jean Dupont", email="jd@demoville.example.org")
    make_signature(full_name="Mario Rossi")

    content = staff_client.get(CHANGELIST + "?q=demoville.example").content.decode()

    assert "Jean Dupont" in content
    assert "Mario Rossi" not in content


def test_email_confirmed_filter(staff_client, declaration):
    make_signature(full_name="Confirmed Person", email_confirmed_at=timezone.now())
    make_signature(full_name="Unconfirmed Person")

    content = staff_client.get(CHANGELIST + "?email_confirmed=no").content.decode()

    assert "Unconfirmed Person" in content
    assert "Confirmed Person" not in content


def test_the_list_shows_whether_each_e_mail_was_confirmed_and_sorts_by_it(
    staff_client, declaration
):
    make_signature(full_name="Confirmed Person", email_confirmed_at=timezone.now())

    content = staff_client.get(CHANGELIST + "?review=all").content.decode()

    header = content[content.index('class="sortable column-email_confirmed') :]
    assert "E-mail confirmed" in header[: header.index("</th>")]
    cell = content[content.index('class="field-email_confirmed"') :]
    assert 'alt="True"' in cell[: cell.index("</td>")]


def test_the_country_filter_offers_the_states_without_reading_every_signature(
    staff_client, declaration
):
    make_signature(full_name="Jean Dupont", country="FR")
    make_signature(full_name="Mario Rossi", country="IT")

    with CaptureQueriesContext(connection) as queries:
        content = staff_client.get(CHANGELIST + "?review=all").content.decode()
    filtered = staff_client.get(CHANGELIST + "?review=all&country__exact=IT").content.decode()

    # A state nobody from has signed yet is offered too: the list of states is fixed.
    assert "?country__exact=FR&amp;review=all" in content and ">France</a>" in content
    assert ">San Marino</a>" in content
    assert not [
        query for query in queries if "DISTINCT" in query["sql"] and "country" in query["sql"]
    ]
    assert "Mario Rossi" in filtered and "Jean Dupont" not in filtered


@pytest.mark.skipif(connection.vendor != "postgresql", reason="reads PostgreSQL's plans")
def test_the_list_of_one_country_is_read_from_its_index(declaration):
    Signature.objects.bulk_create(
        Signature(
            declaration=declaration,
            full_name=f"Signatory {n}",
            search_name=f"signatory {n}",
            authority_name=f"Town {n}",
            country=("FR", "DE", "IT", "ES")[n % 4],
            email=f"s{n}@example.org",
            signed_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=n % 900),
        )
        for n in range(4000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE declarations_signature")

    plan = (
        Signature.objects.filter(country="FR").order_by("-signed_on", "full_name")[:100].explain()
    )

    # Not every signature read and sorted to show the first hundred of one country.
    assert "signatures_country_signed_idx" in plan, plan


def test_changelist_queries_do_not_grow_with_rows(
    staff_client, declaration, django_assert_max_num_queries
):
    member = make_member()
    for _ in range(30):
        make_signature(member=member)

    with django_assert_max_num_queries(15):
        staff_client.get(CHANGELIST)


def test_verify_action_reports_counts(staff_client, declaration, staff):
    pending = [
        make_signature(status=Signature.Status.PENDING, email_confirmed_at=timezone.now())
        for _ in range(3)
    ]
    already = make_signature(status=Signature.Status.VERIFIED)

    response = run_action(staff_client, "verify", [*pending, already])

    assert messages_of(response) == ["3 signatures verified, 1 was already verified."]
    assert (
        Signature.objects.filter(status=Signature.Status.VERIFIED, verified_by=staff).count() == 3
    )


def test_verify_action_leaves_and_names_a_form_signature_whose_e_mail_is_unconfirmed(
    staff_client, client, declaration, mailoutbox, django_capture_on_commit_callbacks
):
    confirmed = make_signature(
        full_name="Erika Mustermann",
        status=Signature.Status.PENDING,
        email_confirmed_at=timezone.now(),
    )
    unconfirmed = make_signature(full_name="Jane Doe", status=Signature.Status.PENDING)

    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(staff_client, "verify", [confirmed, unconfirmed])

    assert messages_of(response) == [
        "1 signature verified, 1 was not verified because its e-mail address has not been "
        "confirmed: Jane Doe."
    ]
    unconfirmed.refresh_from_db()
    assert unconfirmed.status == Signature.Status.PENDING
    assert [message.to for message in mailoutbox] == [[confirmed.email]]
    listed = client.get("/en/declaration/").content.decode()
    assert "Erika Mustermann" in listed and "Jane Doe" not in listed


def test_verify_action_verifies_a_paper_signature_without_e_mail_confirmation(
    staff_client, declaration
):
    paper = make_signature(
        full_name="Joe Bloggs", status=Signature.Status.PENDING, source=Signature.Source.PAPER
    )

    response = run_action(staff_client, "verify", [paper])

    assert messages_of(response) == ["1 signature verified."]
    paper.refresh_from_db()
    assert paper.status == Signature.Status.VERIFIED


def test_verify_action_says_why_a_withdrawn_signature_was_left(staff_client, declaration):
    withdrawn = make_signature(status=Signature.Status.WITHDRAWN)

    response = run_action(staff_client, "verify", [withdrawn])

    assert messages_of(response) == [
        "0 signatures verified, 1 was not verified because it is rejected or withdrawn."
    ]
    withdrawn.refresh_from_db()
    assert withdrawn.status == Signature.Status.WITHDRAWN


def test_reject_action_asks_for_a_reason_then_rejects(staff_client, declaration, staff):
    signature = make_signature(full_name="Fulano Fulanez", status=Signature.Status.PENDING)

    confirmation = run_action(staff_client, "reject", [signature])

    assert "Reason for rejection" in confirmation.content.decode()
    assert "Fulano Fulanez" in confirmation.content.decode()
    signature.refresh_from_db()
    assert signature.status == Signature.Status.PENDING

    response = run_action(
        staff_client, "reject", [signature], post="yes", reason="Not an elected representative."
    )

    assert messages_of(response) == ["1 signature rejected."]
    signature.refresh_from_db()
    assert signature.status == Signature.Status.REJECTED
    assert signature.rejection_reason == "Not an elected representative."
    assert signature.status_changed_by == staff


def test_withdraw_action_reports_counts(staff_client, declaration):
    verified = [make_signature() for _ in range(2)]
    withdrawn = make_signature(status=Signature.Status.WITHDRAWN)

    response = run_action(staff_client, "withdraw", [*verified, withdrawn])

    assert messages_of(response) == ["2 signatures marked withdrawn, 1 was already withdrawn."]


def test_status_cannot_be_edited_by_hand(staff_client, declaration):
    signature = make_signature(status=Signature.Status.PENDING)

    content = staff_client.get(f"{CHANGELIST}{signature.pk}/change/").content.decode()

    assert 'name="status"' not in content
    assert "The buttons at the top of this page" in content


def test_adding_a_duplicate_signature_in_the_admin_is_refused(staff_client, declaration):
    make_signature(full_name="Jan Kowalski", authority_name="Placeholm", country="PL")

    response = staff_client.post(
        f"{CHANGELIST}add/",
        {
            "declaration": declaration.pk,
            "full_name": "Jan Kowalski",
            "office": "mayor",
            "authority_name": "Placeholm",
            "country": "PL",
            "signed_on": "2019-01-01",
            "email": "",
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "has already signed this declaration" in response.content.decode()
    assert Signature.objects.count() == 1


def test_adding_a_paper_signature_links_its_member(staff_client, declaration):
    member = make_member(name="Sampleton", country="IE")

    response = staff_client.post(
        f"{CHANGELIST}add/",
        {
            "declaration": declaration.pk,
            "full_name": "Joe Bloggs",
            "office": "councillor",
            "authority_name": "Sampleton",
            "country": "IE",
            "signed_on": "2019-01-01",
            "email": "",
            "language": "en",
        },
    )

    assert response.status_code == 302
    signature = Signature.objects.get()
    assert signature.member == member
    assert signature.status == Signature.Status.PENDING


def test_a_signature_added_by_staff_is_a_paper_one_listed_and_filtered_as_such(
    staff_client, declaration
):
    make_signature(full_name="Erika Mustermann")
    staff_client.post(
        f"{CHANGELIST}add/",
        {
            "declaration": declaration.pk,
            "full_name": "Joe Bloggs",
            "office": "councillor",
            "authority_name": "Sampleton",
            "country": "IE",
            "signed_on": "2019-01-01",
            "email": "joe@example.org",
            "language": "en",
        },
    )

    paper_only = staff_client.get(CHANGELIST + "?source__exact=paper").content.decode()

    assert Signature.objects.get(full_name="Joe Bloggs").source == Signature.Source.PAPER
    assert "Joe Bloggs" in paper_only and "Erika Mustermann" not in paper_only
    assert "on paper, entered by staff" in paper_only


def test_declaration_admin_lists_public_signature_counts(staff_client, declaration):
    make_signature()
    make_signature(status=Signature.Status.PENDING)

    content = staff_client.get("/admin/declarations/declaration/").content.decode()

    assert '<td class="field-public_signatures">1</td>' in content


def test_a_second_current_declaration_is_refused_with_a_clear_message(staff_client, declaration):
    response = staff_client.post(
        "/admin/declarations/declaration/add/",
        {
            "title_en": "Another declaration",
            "title_fr": "",
            "slug": "another",
            "endorsed_on": "2030-01-01",
            "text_en": "Text.",
            "text_fr": "",
            "commitment_en": "",
            "commitment_fr": "",
            "is_published": "on",
            "is_current": "on",
        },
    )

    assert response.status_code == 200
    assert "Another declaration is already current" in response.content.decode()
    assert Declaration.objects.count() == 1


def test_adding_a_signature_from_an_address_that_has_signed_is_refused_in_the_admin(
    staff_client, declaration
):
    make_signature(email="jan@placeholm.example.org")

    response = staff_client.post(
        f"{CHANGELIST}add/",
        {
            "declaration": declaration.pk,
            "full_name": "Jan Kowalski",
            "office": "mayor",
            "authority_name": "Placeholm",
            "country": "PL",
            "signed_on": "2019-01-01",
            "email": "Jan@Placeholm.example.org",
            "language": "en",
        },
    )

    assert response.status_code == 200
    assert "A signature with this e-mail address has already been received" in response.text
    assert Signature.objects.count() == 1
