import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import translation

from tests.alliance.conftest import page_cache, public_cache, redis_page_cache  # noqa: F401


@pytest.fixture(autouse=True)
def _english():
    """Factories write translated fields in the active language, which a request may leave set."""
    translation.activate("en")
    yield
    translation.activate("en")


@pytest.fixture
def editor(db):
    """A staff member in the "Editors of practices" group."""
    user = get_user_model().objects.create_user(
        "practice-editor", "editor@example.org", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors of practices"))
    return user


@pytest.fixture
def second_editor(db):
    user = get_user_model().objects.create_user(
        "practice-editor-2", "editor2@example.org", "pw", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Editors of practices"))
    return user


@pytest.fixture
def staff_client(client):
    """A member of staff who may view practices in the admin, hence preview them."""
    user = get_user_model().objects.create_user("viewer", "viewer@example.org", "pw", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="view_practice"))
    client.force_login(user)
    return client
