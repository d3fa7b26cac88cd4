"""The practices' public pages: the list with its filters and search, one practice, and the
practices on members' profiles, country pages and the home page."""

import csv
import io
import json
import re

import feedparser
import pytest
from django.utils import translation

from members.models import Member
from practices.models import Attachment, Practice, PracticeLink, Theme
from tests.factories import make_member, make_practice

pytestmark = pytest.mark.django_db


def titles(response):
    return re.findall(r'<h3 class="h5 mb-1"><a href="[^"]+"[^>]*>([^<]+)</a>', response.text)


@pytest.fixture
def lyon(db):
    return make_member(name="Lyon", slug="lyon", country="FR")


@pytest.fixture
def lodz(db):
    return make_member(name="Łódź", slug="lodz", country="PL")


@pytest.fixture
def schools(lyon):
    return make_practice(
        title="School mediators in every district",
        title_fr="Des médiateurs scolaires dans chaque quartier",
        summary="Mediators accompany Roma pupils and their families.",
        summary_fr="Des médiateurs accompagnent les élèves roms et leurs familles.",
        body="The *mediators* meet the families at home.",
        body_fr="Les *médiateurs* rencontrent les familles chez elles.",
        slug="school-mediators",
        themes=["education", "mediation-and-services"],
        members=[lyon],
        start_year=2014,
        end_year=2018,
    )


@pytest.fixture
def housing(lodz):
    return make_practice(
        title="Łódź social housing for families",
        summary="Flats renovated with the families who live in them.",
        slug="lodz-housing",
        themes=["housing"],
        members=[lodz],
        start_year=2019,
    )


def test_the_list_shows_the_published_practices_newest_first(client, schools, housing):
    response = client.get("/en/practices/")

    assert response.status_code == 200
    assert titles(response) == [
        "School mediators in every district",
        "Łódź social housing for families",
    ]
    assert "2 practices" in response.text


def test_each_filter_option_shows_how_many_practices_it_holds(client, schools, housing):
    response = client.get("/en/practices/")

    assert '<option value="education">Education (1)</option>' in response.text
    assert '<option value="FR">France (1)</option>' in response.text
    assert '<option value="2016">2016 (1)</option>' in response.text
    # An ongoing practice counts in every year until this one.
    assert re.search(r'<option value="2020">2020 \(1\)</option>', response.text)
    # A theme no published practice has is not offered.
    assert 'value="health"' not in response.text


def test_the_kept_filter_options_follow_the_data_and_the_language(
    client, settings, schools, housing, lyon
):
    """The options are kept, labelled and sorted, until the data change (COUNTER_CACHE_SECONDS):
    each language has its own, and a newly published practice counts at once."""
    settings.COUNTER_CACHE_SECONDS = 60
    assert '<option value="FR">France (1)</option>' in client.get("/en/practices/").text
    assert '<option value="PL">Pologne (1)</option>' in client.get("/fr/practices/").text

    make_practice(title="Roma youth in the city council", members=[lyon], start_year=2016)

    english = client.get("/en/practices/").text
    assert '<option value="FR">France (2)</option>' in english
    assert '<option value="2016">2016 (2)</option>' in english
    french = client.get("/fr/practices/").text
    assert '<option value="FR">France (2)</option>' in french
    assert french.index('value="FR"') < french.index('value="PL"')  # by their French names


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("theme=housing", ["Łódź social housing for families"]),
        ("country=fr", ["School mediators in every district"]),
        ("member=lodz", ["Łódź social housing for families"]),
        ("year=2016", ["School mediators in every district"]),
        ("year=2020", ["Łódź social housing for families"]),
        ("theme=education&country=PL", []),
    ],
)
def test_filters_narrow_the_list(client, schools, housing, query, expected):
    response = client.get(f"/en/practices/?{query}")

    assert titles(response) == expected


def test_a_filter_that_matches_nothing_says_so_and_offers_to_clear_it(client, schools, housing):
    response = client.get("/en/practices/?theme=education&country=PL")

    assert "No practice matches this search or these filters." in response.text
    assert 'href="/en/practices/">Clear the filters and show every practice</a>' in response.text


