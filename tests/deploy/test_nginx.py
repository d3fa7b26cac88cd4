"""The production nginx configuration (deploy/nginx/) in front of gunicorn, checked from outside
as browsers meet it: TLS, static and public files, private files only through the site,
compression, the request size limit, and the client's address and scheme as the site sees them.

nginx runs the template rendered with production's values (deploy/nginx/alliance.env), only its
host name, ports, folders and certificate changed for the test."""

import gzip
import http.client
import json
import os
import re
import secrets
import socket
import ssl
import subprocess
import sys
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.db import connection

from bench.servers import (
    ROOT,
    free_port,
    gunicorn,
    nginx,
    nginx_command,
    nginx_site_values,
    render_nginx_site,
)
from contact.models import ContactMessage
from library.demo import minimal_pdf
from library.models import Document
from tests.alliance.test_two_servers import database_url
from tests.factories import add_file, make_document

# Debian's libnginx-mod-http-brotli-static, which the configuration uses.
BROTLI_STATIC = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

pytestmark = [
    pytest.mark.servers,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        (nginx_command() is None or not BROTLI_STATIC.exists()) and not os.environ.get("CI"),
        reason="nginx or its brotli_static module is not installed (make nginx; CI installs them)",
    ),
]

HOST = "localhost"
YEAR_IMMUTABLE = "public, max-age=31536000, immutable"
FILE_POLICY = "default-src 'none'; sandbox"


def size_in_bytes(value):
    """nginx's size syntax ("21m", "512k", "1048576") in bytes."""
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", value).groups()
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit.lower()]


def port_on_ipv6_loopback():
    """A free port on ::1, or None where the machine has no IPv6."""
    try:
        with socket.socket(socket.AF_INET6) as sock:
            sock.bind(("::1", 0))
            return sock.getsockname()[1]
    except OSError:
        return None


def make_certificate(folder):
    """A self-signed certificate for localhost, with its key."""
    certificate, key = folder / "certificate.pem", folder / "key.pem"
    subject = f"/CN={HOST}"
    names = f"subjectAltName=DNS:{HOST}"
    command = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2"
    arguments = [*command.split(), "-subj", subject, "-addext", names]
    arguments += ["-keyout", str(key), "-out", str(certificate)]
    subprocess.run(arguments, check=True, capture_output=True)
    return certificate, key


@dataclass
class Front:
    https_port: int
    http_port: int
    certificate: Path
    static: Path
    media: Path
    private: Path
    acme: Path
    body_limit: int

    def context(self, version=None):
        """A client's TLS context trusting the test's certificate, speaking only `version`."""
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.load_verify_locations(self.certificate)
        if version is not None:
            if version < ssl.TLSVersion.TLSv1_2:
                # OpenSSL 3 offers TLS 1.0 and 1.1 only at security level 0.
                context.set_ciphers("ALL:@SECLEVEL=0")
            context.minimum_version = context.maximum_version = version
        return context

    def request(self, method, path, headers=(), body=None, source="127.0.0.1"):
        """(status, headers as a list of pairs, body) of one HTTPS request from `source`."""
        client = Client(HOST, self.https_port, self.context(), source)
        try:
            client.putrequest(method, path, skip_accept_encoding=True)
            headers = dict(headers)
            if body is not None:
                headers.setdefault("Content-Length", str(len(body)))
            for name, value in headers.items():
                client.putheader(name, value)
            client.endheaders(body)
            response = client.getresponse()
            return response.status, response.getheaders(), response.read()
        finally:
            client.close()

    def get(self, path, **options):
        return self.request("GET", path, **options)


class Client(http.client.HTTPSConnection):
    """HTTPS to nginx on 127.0.0.1 from a chosen loopback address, naming localhost (SNI, Host)."""

    def __init__(self, host, port, tls, source):
        super().__init__(host, port, timeout=60, source_address=(source, 0))
        self.tls = tls

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout, self.source_address)
        self.sock = self.tls.wrap_socket(sock, server_hostname=HOST)


def header(headers, name):
    """Every value of header `name`."""
    return [value for key, value in headers if key.lower() == name.lower()]


def collect_static(static, env):
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env={**env, "STATIC_ROOT": str(static)},
        check=True,
    )


