"""Real parts for the background work: an SMTP server on loopback, the database backend's worker."""

import os
import socket

import pytest
from aiosmtpd.controller import Controller
from django_tasks_db.management.commands import db_worker

# The join form's data and a membership officer, for these tests too.
from tests.members.conftest import join_data, officer, officer_client  # noqa: F401

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
RQ_TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Inbox:
    """What the SMTP server received: (recipients, message text), in order."""

    def __init__(self, refuse=()):
        self.received = []
        self.refuse = set(refuse)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content.decode("utf-8", "replace")))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [text for recipients, text in self.received if address in recipients]


class SMTPServer:
    """An aiosmtpd server on a loopback port: down (connections refused) until start()."""

    def __init__(self):
        self.port = free_port()
        self.inbox = Inbox()
        self._controller = None

    def start(self):
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()

    def stop(self):
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    @property
    def mailers(self):
        options = {"host": "127.0.0.1", "port": self.port, "timeout": 5}
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": options,
            }
        }


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server the site sends to; it starts down."""
    server = SMTPServer()
    settings.MAILERS = server.mailers
    yield server
    server.stop()


@pytest.fixture
def database_tasks(settings, monkeypatch):
    """Tasks kept in the database, run by the backend's own worker when the test says so."""
    settings.TASKS = DATABASE_TASKS
    # The worker closes stale connections between tasks; inside a test's transaction that
    # would end the test's own connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run_worker():
        """Run every task that is due, like `manage.py db_worker --batch`, then return."""
        db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return run_worker


def redis_or_skip(url):
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"Redis is not running at {url}")