def test_a_value_that_does_not_exist_is_reported_not_a_500(client, schools):
    response = client.get("/en/practices/?theme=nonsense&year=abc&member=nobody")

    assert response.status_code == 200
    assert titles(response) == ["School mediators in every district"]
    assert 'aria-invalid="true"' in response.text


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("en", "mediators"),
        ("en", "MÉDIATORS"),
        ("fr", "médiateurs"),
        ("fr", "mediateurs"),
        ("fr", "eleves roms"),
        ("en", "élèves"),
    ],
)
def test_search_finds_words_in_either_language_with_or_without_accents(
    client, schools, housing, language, query
):
    response = client.get(f"/{language}/practices/", {"q": query})

    assert len(titles(response)) == 1
    assert "/practices/school-mediators/" in response.text


def test_search_finds_a_name_written_with_letters_of_its_own_language(client, schools, housing):
    for query in ("lodz", "Łódź"):
        response = client.get("/en/practices/", {"q": query})
        assert titles(response) == ["Łódź social housing for families"]


def test_search_ranks_a_match_in_the_title_first(client, schools, housing):
    make_practice(title="Families first", summary="Also about housing.", slug="families-first")

    response = client.get("/en/practices/", {"q": "housing"})

    assert titles(response) == ["Łódź social housing for families", "Families first"]
    assert "most relevant first" in response.text


def test_search_that_finds_nothing_says_so(client, schools):
    response = client.get("/en/practices/", {"q": "zzzz"})

    assert titles(response) == []
    assert "No practice matches this search or these filters." in response.text


def test_the_queryset_search_serves_a_site_wide_search(schools, housing):
    found = Practice.objects.published().search("ecole mediateurs")

    assert list(found) == []  # every word must appear
    assert list(Practice.objects.published().search("médiateurs")) == [schools]


def test_the_list_is_paginated_and_the_filters_stay_in_the_page_links(client):
    for n in range(25):
        make_practice(title=f"Housing practice {n}", themes=["housing"])

    response = client.get("/en/practices/?theme=housing")

    assert len(titles(response)) == 20
    assert "?theme=housing&amp;page=2" in response.text
    assert len(titles(client.get("/en/practices/?theme=housing&page=2"))) == 5


def test_the_practice_page_shows_what_the_practice_holds(client, schools, lyon):
    schools.target_groups = "Roma pupils aged 6 to 16"
    schools.partners = "Rectorat de Lyon"
    schools.budget = "€120,000 a year"
    schools.funding = "City budget"
    schools.results = "Attendance rose by a third."
    schools.lessons = "Mediators must come from the neighbourhood."
    schools.contact_role = "Roma inclusion office, City of Lyon"
    schools.save()
    PracticeLink.objects.create(
        practice=schools, title="The city's page", url="https://lyon.example.org/"
    )

    response = client.get("/en/practices/school-mediators/")

    text = response.text
    assert "<em>mediators</em>" in text
    assert f'<a href="{lyon.get_absolute_url()}">Lyon</a>' in text
    assert '<a href="/en/countries/fr/">France</a>' in text
    assert '<a href="/en/practices/?theme=education">Education</a>' in text
    for value in [
        "2014–2018",
        "Roma pupils aged 6 to 16",
        "Rectorat de Lyon",
        "€120,000 a year",
        "City budget",
        "Attendance rose by a third.",
        "Mediators must come from the neighbourhood.",
        "Roma inclusion office, City of Lyon",
        'href="https://lyon.example.org/"',
    ]:
        assert value in text


def test_the_practice_page_has_open_graph_and_hreflang(client, schools):
    response = client.get("/fr/practices/school-mediators/")

    text = response.text
    assert (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/practices/school-mediators/">'
        in text
    )
    assert (
        '<link rel="alternate" hreflang="fr" href="http://testserver/fr/practices/school-mediators/">'
        in text
    )
    assert (
        '<meta property="og:title" content="Des médiateurs scolaires dans chaque quartier">' in text
    )
    assert '<meta property="og:locale" content="fr_FR">' in text
    assert '<link rel="canonical" href="http://testserver/fr/practices/school-mediators/">' in text


