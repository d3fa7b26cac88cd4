import datetime

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model

from tests.hardening.conftest import STAFF_PASSWORD

pytestmark = pytest.mark.django_db


def fail(login, client, times, username="secretariat", address="192.0.2.10"):
    """Fail `times` logins; return the status codes answered."""
    return [login(client, username, "wrong-password", address).status_code for _ in range(times)]


def test_a_staff_member_logs_in_with_the_right_password(client, staff_user, login):
    response = login(client, "secretariat", STAFF_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_four_failures_do_not_lock_the_account(client, staff_user, login):
    assert fail(login, client, 4) == [200] * 4  # the login form again, with its error

    assert login(client, "secretariat", STAFF_PASSWORD).status_code == 302


def test_five_failures_lock_the_account_even_with_the_right_password(client, staff_user, login):
    assert fail(login, client, 5) == [200, 200, 200, 200, 429]

    response = login(client, "secretariat", STAFF_PASSWORD)

    assert response.status_code == 429
    assert "Too many failed logins" in response.text
    assert "blocked for 1 hour" in response.text
    assert "_auth_user_id" not in client.session


def test_a_locked_account_stays_locked_from_another_address(client, staff_user, login):
    fail(login, client, 5, address="192.0.2.10")

    response = login(client, "secretariat", STAFF_PASSWORD, address="198.51.100.7")

    assert response.status_code == 429


def test_five_failures_from_one_address_lock_that_address_for_every_account(
    client, staff_user, login
):
    for n in range(5):
        login(client, f"guess-{n}", "wrong-password", "203.0.113.5")

    assert login(client, "secretariat", STAFF_PASSWORD, "203.0.113.5").status_code == 429
    assert login(client, "secretariat", STAFF_PASSWORD, "192.0.2.10").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, staff_user, login):
    fail(login, client, 5)
    AccessAttempt.objects.update(
        attempt_time=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1, minutes=1)
    )

    assert login(client, "secretariat", STAFF_PASSWORD).status_code == 302


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/admin/alliance/page/")

    assert response.status_code == 302
    assert response["Location"] == "/admin/login/?next=/admin/alliance/page/"


def test_a_logged_in_non_staff_user_is_refused(client):
    user = get_user_model().objects.create_user("visitor", password=STAFF_PASSWORD)
    client.force_login(user)

    response = client.get("/admin/alliance/page/", follow=True)

    assert response.redirect_chain[0][0].startswith("/admin/login/")
    assert "not authorized to access this page" in response.text
    assert "Change page" not in response.text


def test_staff_without_a_permission_cannot_open_that_changelist(client):
    user = get_user_model().objects.create_user("intern", password=STAFF_PASSWORD, is_staff=True)
    client.force_login(user)

    assert client.get("/admin/alliance/page/").status_code == 403


@pytest.mark.parametrize(
    "path",
    [
        "/admin/login/",
        "/admin/",
        "/admin/alliance/page/",
        "/admin/alliance/page/1/change/",
        "/admin/jsi18n/",
        "/admin/no-such-page/",
    ],
)
def test_admin_responses_are_never_stored_by_a_shared_cache(admin_client, path):
    response = admin_client.get(path)

    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    assert "public" not in cache_control


def test_the_lockout_page_is_not_cached_either(client, staff_user, login):
    fail(login, client, 5)

    response = login(client, "secretariat", STAFF_PASSWORD)

    assert "no-store" in response["Cache-Control"]
