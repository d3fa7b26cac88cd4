"""What each row of the long lists shows: the directory, a country page's members and the
Declaration's signatories, in both languages."""

import datetime

import pytest

from declarations.models import Signature
from members.models import Member
from tests.factories import make_member, make_signature

pytestmark = pytest.mark.django_db


def row_of(html, needle):
    """The <tr> or <li> of the page that holds `needle`."""
    at = html.index(needle)
    start = max(html.rfind("<tr>", 0, at), html.rfind("<li>", 0, at))
    end = html.index("</tr>" if html[start:].startswith("<tr>") else "</li>", at)
    return html[start:end]


def test_a_directory_row_names_links_and_dates_the_member(client):
    member = make_member(
        name="Wien",
        display_name_en="Vienna",
        display_name_fr="Vienne",
        kind=Member.Kind.REGION,
        country="AT",
        joined_on=datetime.date(2019, 3, 14),
    )

    english = row_of(client.get("/en/members/").content.decode(), "Vienna")
    french = row_of(client.get("/fr/members/").content.decode(), "Vienne")

    assert f'<a href="/en/members/{member.slug}/">Vienna</a>' in english
    assert '<span class="meta small">(Wien)</span>' in english
    assert '<td data-label="Kind">Region</td>' in english
    assert '<td data-label="Country"><a href="/en/countries/at/">Austria</a></td>' in english
    assert '<time datetime="2019-03-14">March 2019</time>' in english
    assert '<td data-label="Type">Région</td>' in french
    assert '<a href="/fr/countries/at/">Autriche</a>' in french
    assert '<time datetime="2019-03-14">mars 2019</time>' in french


def test_a_member_known_by_its_local_name_only_shows_it_once(client):
    make_member(name="Łódź", country="PL")

    row = row_of(client.get("/en/members/").content.decode(), "Łódź")

    assert row.count("Łódź") == 1


def test_names_are_escaped_in_the_rows(client):
    make_member(name="Town <b>bold</b> & co", country="FR")

    html = client.get("/en/members/").content.decode()

    assert "Town &lt;b&gt;bold&lt;/b&gt; &amp; co" in html
    assert "<b>bold</b>" not in html


def test_a_country_page_lists_each_member_with_its_kind_and_year(client):
    member = make_member(name="Graz", country="AT", joined_on=datetime.date(2021, 6, 1))
    make_member(name="Tirol", kind=Member.Kind.REGION, country="AT", joined_on=None)

    english = client.get("/en/countries/at/").content.decode()
    french = client.get("/fr/countries/at/").content.decode()

    assert (
        f'<li><a href="/en/members/{member.slug}/">Graz</a> '
        '<span class="meta">(city, since 2021)</span></li>'
    ) in english
    assert '<span class="meta">(region)</span>' in english
    assert '<span class="meta">(ville, depuis 2021)</span>' in french


def test_a_signatory_row_links_the_authority_only_when_its_member_is_public(client):
    approved = make_member(name="Graz", country="AT")
    pending = make_member(name="Linz", country="AT", status=Member.Status.PENDING)
    make_signature(
        full_name="Anna Example",
        office=Signature.Office.MAYOR,
        member=approved,
        authority_name="Stadt Graz",
        country="AT",
        signed_on=datetime.date(2024, 5, 2),
    )
    make_signature(full_name="Ben Example", member=pending, authority_name="Stadt Linz")

    html = client.get("/en/declaration/").content.decode()
    anna, ben = row_of(html, "Anna Example"), row_of(html, "Ben Example")

    assert '<th scope="row">Anna Example</th>' in anna
    assert '<td data-label="Office">Mayor</td>' in anna
    assert (
        f'<td data-label="Authority"><a href="/en/members/{approved.slug}/">Graz</a></td>' in anna
    )
    assert '<td data-label="Country">Austria</td>' in anna
    assert '<time datetime="2024-05-02">2 May 2024</time>' in anna
    assert '<td data-label="Authority">Stadt Linz</td>' in ben
    assert "/members/" not in ben
