import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from members.models import Member
from tests.factories import make_member

pytestmark = pytest.mark.django_db


def test_the_same_name_in_two_countries_gets_two_distinct_slugs(client):
    polish = make_member(name="Łódź", country="PL")
    other = make_member(name="Łódź", country="UA")

    assert polish.slug == "lodz"
    assert other.slug == "lodz-2"
    assert client.get("/en/members/lodz/").context["member"] == polish
    assert client.get("/en/members/lodz-2/").context["member"] == other


def test_a_slug_does_not_change_when_the_name_does():
    member = make_member(name="Kiev", country="UA")

    member.name = "Kyiv"
    member.save()

    assert member.slug == "kiev"
    assert member.search_name == "kyiv"


def test_a_name_in_greek_or_cyrillic_gets_a_readable_slug():
    assert make_member(name="Θεσσαλονίκη", country="GR").slug == "thessaloniki"
    assert make_member(name="Ужгород", country="UA").slug == "uzhgorod"


def test_search_ignores_case_and_accents_on_both_sides():
    lodz = make_member(name="Łódź", country="PL")
    make_member(name="Kraków", country="PL")

    for query in ["lodz", "ŁÓDŹ", "Łódź", "  lódz "]:
        assert list(Member.objects.search(query)) == [lodz]


def test_the_database_refuses_a_second_active_member_with_the_same_name_and_country():
    make_member(name="Łódź", country="PL")

    with pytest.raises(IntegrityError):
        make_member(name="LODZ", country="PL", status=Member.Status.PENDING)


def test_clean_explains_a_duplicate_in_words():
    make_member(name="Łódź", country="PL", status=Member.Status.PENDING)
    duplicate = Member(name="lodz", country="PL", kind="city")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert "has already been received and is being reviewed" in str(error.value)


def test_coordinates_out_of_range_are_refused():
    member = Member(name="Atlantis", country="GR", kind="city", latitude=91, longitude=0)

    with pytest.raises(ValidationError) as error:
        member.full_clean()

    assert "latitude" in error.value.message_dict