@pytest.fixture(scope="module")
def front(tmp_path_factory, django_db_setup, django_db_blocker):
    """nginx with deploy/nginx/ in front of one gunicorn, as production runs them."""
    folder = tmp_path_factory.mktemp("front")
    static, media, private, acme = (
        folder / name for name in ("static", "media", "private", "acme")
    )
    for path in (media, private, acme):
        path.mkdir()
    certificate, key = make_certificate(folder)
    https_port, http_port, upstream_port = free_port(), free_port(), free_port()
    # Production listens on IPv6 too: on ::1 here, or on a second IPv4 port without IPv6.
    ipv6_https, ipv6_http = port_on_ipv6_loopback(), port_on_ipv6_loopback()
    values = nginx_site_values()
    body_limit = size_in_bytes(values["CLIENT_MAX_BODY_SIZE"])
    site = render_nginx_site(
        {
            **values,
            "SERVER_NAME": HOST,
            "CERTIFICATE": str(certificate),
            "CERTIFICATE_KEY": str(key),
            "TRUSTED_CERTIFICATE": str(certificate),
            "STATIC_ROOT": str(static),
            "MEDIA_ROOT": str(media),
            "PRIVATE_MEDIA_ROOT": str(private),
            "ACME_ROOT": str(acme),
            "UPSTREAM": f"127.0.0.1:{upstream_port}",
            "HTTP_LISTEN": f"127.0.0.1:{http_port}",
            "HTTPS_LISTEN": f"127.0.0.1:{https_port}",
            "HTTP_LISTEN_IPV6": f"[::1]:{ipv6_http}" if ipv6_http else f"127.0.0.1:{free_port()}",
            "HTTPS_LISTEN_IPV6": f"[::1]:{ipv6_https}"
            if ipv6_https
            else f"127.0.0.1:{free_port()}",
        }
    )
    env = {
        **{name: value for name, value in os.environ.items() if name != "REDIS_URL"},
        "DJANGO_SETTINGS_MODULE": "tests.deploy.server_settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": f"{HOST},127.0.0.1",  # nginx passes the Host; gunicorn() asks 127.0.0.1
        "CSRF_TRUSTED_ORIGINS": f"https://{HOST}:{https_port}",
        # gunicorn() checks /health/ over plain HTTP; the site sees HTTPS through nginx.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_PROXY_SSL_HEADER": "1",
        "TRUSTED_PROXY_COUNT": "1",
        "PRIVATE_MEDIA_ACCEL_PREFIX": "/_private/",
        "STATIC_ROOT": str(static),
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
        "DATABASE_URL": database_url(),
        "CONN_MAX_AGE": "0",
        "FORM_MIN_FILL_SECONDS": "0",
        "FORM_RATE_LIMIT_PER_ADDRESS": "1",
        "DATA_FILES_ROOT": str(folder / "data-files"),
        "LOG_LEVEL": "ERROR",
    }
    collect_static(static, env)
    with django_db_blocker.unblock():
        connection.close()
    with (
        gunicorn(env, workers=1, port=upstream_port),
        nginx(site, folder / "nginx", https_port),
    ):
        yield Front(https_port, http_port, certificate, static, media, private, acme, body_limit)


@pytest.fixture
def private_files(front, settings):
    settings.PRIVATE_MEDIA_ROOT = front.private


