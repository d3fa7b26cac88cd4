"""Every page's footer and the about page link to the Congress's and the Council of Europe's
own sites, in the page's language: plain links, from which nothing is loaded."""

import re

import pytest

pytestmark = pytest.mark.django_db

OFFICIAL = {
    "https://www.coe.int/{language}/web/congress": {
        "en": "The Congress of Local and Regional Authorities",
        "fr": "Le Congrès des pouvoirs locaux et régionaux",
    },
    "https://www.coe.int/{language}/web/portal": {
        "en": "The Council of Europe",
        "fr": "Le Conseil de l’Europe",
    },
}


def links(html):
    return dict(
        re.findall(r'<a href="(https://www\.coe\.int/[^"]+)" rel="noopener">([^<]+)</a>', html)
    )


@pytest.mark.parametrize("path", ["/{language}/", "/{language}/about/", "/{language}/news/"])
def test_the_footer_links_to_the_congress_and_the_council_of_europe(client, path):
    for language in ("en", "fr"):
        html = client.get(path.format(language=language)).content.decode()
        footer = html[html.index('<footer class="site-footer">') :]

        assert links(footer) == {
            address.format(language=language): names[language]
            for address, names in OFFICIAL.items()
        }


def test_the_about_page_names_them_in_its_text(client):
    for language in ("en", "fr"):
        html = client.get(f"/{language}/about/").content.decode()
        section = html[
            html.index('aria-labelledby="official-links"') : html.index(
                "</section>", html.index('aria-labelledby="official-links"')
            )
        ]

        assert len(links(section)) == 2
        assert f"https://www.coe.int/{language}/web/congress" in links(section)
