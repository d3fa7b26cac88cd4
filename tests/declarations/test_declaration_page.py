import re

import pytest

from declarations.models import Declaration, Signature
from members.models import Member
from tests.factories import make_member, make_signature

from .conftest import bulk_signatures

pytestmark = pytest.mark.django_db

URL = "/en/declaration/"


def test_page_shows_the_text_the_endorsement_month_and_a_sign_link(client, declaration):
    content = client.get(URL).content.decode()

    assert '<h1 id="declaration-title">Declaration against anti-Gypsyism</h1>' in content
    assert "strive for the fair representation of Roma and Travellers" in content
    assert "Endorsed by the Congress of Local and Regional Authorities in March 2017." in content
    assert 'href="/en/declaration/sign/"' in content


def test_french_page_gives_the_month_in_french(client, declaration):
    content = client.get("/fr/declaration/").content.decode()

    assert "Déclaration contre l’antitsiganisme" in content
    assert "mars 2017" in content


def test_page_counts_the_public_signatures_and_their_countries(client, declaration):
    make_signature(country="FR")
    make_signature(country="FR")
    make_signature(country="RO")
    make_signature(country="HU", status=Signature.Status.PENDING)

    content = client.get(URL).content.decode()

    assert "<strong>3</strong> elected representatives from <strong>2</strong> countries" in content


def test_list_shows_name_office_authority_country_and_date(client, declaration):
    make_signature(
        full_name="Jean Dupont",
        office=Signature.Office.DEPUTY_MAYOR,
        authority_name="Demoville",
        country="FR",
        signed_on="2018-05-24",
    )

    content = client.get(URL).content.decode()

    assert "Jean Dupont" in content
    assert "Deputy mayor" in content
    assert "Demoville" in content
    assert "France" in content
    assert "24 May 2018" in content


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Signature.Status.PENDING},
        {"status": Signature.Status.REJECTED},
        {"status": Signature.Status.WITHDRAWN},
        {"consent_to_publish": False},
    ],
    ids=["pending", "rejected", "withdrawn", "no-consent"],
)
def test_only_verified_and_consented_signatures_are_listed(client, declaration, fields):
    make_signature(full_name="Hidden Signatory", **fields)

    content = client.get(URL).content.decode()

    assert "Hidden Signatory" not in content
    assert "No elected representative has signed the Declaration yet." in content


def test_signatories_e_mails_never_appear(client, declaration):
    make_signature(email="private.address@example.org")

    assert "private.address@example.org" not in client.get(URL).content.decode()


def test_authority_links_to_the_profile_of_an_approved_member(client, declaration):
    member = make_member(name="Strasbourg")
    make_signature(authority_name="Strasbourg", member=member)

    content = client.get(URL).content.decode()

    assert f'<a href="{member.get_absolute_url()}">Strasbourg</a>' in content


def test_authority_of_a_member_that_left_is_not_linked(client, declaration):
    member = make_member(name="Formertown", status=Member.Status.LEFT)
    make_signature(authority_name="Formertown", member=member)

    content = client.get(URL).content.decode()

    assert "Formertown" in content
    assert member.get_absolute_url() not in content


def test_filter_by_country(client, declaration):
    make_signature(full_name="Anna Rossi", country="IT")
    make_signature(full_name="Jan Kowalski", country="PL")

    content = client.get(URL, {"country": "IT"}).content.decode()

    assert "Anna Rossi" in content
    assert "Jan Kowalski" not in content
    assert '<option value="IT" selected>Italy</option>' in content


def test_search_by_name_ignores_accents_and_case(client, declaration):
    make_signature(full_name="Jan Novák")
    make_signature(full_name="Matti Meikäläinen")

    content = client.get(URL, {"q": "NOVAK"}).content.decode()

    assert "Jan Novák" in content
    assert "Meikäläinen" not in content
    assert "1 signatory matches." in content
    assert re.search(r'<input[^>]*name="q"[^>]*value="NOVAK"', content)  # kept as typed


@pytest.mark.parametrize(
    "query",
    [
        {"country": "XX"},
        {"country": "<script>"},
        {"page": "abc"},
        {"page": "999"},
        {"q": "x" * 500},
    ],
)
def test_bad_filters_still_give_a_page(client, declaration, query):
    make_signature(full_name="Anna Rossi")

    response = client.get(URL, query)

    assert response.status_code == 200


def test_an_invalid_page_number_shows_the_last_page(client, declaration):
    bulk_signatures(declaration, 51)

    content = client.get(URL, {"page": "999"}).content.decode()

    assert "Page 2 of 2" in content


def test_pagination_keeps_the_filters(client, declaration):
    bulk_signatures(declaration, 240)

    content = client.get(URL, {"country": "FR"}).content.decode()

    assert 'href="?country=FR&amp;page=2"' in content


def test_page_answers_when_no_declaration_is_current(client):
    response = client.get(URL)

    assert response.status_code == 200
    assert "has not been published on this site yet" in response.content.decode()


def test_unpublished_declaration_is_not_shown(client, declaration):
    Declaration.objects.filter(pk=declaration.pk).update(is_published=False)

    content = client.get(URL).content.decode()

    assert "has not been published on this site yet" in content


@pytest.mark.parametrize("count", [10, 1000])
def test_page_runs_a_constant_number_of_queries(
    client, declaration, count, django_assert_max_num_queries
):
    bulk_signatures(declaration, count)
    # Every signature links to a member, so the list would cost a query per row otherwise.
    Signature.objects.update(member=make_member(name="Member town"))

    # The declaration, the countries, the totals, the count and the page of rows.
    with django_assert_max_num_queries(5):
        response = client.get(URL, {"country": "FR", "q": "signatory"})

    assert response.status_code == 200
    assert response.content.decode().count('href="/en/members/member-town/"') == min(
        len(range(0, count, 4)), 50
    )


@pytest.mark.parametrize("query", ["zolc", "ŻÓŁĆ", "Łukasz Żółć", "lukasz"])
def test_search_folds_accents_and_case_of_the_signatory_s_name(client, declaration, query):
    make_signature(full_name="Łukasz Żółć")
    make_signature(full_name="Matti Meikäläinen")

    content = client.get(URL, {"q": query}).content.decode()

    assert "Łukasz Żółć" in content
    assert "Meikäläinen" not in content
    assert "1 signatory matches." in content


@pytest.mark.parametrize("query", ["Zolc", "zółć"])
def test_search_finds_a_name_written_without_accents_by_one_with_them(client, declaration, query):
    make_signature(full_name="Jan Zolc")
    make_signature(full_name="Matti Meikäläinen")

    content = client.get(URL, {"q": query}).content.decode()

    assert "Jan Zolc" in content
    assert "Meikäläinen" not in content
    assert "1 signatory matches." in content


@pytest.mark.parametrize("query", ["krakow", "KRAKÓW"])
def test_search_finds_signatories_by_their_authority(client, declaration, query):
    make_signature(full_name="Anna Nowak", authority_name="Kraków")
    make_signature(full_name="Matti Meikäläinen", authority_name="Oulu")

    content = client.get(URL, {"q": query}).content.decode()

    assert "Anna Nowak" in content
    assert "Meikäläinen" not in content
    assert "1 signatory matches." in content