def test_plain_http_is_redirected_to_https_but_for_the_certificate_challenges(front):
    client = http.client.HTTPConnection("127.0.0.1", front.http_port, timeout=30)
    client.request("GET", "/en/members/?country=FR", headers={"Host": HOST})
    response = client.getresponse()
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}/en/members/?country=FR"

    challenge = front.acme / ".well-known" / "acme-challenge" / "a-token"
    challenge.parent.mkdir(parents=True)
    challenge.write_text("a-token.key")
    client = http.client.HTTPConnection("127.0.0.1", front.http_port, timeout=30)
    client.request("GET", "/.well-known/acme-challenge/a-token", headers={"Host": HOST})
    response = client.getresponse()
    assert (response.status, response.read()) == (200, b"a-token.key")


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1:DeprecationWarning")
@pytest.mark.parametrize(
    ("version", "accepted"),
    [
        pytest.param(ssl.TLSVersion.TLSv1, False, id="TLS 1.0"),
        pytest.param(ssl.TLSVersion.TLSv1_1, False, id="TLS 1.1"),
        pytest.param(ssl.TLSVersion.TLSv1_2, True, id="TLS 1.2"),
        pytest.param(ssl.TLSVersion.TLSv1_3, True, id="TLS 1.3"),
    ],
)
def test_only_tls_1_2_and_1_3_are_accepted(front, version, accepted):
    context = front.context(version)
    with socket.create_connection(("127.0.0.1", front.https_port), timeout=30) as sock:
        if not accepted:
            with pytest.raises(ssl.SSLError):
                context.wrap_socket(sock, server_hostname=HOST)
            return
        with context.wrap_socket(sock, server_hostname=HOST) as tls:
            assert tls.version() == {"TLSv1_2": "TLSv1.2", "TLSv1_3": "TLSv1.3"}[version.name]


def test_a_handshake_naming_another_host_is_refused(front):
    context = front.context()
    context.check_hostname = False
    with (
        socket.create_connection(("127.0.0.1", front.https_port), timeout=30) as sock,
        pytest.raises(ssl.SSLError),
    ):
        context.wrap_socket(sock, server_hostname="elsewhere.example.org")


def test_hashed_static_files_are_kept_a_year_and_sent_precompressed(front):
    manifest = json.loads((front.static / "staticfiles.json").read_text())["paths"]
    hashed = manifest["css/site.css"]
    original = (front.static / hashed).read_bytes()
    # The pages name the hashed files.
    _status, _headers, page = front.get("/en/", headers={"Accept-Encoding": "identity"})
    assert f"/static/{hashed}".encode() in page

    status, headers, body = front.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert status == 200
    assert header(headers, "Cache-Control") == [YEAR_IMMUTABLE]
    assert header(headers, "Content-Encoding") == ["gzip"]
    assert "Accept-Encoding" in header(headers, "Vary")
    assert gzip.decompress(body) == original

    status, headers, body = front.get(f"/static/{hashed}", headers={"Accept-Encoding": "br"})
    assert header(headers, "Content-Encoding") == ["br"]
    assert brotli.decompress(body) == original

    status, headers, body = front.get("/static/css/site.css")
    assert status == 200
    assert header(headers, "Cache-Control") == ["public, max-age=3600"]
    assert header(headers, "Content-Encoding") == []


