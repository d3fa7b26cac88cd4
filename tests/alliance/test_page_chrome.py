"""The header, footer and <head> links every page shares, rendered once per language (and,
for the header, per view) by Django's `{% cache %}` tag into the template_fragments cache."""

import re

import pytest
from django.test.signals import template_rendered

from tests.factories import make_member

pytestmark = pytest.mark.django_db


def current_links(html):
    """The addresses of the header's links marked as the current page."""
    header = html.split("</header>")[0]
    return re.findall(r'<a [^>]*href="([^"]+)"[^>]*aria-current="page"', header)


def switcher_links(html):
    switcher = html.split('class="language-switcher"')[1].split("</nav>")[0]
    return re.findall(r'href="([^"]+)"', switcher)


@pytest.fixture
def rendered_templates():
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    yield names
    template_rendered.disconnect(record)


@pytest.mark.parametrize("page_cache_on", [False, True])
def test_each_page_marks_its_own_link_as_current_and_switches_language_to_itself(
    client, settings, page_cache_on
):
    if page_cache_on:
        settings.PAGE_CACHE_SECONDS = 60
    member = make_member(name="Strasbourg", country="FR")
    pages = [
        ("/en/members/", ["/en/members/"], ["/fr/members/"]),
        ("/en/news/", ["/en/news/"], ["/fr/news/"]),
        (member.get_absolute_url(), [], [member.get_absolute_url().replace("/en/", "/fr/", 1)]),
        ("/en/members/?page=1", ["/en/members/"], ["/fr/members/?page=1"]),
        ("/fr/news/", ["/fr/news/"], ["/en/news/"]),
        ("/en/", ["/en/"], ["/fr/"]),
    ]
    for _round in range(2):  # the second time from the kept header
        for path, current, switch_to in pages:
            html = client.get(path).content.decode()
            assert current_links(html) == current, path
            assert switcher_links(html) == switch_to, path


def test_a_french_page_has_the_french_header_and_footer_after_an_english_one(client):
    client.get("/en/news/")

    html = client.get("/fr/news/").content.decode()

    assert "Adhérer à l’Alliance" in html or "Rejoindre l’Alliance" in html
    assert 'href="/fr/data/"' in html and 'href="/en/data/"' not in html


def test_the_header_and_footer_are_rendered_once_per_language_and_view(client, rendered_templates):
    client.get("/en/news/")
    rendered_templates.clear()

    client.get("/en/news/")
    client.get("/en/members/")

    # The brand mark is drawn inside the kept header and footer: once more, for the new view.
    assert rendered_templates.count("includes/_brand_mark.html") == 1
    assert rendered_templates.count("includes/_language_switcher.html") == 2


def test_a_change_of_settings_shows_in_the_footer(client, settings):
    client.get("/en/news/")
    settings.FACEBOOK_URL = "https://social.example.org/congress"

    html = client.get("/en/news/").content.decode()

    assert 'href="https://social.example.org/congress"' in html
