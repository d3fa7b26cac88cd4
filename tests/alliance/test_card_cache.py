"""The cards of the lists are kept once rendered (templates/includes/_*_summary.html), as are
the rows of the directory and of the Declaration's signatories, but a visitor never sees an
outdated one: a card or row follows its row, what its row names (a member, a theme), the
language and what the page gives it (a country's outline)."""

import pytest
from django.test import override_settings

from members.models import Member
from tests.factories import (
    make_article,
    make_document,
    make_event,
    make_member,
    make_practice,
    make_signature,
    make_theme,
)

pytestmark = pytest.mark.django_db

# The cards are kept in the template_fragments cache; these tests need it on, as in production.
FRAGMENTS_KEPT = override_settings(
    CACHES={
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "template_fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "cards-under-test",
            "TIMEOUT": None,
        },
    }
)


@pytest.fixture(autouse=True)
def fragments_kept():
    from django.core.cache import caches

    with FRAGMENTS_KEPT:
        caches["template_fragments"].clear()
        yield
        caches["template_fragments"].clear()


def test_a_practice_card_names_a_member_by_its_new_name(client):
    member = make_member(name="Szeged", display_name_en="Szeged")
    make_practice(title_en="School mediators", members=[member])
    assert "Szeged" in client.get("/en/practices/").content.decode()

    # Staff correct the member's name in the admin: a save of a public row.
    member = Member.objects.get(pk=member.pk)
    member.display_name_en = "Szeged (Csongrád-Csanád)"
    member.save()

    page = client.get("/en/practices/").content.decode()
    assert "Szeged (Csongrád-Csanád)" in card_of(page, "School mediators", "practice")


def test_a_directory_row_follows_its_member_and_the_language(client):
    member = make_member(name="Kecskemét", kind=Member.Kind.CITY)
    assert "Kecskemét" in client.get("/en/members/").content.decode()

    member = Member.objects.get(pk=member.pk)
    member.display_name_en = "Kecskemét (Bács-Kiskun)"
    member.kind = Member.Kind.REGION
    member.save()

    row = row_of(client.get("/en/members/").content.decode(), "Kecskemét (Bács-Kiskun)")
    assert "Region" in row
    assert "Région" in row_of(client.get("/fr/members/").content.decode(), "Kecskemét")


def test_a_signatory_row_follows_its_signature_and_the_member_it_names(client):
    member = make_member(name="Nitra")
    signature = make_signature(full_name="Ivana Horváthová", member=member)
    page = client.get("/en/declaration/").content.decode()
    assert "Nitra" in row_of(page, "Ivana Horváthová")

    member = Member.objects.get(pk=member.pk)
    member.display_name_en = "Nitra Self-Governing Region"
    member.save()
    page = client.get("/en/declaration/").content.decode()
    assert "Nitra Self-Governing Region" in row_of(page, "Ivana Horváthová")

    signature.office = signature.Office.COUNCILLOR
    signature.save()
    page = client.get("/en/declaration/").content.decode()
    assert "Councillor" in row_of(page, "Ivana Horváthová")


def row_of(page, text):
    """The table row holding `text`."""
    at = page.index(text)
    return page[page.rindex("<tr>", 0, at) : page.index("</tr>", at)]


def test_a_practice_card_follows_a_renamed_theme(client):
    theme = make_theme_named("Housing")
    make_practice(title_en="Caravan sites renewed", themes=[theme.slug])
    page = client.get("/en/practices/").content.decode()
    assert "Housing" in card_of(page, "Caravan sites renewed", "practice")

    theme.name_en = "Housing and halting sites"
    theme.save()

    page = client.get("/en/practices/").content.decode()
    assert "Housing and halting sites" in card_of(page, "Caravan sites renewed", "practice")


def make_theme_named(name):
    return make_theme("housing-under-test", name)


@pytest.mark.parametrize(
    ("path", "make"),
    [
        (
            "practices",
            lambda: make_practice(title_en="Health mediators", title_fr="Médiateurs de santé"),
        ),
        ("news", lambda: make_article(title_en="Health mediators", title_fr="Médiateurs de santé")),
        ("events", lambda: make_event(title_en="Health mediators", title_fr="Médiateurs de santé")),
        (
            "library",
            lambda: make_document(title_en="Health mediators", title_fr="Médiateurs de santé"),
        ),
    ],
    ids=["practice", "article", "event", "document"],
)
def test_each_language_has_its_own_cards(client, path, make):
    make()
    assert "Health mediators" in client.get(f"/en/{path}/").content.decode()

    french = client.get(f"/fr/{path}/").content.decode()
    assert "Médiateurs de santé" in french
    assert "Health mediators" not in french


def test_an_article_card_on_a_country_page_keeps_the_country_s_outline(client):
    member = make_member(name="Lyon", country="FR")
    article = make_article(title_en="Lyon opens a mediation office", countries="FR")
    article.members.set([member])
    # The news list draws no outline; the country's page, given its code, does.
    news = client.get("/en/news/").content.decode()
    country = client.get("/en/countries/fr/").content.decode()

    assert "picture--fallback" in card_of(country, "Lyon opens a mediation office")
    assert "picture--fallback" not in card_of(news, "Lyon opens a mediation office")


def card_of(page, title, kind="article"):
    """The card (`<li class="<kind>-summary">`) titled `title` in `page`."""
    start = page.rindex(f'<li class="{kind}-summary', 0, page.index(title))
    return page[start : page.index("</li>", start)]
