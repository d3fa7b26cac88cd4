"""The client address behind proxies: what the nearest trusted proxy saw, never what the client wrote."""

import pytest

from core.protection import client_address
from declarations.demo import ensure_declaration
from declarations.models import Signature
from tests.alliance.test_settings import PRODUCTION, run_manage
from tests.declarations.conftest import sign_data
from tests.hardening.conftest import STAFF_PASSWORD

PROXY = "10.0.0.2"  # the load balancer, as gunicorn sees it
SIGN = "/en/declaration/sign/"


def address(rf, forwarded=None, remote=PROXY):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return client_address(rf.get("/", REMOTE_ADDR=remote, **extra))


def test_without_proxies_the_address_is_the_connection_whatever_the_header(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert address(rf, "198.51.100.7", remote="192.0.2.1") == "192.0.2.1"


@pytest.mark.parametrize(
    "forwarded",
    [
        "198.51.100.7",
        "203.0.113.9, 198.51.100.7",
        "1.1.1.1, 2.2.2.2, 198.51.100.7",
        "not-an-address, 198.51.100.7",
        "203.0.113.9,198.51.100.7",
    ],
)
def test_behind_one_proxy_the_address_is_the_one_it_appended(rf, settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1

    assert address(rf, forwarded) == "198.51.100.7"


@pytest.mark.parametrize(
    "forwarded", ["198.51.100.7, 10.0.0.9", "203.0.113.9, 198.51.100.7, 10.0.0.9"]
)
def test_behind_two_proxies_the_address_is_the_second_from_the_right(rf, settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 2

    assert address(rf, forwarded) == "198.51.100.7"


@pytest.mark.parametrize("forwarded", [None, "", "garbage"])
def test_behind_a_proxy_a_request_without_a_usable_header_counts_as_the_proxy(
    rf, settings, forwarded
):
    settings.TRUSTED_PROXY_COUNT = 1

    assert address(rf, forwarded) == PROXY


def test_an_ipv6_client_behind_a_proxy(rf, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert address(rf, "203.0.113.9, 2001:db8::7") == "2001:db8::7"


SHOW = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT)"


@pytest.mark.parametrize(
    ("environment", "count"),
    [
        ({}, "0"),
        ({"TRUSTED_PROXY_COUNT": "2"}, "2"),
        ({"TRUST_X_FORWARDED_FOR": "1"}, "1"),
        ({"TRUST_X_FORWARDED_FOR": "1", "TRUSTED_PROXY_COUNT": "2"}, "2"),
    ],
)
def test_the_proxy_count_is_read_from_the_environment_with_its_former_name(environment, count):
    environment = {"TRUSTED_PROXY_COUNT": "", "TRUST_X_FORWARDED_FOR": "", **environment}
    result = run_manage("shell", "--no-imports", "-c", SHOW, **PRODUCTION, **environment)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == count


# Through the site: a client behind the load balancer writes what it likes on the left.


def spoofed(n, client="198.51.100.7"):
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": f"203.0.113.{n}, {client}"}


@pytest.mark.django_db
def test_prepending_addresses_never_escapes_the_staff_login_lockout(client, staff_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        credentials = {"username": f"guess-{n}", "password": "wrong"}
        client.post("/admin/login/", credentials, **spoofed(n))
    credentials = {"username": "secretariat", "password": STAFF_PASSWORD}

    locked = client.post("/admin/login/", credentials, **spoofed(99))
    elsewhere = client.post("/admin/login/", credentials, **spoofed(99, client="192.0.2.44"))

    assert locked.status_code == 429
    assert elsewhere.status_code == 302


@pytest.mark.django_db
def test_prepending_addresses_never_escapes_the_form_rate_limit(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FORM_RATE_LIMIT_PER_ADDRESS = 2
    ensure_declaration()
    for n in range(2):
        data = sign_data(email=f"person{n}@example.org", full_name=f"Person {n}")
        assert client.post(SIGN, data, **spoofed(n)).status_code == 302

    data = sign_data(email="person9@example.org", full_name="Person Nine")
    refused = client.post(SIGN, data, **spoofed(9))
    elsewhere = client.post(SIGN, data, **spoofed(9, client="192.0.2.44"))

    assert refused.status_code == 429
    assert elsewhere.status_code == 302
    assert Signature.objects.count() == 3
