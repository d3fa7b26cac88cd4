import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

STAFF_PASSWORD = "a-strong-staff-password-1842"


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_superuser(
        "secretariat", "secretariat@example.org", STAFF_PASSWORD
    )


@pytest.fixture
def login():
    """login(client, username, password, address) posts the admin login form from that address."""

    def post(client, username, password, address="192.0.2.10"):
        return client.post(
            "/admin/login/",
            {"username": username, "password": password, "next": "/admin/"},
            REMOTE_ADDR=address,
        )

    return post


def group_member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", STAFF_PASSWORD, is_staff=True
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def officer(db, django_user_model):
    """A staff member in the "Membership officers" group."""
    return group_member(django_user_model, "officer", "Membership officers")


@pytest.fixture
def second_officer(db, django_user_model):
    return group_member(django_user_model, "officer2", "Membership officers")


@pytest.fixture
def editor(db, django_user_model):
    """A staff member in the "Editors" group."""
    return group_member(django_user_model, "editor", "Editors")


@pytest.fixture(autouse=True)
def _english():
    """Factories write translated fields in the active language, which a request may leave set."""
    translation.activate("en")
    yield
    translation.activate("en")