def test_public_media_is_served_as_a_file_that_never_runs(front):
    (front.media / "logos").mkdir(exist_ok=True)
    (front.media / "logos" / "strasbourg.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    status, headers, body = front.get("/media/logos/strasbourg.svg")
    assert status == 200
    assert b"<script>" in body
    assert header(headers, "X-Content-Type-Options") == ["nosniff"]
    assert header(headers, "Content-Security-Policy") == [FILE_POLICY]


def test_private_files_are_sent_only_through_the_site(front, private_files):
    public = make_document(languages=())
    public_file = add_file(public, "en", content=minimal_pdf("A public resolution"))
    draft = make_document(languages=(), status=Document.Status.DRAFT)
    draft_file = add_file(draft, "en", content=minimal_pdf("A draft not yet public"))

    status, headers, body = front.get(public_file.get_absolute_url())
    assert status == 200
    assert body == (front.private / public_file.file.name).read_bytes()
    # The view's type, disposition and caching come with the file nginx sends.
    assert header(headers, "Content-Type") == ["application/pdf"]
    assert header(headers, "Content-Disposition")[0].startswith("inline;")
    assert "public" in header(headers, "Cache-Control")[0]
    assert header(headers, "X-Content-Type-Options") == ["nosniff"]
    assert header(headers, "Content-Security-Policy") == [FILE_POLICY]
    assert header(headers, "X-Accel-Redirect") == []

    status, _headers, body = front.get(draft_file.get_absolute_url())
    assert status == 404
    secret = (front.private / draft_file.file.name).read_bytes()
    assert secret not in body

    name = draft_file.file.name
    quoted = urllib.parse.quote(name)
    for path in (
        f"/_private/{name}",
        f"/_private/{quoted}",
        f"/%5Fprivate/{name}",
        f"/private-media/{name}",
        f"/private/{name}",
        f"/media/../private/{name}",
        f"/media/..%2Fprivate/{name}",
        f"/media/%2E%2E/private/{name}",
        f"/media../private/{name}",
        f"/static../private/{name}",
        f"/static/../private/{name}",
        f"/_private/../_private/{name}",
    ):
        status, _headers, body = front.get(path)
        assert status != 200 and secret not in body, path


def test_pages_come_compressed_once(front):
    status, headers, body = front.get("/en/", headers={"Accept-Encoding": "gzip, br"})
    assert status == 200
    assert header(headers, "Content-Encoding") == ["gzip"]
    assert gzip.decompress(body).lstrip().lower().startswith(b"<!doctype html>")


def test_the_site_sees_the_host_and_https_and_alone_sends_hsts(front):
    status, headers, page = front.get("/en/")
    assert status == 200
    # Its absolute addresses are built from the Host and scheme nginx passes.
    assert f'<link rel="canonical" href="https://{HOST}/en/">'.encode() in page
    hsts = header(headers, "Strict-Transport-Security")
    assert len(hsts) == 1 and "max-age=31536000" in hsts[0]


def test_a_request_body_over_the_limit_is_refused(front):
    assert front.body_limit >= settings.MAX_UPLOAD_BYTES + 512 * 1024
    # The largest upload and its form reach the site, which reads them whole before refusing
    # them for their missing CSRF token: with a CSRF cookie and an Origin, Django looks for the
    # token in the body. (A body the site answers before reading, for want of a cookie, may be
    # cut short by the upstream closing, which nginx reports as a 502: not what is tested.)
    boundary = "alliance-upload-boundary"
    body = b"".join(
        (
            f"--{boundary}\r\n".encode(),
            b'Content-Disposition: form-data; name="attachment"; filename="report.pdf"\r\n',
            b"Content-Type: application/pdf\r\n\r\n",
            b"x" * (settings.MAX_UPLOAD_BYTES + 256 * 1024),
            f"\r\n--{boundary}--\r\n".encode(),
        )
    )
    form = {
        "Content-Type": f"multipart/form-data; boundary={boundary}",
        "Origin": f"https://{HOST}",
        "Cookie": f"csrftoken={secrets.token_hex(16)}",
    }
    status, _headers, page = front.request("POST", "/en/contact/", headers=form, body=body)
    assert status == 403, page[:500]

    too_large = {**form, "Content-Length": str(front.body_limit + 1)}
    status, _headers, _body = front.request("POST", "/en/contact/", headers=too_large, body=b"")
    assert status == 413


def test_the_site_sees_the_clients_address_not_one_it_claims(front):
    def write(source, email, claimed=None):
        status, headers, body = front.get("/en/contact/", source=source)
        assert status == 200, body[:500]
        form = body.decode()
        cookies = "; ".join(value.split(";", 1)[0] for value in header(headers, "Set-Cookie"))
        fields = {
            "csrfmiddlewaretoken": re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)[
                1
            ],
            "shown_at": re.search(r'name="shown_at" value="([^"]+)"', form)[1],
            "privacy_consent": "on",
            "name": "Ana Exemplo",
            "email": email,
            "subject": "general",
            "message": f"A question about the Alliance, from {email}.",
        }
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookies,
            "Origin": f"https://{HOST}:{front.https_port}",
            "Referer": f"https://{HOST}:{front.https_port}/en/contact/",
        }
        if claimed:
            headers["X-Forwarded-For"] = claimed
        body = urllib.parse.urlencode(fields).encode()
        status, _headers, _body = front.request(
            "POST", "/en/contact/", headers=headers, body=body, source=source
        )
        return status

    # One accepted post an hour per address (FORM_RATE_LIMIT_PER_ADDRESS=1).
    assert write("127.0.0.2", "one@example.org") == 302
    assert write("127.0.0.2", "two@example.org", claimed="198.51.100.9") == 429
    assert write("127.0.0.3", "three@example.org") == 302
    assert ContactMessage.objects.count() == 2
