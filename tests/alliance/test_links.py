"""Every link a page renders stays on the site, whatever address was asked for."""

import re
from html import unescape
from urllib.parse import unquote, urljoin, urlsplit

import pytest
from django.conf import settings

from declarations.demo import ensure_declaration

pytestmark = pytest.mark.django_db

# Paths as a browser or a crafted link sends them; the server decodes %2F and %09 itself.
HOSTILE_PATHS = [
    "//evil.example/en/",
    "//evil.example/fr/",
    "/\\evil.example/",
    "///evil.example",
    "/%2F%2Fevil.example/en/",
    "/%2F/evil.example/en/",
    "/%5Cevil.example/",
    "/%09/evil.example/",
    "/\t/evil.example/",
    "/%0A/evil.example/",
]
LINK = re.compile(r'\b(?:href|src|action)="([^"]*)"')


def get(client, raw_path, **extra):
    """GET a path exactly as a server hands it to Django, leading slashes and all."""
    return client.get("/", PATH_INFO=unquote(raw_path), **extra)


def hosts_linked(response, raw_path):
    """The host each link of the page leads to, read as a browser reads it."""
    page = "http://testserver" + raw_path
    hosts = set()
    for value in LINK.findall(response.content.decode()):
        # Browsers drop tabs and newlines from a URL, read "\" as "/" and "///host" as "//host".
        url = re.sub(r"[\t\n\r]", "", unescape(value)).strip().replace("\\", "/")
        url = re.sub(r"^/{2,}", "//", url)
        hosts.add(urlsplit(urljoin(page, url)).netloc)
    return hosts


def own_hosts():
    external = {urlsplit(settings.FACEBOOK_URL).netloc, urlsplit(settings.TWITTER_URL).netloc}
    # The Council of Europe's and the Congress's own sites (includes/_official_links.html).
    official = {"www.coe.int"}
    return {"testserver", *external, *official}


@pytest.mark.parametrize("raw_path", HOSTILE_PATHS)
def test_a_page_asked_for_with_another_host_in_its_path_links_only_to_the_site(client, raw_path):
    response = get(client, raw_path)

    assert response.status_code == 404
    hosts = hosts_linked(response, raw_path)
    assert hosts <= own_hosts(), hosts


@pytest.mark.parametrize("raw_path", HOSTILE_PATHS)
def test_the_language_link_of_such_a_page_is_a_path_of_the_site(client, raw_path):
    content = get(client, raw_path, headers={"accept-language": "en"}).content.decode()

    link = re.search(r'<a href="([^"]*)" hreflang="fr"', content).group(1)
    assert re.match(r"/[^/\\\s]", unescape(link)), link


def canonical(content):
    return re.search(r'<link rel="canonical" href="([^"]*)"', content).group(1)


def alternates(content):
    found = re.findall(r'<link rel="alternate" hreflang="(\w+)" href="([^"]*)"', content)
    return {language: unescape(url) for language, url in found}


def test_the_canonical_link_of_a_filtered_list_is_the_list(client):
    content = client.get("/en/members/?q=Lodz&country=PL&kind=city&page=2").content.decode()

    assert canonical(content) == "http://testserver/en/members/"
    assert alternates(content) == {
        "en": "http://testserver/en/members/",
        "fr": "http://testserver/fr/members/",
    }


def test_the_canonical_link_of_the_signatories_filtered_by_country_is_the_declaration(client):
    ensure_declaration()
    content = client.get("/en/declaration/?country=DE&q=Erika").content.decode()

    assert canonical(content) == "http://testserver/en/declaration/"


def test_each_page_of_a_long_list_is_its_own_canonical(client):
    content = client.get("/en/members/?page=2").content.decode()

    assert canonical(content) == "http://testserver/en/members/?page=2"
    assert alternates(content)["fr"] == "http://testserver/fr/members/?page=2"


def test_the_first_page_of_a_list_is_the_list(client):
    content = client.get("/en/members/?page=1").content.decode()

    assert canonical(content) == "http://testserver/en/members/"


def test_the_language_link_keeps_the_search(client):
    content = client.get("/en/members/?q=Lodz").content.decode()

    assert 'href="/fr/members/?q=Lodz" hreflang="fr"' in content
