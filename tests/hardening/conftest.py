import pytest
from django.contrib.auth import get_user_model

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
