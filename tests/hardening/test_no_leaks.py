"""A scan of every public page, feed and data file of the demo site for what must stay private."""

import html
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from declarations.models import Signature
from members.models import Member
from news.models import Article
from tests.factories import make_member, make_signature

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.fixture
def demo_site(db):
    """The demo content, plus one row in each private state the demo does not have."""
    call_command("load_demo", verbosity=0)
    make_member(name="Rejectedburg", status=Member.Status.REJECTED, contact_phone="+33 1 23")
    make_member(name="Pendington", status=Member.Status.PENDING)
    make_member(name="Phonetown", contact_phone="+36 1 555 0199")
    make_signature(full_name="Unconsenting Official", consent_to_publish=False)
    make_signature(full_name="Rejected Signatory", status=Signature.Status.REJECTED)
    make_signature(full_name="Withdrawn Signatory", status=Signature.Status.WITHDRAWN)
    make_signature(full_name="Unconfirmed Signatory", status=Signature.Status.PENDING)


def private_strings():
    """What no public response may contain, collected from the database."""
    secrets = set()
    for member in Member.objects.all():
        secrets |= {member.contact_email, member.contact_phone}
        if member.status in (Member.Status.PENDING, Member.Status.REJECTED):
            secrets |= {member.name, member.display_name_en, member.display_name_fr}
    for signature in Signature.objects.all():
        secrets.add(signature.email)
        if not Signature.objects.public().filter(pk=signature.pk).exists():
            secrets.add(signature.full_name)
    return {secret for secret in secrets if secret}


def public_urls():
    urls = ["/robots.txt", "/sitemap.xml", *(reverse(name) for name in DATA_FILES)]
    members = list(Member.objects.approved().order_by("pk"))
    articles = list(Article.objects.published())
    for language in LANGUAGES:
        with translation.override(language):
            urls += [
                reverse("home"),
                reverse("page-about"),
                reverse("page-terminology"),
                reverse("page-privacy"),
                reverse("members:directory"),
                reverse("members:directory") + "?page=2",
                reverse("members:directory") + "?q=a",
                reverse("members:map"),
                reverse("countries"),
                reverse("members:join"),
                reverse("declarations:declaration"),
                reverse("declarations:declaration") + "?page=2",
                reverse("declarations:sign"),
                reverse("news:list"),
                reverse("news:feed"),
                reverse("news:feed-atom"),
            ]
            urls += [
                reverse("country", args=[code.lower()])
                for code in settings.COUNCIL_OF_EUROPE_STATES
            ]
            urls += [member.get_absolute_url() for member in members[::10]]
            urls += [article.get_absolute_url() for article in articles]
    return urls


DATA_FILES = ["data-members-csv", "data-members-json", "data-signatories-csv"]


def readable(response):
    """The text of a response as a reader sees it: entities and JSON escapes undone."""
    content = b"".join(response) if response.streaming else response.content
    text = content.decode()
    if response["Content-Type"].startswith("application/json"):
        text = json.dumps(json.loads(text), ensure_ascii=False)
    return html.unescape(text)


def test_no_public_response_shows_a_contact_a_signatory_email_or_an_unpublished_name(
    client, demo_site
):
    secrets = private_strings()
    assert "sample-signatory-101@example.org" in secrets  # the demo's pending signatories
    assert "Pendington" in secrets and "Unconsenting Official" in secrets
    urls = public_urls()

    leaks, statuses = [], {}
    for url in urls:
        response = client.get(url)
        statuses[url] = response.status_code
        text = readable(response)
        leaks += [(url, secret) for secret in secrets if secret in text]

    assert {url: code for url, code in statuses.items() if code != 200} == {}
    assert leaks == []
    # The scan looked at real content: what is public is there.
    assert len(urls) > 150
    text = readable(client.get(reverse("data-members-csv")))
    assert "Phonetown" in text
