"""The about page tells the Alliance's history and names its partners, in both languages, and
an about page written before those sections gets them without losing what staff wrote."""

import re

import pytest

from alliance.content import PAGES, add_history_and_partners
from alliance.models import Page

pytestmark = pytest.mark.django_db


def headings(html):
    return re.findall(r"<h2[^>]*>(.*?)</h2>", html)


def link(html, address):
    """The words of the page text's link to `address` (the navigation's links aside)."""
    text = html[html.index('<div class="prose"') :]
    return re.search(rf'<a href="{address}"[^>]*>(.*?)</a>', text).group(1)


def test_the_about_page_tells_the_history_and_names_the_partners_in_english(client):
    html = client.get("/en/about/").content.decode()

    assert {"History", "Partners"} <= set(headings(html))
    for fact in ("Budapest (2012)", "Radenci (2013)", "March 2017", "24 May 2018", "CAHROM"):
        assert fact in html
    assert link(html, "/en/declaration/") == "Declaration against anti-Gypsyism"
    assert link(html, "/en/cooperate/") == "propose a cooperation"
    assert link(html, "/en/participants/") == "members’ space"
    # Before "Joining", which stays the page's last section.
    assert headings(html).index("Partners") < headings(html).index("Joining")


def test_the_about_page_tells_the_history_and_names_the_partners_in_french(client):
    html = client.get("/fr/about/").content.decode()

    assert {"Historique", "Partenaires"} <= set(headings(html))
    assert "Radenci (2013)" in html
    assert "24\N{NO-BREAK SPACE}mai\N{NO-BREAK SPACE}2018" in html or "24 mai 2018" in html
    assert link(html, "/fr/declaration/") == "Déclaration contre l’antitsiganisme"
    assert link(html, "/fr/cooperate/") == "proposent une coopération"


def test_an_about_page_written_before_gets_the_sections_before_joining():
    about = Page.objects.get(slug="about")
    first_en = PAGES["about"]["body_en"].replace(
        PAGES["about"]["body_en"][
            PAGES["about"]["body_en"].index("## History") : PAGES["about"]["body_en"].index(
                "## Joining"
            )
        ],
        "",
    )
    about.body_en = about.body = "Staff's own opening.\n\n" + first_en
    about.body_fr = "Texte réécrit par le personnel, sans section d’adhésion."
    about.save()

    assert add_history_and_partners(Page) is True
    about.refresh_from_db()
    assert about.body_en.startswith("Staff's own opening.")
    assert about.body_en.index("## History") < about.body_en.index("## Joining")
    assert about.body == about.body_en
    # A French text without the heading the sections go before is left as staff wrote it.
    assert about.body_fr == "Texte réécrit par le personnel, sans section d’adhésion."
    # Once added, running it again changes nothing.
    assert add_history_and_partners(Page) is False
