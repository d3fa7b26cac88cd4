import pytest
from django.contrib.auth.models import Group

from tests.factories import make_member


@pytest.fixture
def join_data():
    """A complete, valid join request as the form posts it."""
    return {
        "name": "Łódź",
        "kind": "city",
        "country": "PL",
        "website": "https://uml.lodz.pl/",
        "population": "655000",
        "contact_name": "Anna Kowalska",
        "contact_role": "Roma inclusion officer",
        "contact_email": "anna.kowalska@example.org",
        "contact_phone": "+48 42 638 40 00",
        "motivation": "Łódź works with its Roma community on schooling and housing.",
        "privacy_consent": "on",
    }


@pytest.fixture
def officer(django_user_model):
    """A staff member in the "Membership officers" group made by the data migration."""
    user = django_user_model.objects.create_user(
        "officer", "officer@example.org", "a long password 42", is_staff=True
    )
    user.groups.add(Group.objects.get(name="Membership officers"))
    return user


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


@pytest.fixture
def unpublished_members():
    """One member in each state the public must never see."""
    return [
        make_member(name="Pendingville", status="pending"),
        make_member(name="Rejectedburg", status="rejected"),
        make_member(name="Leftstadt", status="left"),
    ]
