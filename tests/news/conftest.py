import datetime
import re
from html import unescape

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone, translation

from news.models import Article
from tests.factories import make_article

HOUR = datetime.timedelta(hours=1)


@pytest.fixture(autouse=True)
def _english():
    """Factories write translated fields in the active language, which a request may leave set."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def now():
    return timezone.now()


@pytest.fixture
def live(now):
    return make_article(title="A live article", slug="live", published_at=now - HOUR)


@pytest.fixture
def draft(now):
    return make_article(title="A draft article", slug="draft", status=Article.Status.DRAFT)


@pytest.fixture
def scheduled(now):
    return make_article(title="A scheduled article", slug="scheduled", published_at=now + HOUR)


@pytest.fixture
def staff_client(client):
    """A member of staff who may view articles in the admin, hence preview them."""
    user = get_user_model().objects.create_user("viewer", "viewer@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(user)
    return client


@pytest.fixture
def editor(db):
    user = get_user_model().objects.create_user("editor", "editor@example.org", "pw", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def meta_content(html, key):
    """The content of <meta property|name="key">, or None."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return unescape(match.group(1)) if match else None


def link_href(html, rel, hreflang=None):
    extra = f' hreflang="{hreflang}"' if hreflang else ""
    match = re.search(rf'<link rel="{rel}"{extra} href="([^"]*)"', html)
    return unescape(match.group(1)) if match else None