def test_a_practice_not_yet_translated_is_shown_in_english_and_says_so(client, housing):
    response = client.get("/fr/practices/lodz-housing/")

    # "Available in English only", in French ("Disponible en anglais uniquement").
    assert '<p class="translation-note">' in response.text
    assert (
        '<h1 id="practice-title" lang="en">Łódź social housing for families</h1>' in response.text
    )


def test_the_practice_page_suggests_more_practices_on_its_theme(client, schools):
    other = make_practice(title="Homework clubs", themes=["education"])
    make_practice(title="Unrelated", themes=["health"])
    make_practice(title="A draft on education", themes=["education"], status=Practice.Status.DRAFT)

    response = client.get("/en/practices/school-mediators/")

    assert "More practices on Education" in response.text
    assert f'<a href="{other.get_absolute_url()}">Homework clubs</a>' in response.text
    assert "Unrelated" not in response.text
    assert "A draft on education" not in response.text


def test_attachments_are_listed_with_their_size_and_language(client, schools, tmp_path, settings):
    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    attachment = Attachment(practice=schools, title="Evaluation report", language="fr")
    attachment.file.save("report.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2000), save=False)
    attachment.save()

    response = client.get("/en/practices/school-mediators/")

    assert (
        f'<a href="{attachment.get_absolute_url()}" hreflang="fr">Evaluation report</a>'
        in response.text
    )
    assert "(PDF, 2.0\xa0KB, French)" in response.text
    served = client.get(attachment.get_absolute_url())
    assert served["Content-Type"] == "application/pdf"
    assert served["X-Content-Type-Options"] == "nosniff"
    assert 'filename="evaluation-report.pdf"' in served["Content-Disposition"]


def test_a_member_s_profile_lists_its_published_practices(client, schools, lyon):
    make_practice(title="A draft of Lyon", members=[lyon], status=Practice.Status.DRAFT)

    response = client.get(lyon.get_absolute_url())

    assert (
        '<a href="/en/practices/school-mediators/">School mediators in every district</a>'
        in response.text
    )
    assert "/en/practices/?member=lyon" in response.text
    assert "A draft of Lyon" not in response.text


def test_a_country_page_lists_its_members_published_practices(client, schools, housing):
    response = client.get("/en/countries/fr/")

    assert "School mediators in every district" in response.text
    assert "Łódź social housing" not in response.text
    assert "/en/practices/?country=FR" in response.text


def test_the_home_page_shows_recent_practices(client, schools):
    response = client.get("/fr/")

    assert "Des médiateurs scolaires dans chaque quartier" in response.text


def test_the_feeds_carry_the_published_practices(client, schools, housing):
    make_practice(title="A draft", status=Practice.Status.DRAFT)

    rss = feedparser.parse(client.get("/en/practices/feed/").content)
    atom = feedparser.parse(client.get("/fr/practices/feed/atom/").content)

    assert [entry.title for entry in rss.entries] == [
        "School mediators in every district",
        "Łódź social housing for families",
    ]
    assert rss.entries[0].link == "http://testserver/en/practices/school-mediators/"
    assert atom.entries[0].title == "Des médiateurs scolaires dans chaque quartier"


def test_the_sitemap_lists_the_published_practices_in_both_languages(client, schools):
    make_practice(title="A draft", slug="a-draft", status=Practice.Status.DRAFT)

    text = client.get("/sitemap.xml").text

    assert "http://testserver/en/practices/school-mediators/" in text
    assert "http://testserver/fr/practices/school-mediators/" in text
    assert "a-draft" not in text


def test_the_open_data_hold_public_fields_only_and_no_formula(client, schools, lyon):
    schools.partners = '=HYPERLINK("http://evil.example")'
    schools.submitter_email = "private.person@example.org"
    schools.save()

    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/data/practices.csv")).decode())))
    data = json.loads(client.get("/data/practices.json").content)

    (row,) = rows
    assert row["title_fr"] == "Des médiateurs scolaires dans chaque quartier"
    assert row["themes"] == "education; mediation-and-services"
    assert row["members"] == "Lyon"
    assert row["countries"] == "FR"
    assert row["partners_en"].startswith("'=HYPERLINK")
    assert row["url"] == "http://testserver/en/practices/school-mediators/"
    assert data["count"] == 1
    assert data["practices"][0]["end_year"] == 2018
    everything = b"".join(client.get("/data/practices.csv")).decode() + json.dumps(data)
    assert "private.person@example.org" not in everything
    assert "submitter" not in everything


def test_the_theme_names_are_translated_in_the_filters(client, schools):
    response = client.get("/fr/practices/")

    assert "Éducation (1)" in response.text
    with translation.override("fr"):
        assert Theme.objects.get(slug="education").name == "Éducation"


@pytest.mark.parametrize("count", [5, 60])
@pytest.mark.parametrize(
    "path",
    ["/en/practices/", "/en/practices/?q=housing&theme=housing&country=FR&year=2016&page=2"],
)
def test_the_list_takes_a_constant_number_of_queries(
    client, django_assert_max_num_queries, count, path
):
    members = [make_member(country=code) for code in ("FR", "PL", "RO")]
    for n in range(count):
        make_practice(
            title=f"Housing {n}", themes=["housing", "education"], members=members[: n % 3 + 1]
        )

    with django_assert_max_num_queries(8):
        response = client.get(path)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [5, 60])
