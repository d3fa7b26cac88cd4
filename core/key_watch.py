"""Tells this process whether a key may have changed in Redis, without asking it.

Redis's support for client-side caching: with `CLIENT TRACKING ON BCAST PREFIX …`, Redis
sends a message naming each watched key that is written, deleted, expired or evicted (and one
naming none for a flush) to this process's connection, subscribed to `__redis__:invalidate`.
Looking for one is a poll of that socket, not a round trip: the page cache (core.cache) holds
the data version, and the pages it read at that version, for as long as no message came.

Written here, over one redis-py connection, because redis-py's own client-side cache needs
Redis 7.4 (Debian 12 ships 7.0) and would hold every reply of every read; tracking itself
exists since Redis 6.
"""

import os
import threading
import time

from django.conf import settings
from django.core.cache import cache
from redis import ConnectionPool, RedisError

REDIS_BACKEND = "django.core.cache.backends.redis.RedisCache"

_watches = {}


def key_watch(key):
    """The KeyWatch of `key` in the default cache, or None when that cache is not Redis."""
    config = settings.CACHES["default"]
    if config["BACKEND"] != REDIS_BACKEND:
        return None
    location = config["LOCATION"]
    if not isinstance(location, str):
        location = location[0]
    full_key = cache.make_key(key)
    watch = _watches.get((location, full_key))
    if watch is None:
        watch = _watches[(location, full_key)] = KeyWatch(location.split(",")[0], [full_key])
    return watch


def close_all():
    for watch in _watches.values():
        watch.close()
    _watches.clear()


class KeyWatch:
    """Whenever the watch cannot tell (no connection yet, Redis gone, the connection broken, a
    new process after a fork), `changes_seen()` answers None: nothing read before may be
    trusted, and the caller reads Redis as it would without a watch. A new connection is tried
    at most every RETRY_SECONDS."""

    RETRY_SECONDS = 5

    def __init__(self, url, keys):
        self.url = url
        self.keys = keys
        self.connection = None
        self.client_id = None
        self.pid = None
        self.changes = 0
        self.retry_at = 0.0
        self.lock = threading.Lock()

    def changes_seen(self):
        """A number that moves on whenever a watched key may have changed, or None."""
        with self.lock:
            if (self.connection is None or self.pid != os.getpid()) and not self.connect():
                return None
            try:
                while self.connection.can_read(timeout=0):
                    self.connection.read_response()
                    self.changes += 1
            except (RedisError, OSError):
                self.close()
                return None
            return self.changes

    def connect(self):
        if self.pid != os.getpid():
            # A connection inherited through a fork is the parent's: forgotten, not closed.
            self.connection = None
        now = time.monotonic()
        if now < self.retry_at:
            return False
        self.close()
        pool = ConnectionPool.from_url(
            self.url, protocol=2, socket_timeout=1, socket_connect_timeout=1
        )
        connection = pool.make_connection()
        try:
            connection.connect()
            connection.send_command("CLIENT", "ID")
            client_id = connection.read_response()
            prefixes = [word for key in self.keys for word in ("PREFIX", key)]
            # Its own messages come back to this connection (REDIRECT to itself).
            connection.send_command(
                "CLIENT", "TRACKING", "ON", "REDIRECT", client_id, "BCAST", *prefixes
            )
            connection.read_response()
            connection.send_command("SUBSCRIBE", "__redis__:invalidate")
            connection.read_response()
        except (RedisError, OSError):
            # Refused (a Redis without CLIENT TRACKING) or unreachable: read Redis as before.
            connection.disconnect()
            self.retry_at = now + self.RETRY_SECONDS
            return False
        self.connection, self.client_id, self.pid = connection, client_id, os.getpid()
        # Whatever was read before this connection watched is not to be trusted.
        self.changes += 1
        return True

    def close(self):
        if self.connection is not None:
            self.connection.disconnect()
            self.connection = None