def test_a_practice_page_takes_a_constant_number_of_queries(
    client, django_assert_max_num_queries, count
):
    members = [make_member(country=code) for code in ("FR", "PL", "RO")]
    for n in range(count):
        make_practice(title=f"Housing {n}", themes=["housing"], members=members)
    practice = Practice.objects.published().first()

    with django_assert_max_num_queries(9):
        response = client.get(practice.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "2016 – ongoing · Budapest District VIII (Hungary), Łódź (Poland) · Education, Housing"),
        ("fr", "2016 – en cours · Budapest VIIIe arrondissement (Hongrie), Łódź (Pologne) · Éducation, Logement"),
    ],
)  # fmt: skip
def test_a_card_names_its_members_and_themes_in_the_visitors_language(
    client, lodz, language, expected
):
    budapest = make_member(
        name="Budapest VIII. kerület",
        display_name_en="Budapest District VIII",
        display_name_fr="Budapest VIIIe arrondissement",
        slug="budapest-viii",
        country="HU",
    )
    waiting = make_member(name="Waiting Town", country="AT", status=Member.Status.PENDING)
    make_practice(
        title="Homework clubs",
        start_year=2016,
        themes=["housing", "education"],
        members=[lodz, waiting, budapest],
    )

    response = client.get(f"/{language}/practices/")

    meta = re.search(r'<p class="meta small mb-1">([^<]*)</p>', response.text).group(1)
    assert meta == expected
    assert "Waiting Town" not in response.text  # a request waiting for a decision is never named


class TestThePracticePageKeptUntilTheDataChange:
    """A published practice, its themes and related practices are read once per data change
    (core.detail.KeptDetailMixin); what staff or a workflow change shows on the next request."""

    @pytest.fixture(autouse=True)
    def kept(self, settings):
        settings.COUNTER_CACHE_SECONDS = 600  # as by default

    def test_a_second_reading_runs_no_query(self, client, schools, django_assert_num_queries):
        client.get("/en/practices/school-mediators/")

        with django_assert_num_queries(0):
            response = client.get("/en/practices/school-mediators/")

        assert "School mediators in every district" in response.text
        assert "Des médiateurs scolaires" in client.get("/fr/practices/school-mediators/").text

    def test_an_edit_a_related_practice_and_a_withdrawal_show_at_once(self, client, schools):
        url = "/en/practices/school-mediators/"
        client.get(url)

        schools.title_en = "School mediators in every district of Lyon"
        schools.save()
        make_practice(title="Homework clubs with Roma mentors", themes=["education"])
        html = client.get(url).text
        assert "School mediators in every district of Lyon" in html
        assert "Homework clubs with Roma mentors" in html

        schools.status = Practice.Status.ARCHIVED
        schools.save()
        assert client.get(url).status_code == 404
