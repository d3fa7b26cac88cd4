"""Full-page cache for anonymous visitors, renewed when what the public sees changes.

Every public page, feed and data file an anonymous visitor fetches is kept in the cache,
whole (the response as Django pickles it), under a key made of the method, the absolute URL
with its query, whether the client takes gzip and the release, together with the *data
version* it was rendered at; it is served only while that version is current.

What moves the version on (`renew_public_pages()`, called by `core.workflows` only): a save
or delete of a row the public sees, or saw until this change, and every workflow's
`transition()`. Time, too, changes what the public sees (a scheduled article going live):
each app declares when its data next change by themselves (`schedule()`), and nothing kept
at a version outlives that moment.

With several processes the cache must be shared (`REDIS_URL`), or one worker would go on
serving what another has just changed; that is why `PAGE_CACHE_SECONDS` defaults to 0
without Redis. The figures `remember()` keeps are small and kept in each process anyway: without
Redis the data version is also stamped in a file the processes of one server share
(`VersionStamp`), so that they stay right, and cheap, on a server without Redis. With Redis, each process also keeps what it last read in its own memory while
Redis says the version has not changed (`core.key_watch`): a hit then costs no round trip.
"""

import contextvars
import functools
import hashlib
import itertools
import logging
import math
import os
import pickle
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path

from django.conf import settings
from django.contrib import messages
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache, caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection, transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from core.key_watch import key_watch

logger = logging.getLogger(__name__)

VERSION_KEY = "page-cache:version"
# (version, timestamp or None): when the public data next change by themselves, as known at
# that version.
DUE_KEY = "page-cache:due"
# Larger responses (a data file rendered before its build) are streamed and not kept.
MAX_BYTES = 8 * 1024 * 1024

# The data version as the current request first read it: {"version": …} during a request
# (PageCacheMiddleware), None outside one.
_request_memo = contextvars.ContextVar("page_cache_request_memo", default=None)
# Callables answering when an app's public data next change by themselves (a datetime or None).
_schedules = []
# Callables run once a change of the public data is committed.
_renewal_listeners = []
# What answers a request from a copy built ahead (the data files).
_served_ahead = []


# The data version -------------------------------------------------------------------------


def renew_public_pages():
    """Make every cached page and counter stale: the public data have just changed.

    It renews now, and again once the transaction commits: a page another process renders in
    between, from the data as they were before the commit, is never served. The workflows
    (core.workflows) call it; no other code should need to.
    """
    _bump()
    transaction.on_commit(_committed)


def _committed():
    _bump()
    for listener in _renewal_listeners:
        listener()


def _bump():
    if (memo := _request_memo.get()) is not None:
        memo.clear()
    _held.forget()  # Redis will say so too; this process's next request must not wait for it
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or evicted): any new value will do
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)
    if per_process_cache():
        _stamp.renew()


def data_version():
    """The current data version: read once a request, and not at all while this process holds
    it and Redis says it has not changed."""
    memo = _request_memo.get()
    if memo is not None and "version" in memo:
        return memo["version"]
    version = _held.version()
    if version is None:
        version = _read_version(cache.get(VERSION_KEY))
    if memo is not None:
        memo["version"] = version
    return version


def _read_version(version):
    if version is None:
        # A fresh value, never one an earlier (evicted) version counter already used.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    if per_process_cache():
        # This process's counter moves with its own changes only: the stamp, with every
        # process's. A stamp that cannot be read gives a version no other read gives, so that
        # nothing kept is ever found again.
        return f"{version}.{_stamp.read() or f'unread-{time.time_ns()}'}"
    _held.hold(version)
    return version


def per_process_cache():
    """Whether the default cache is this process's own (Django's LocMemCache, without Redis)."""
    return isinstance(caches["default"], LocMemCache)


class VersionStamp:
    """The data version as every process of this server sees it, without Redis: a few bytes in
    a file in the temporary directory, named after the database whose data it describes,
    replaced whole at each change (written aside, then renamed over the old one, so a reader
    sees one stamp or the other). Reading it is a small local read, no round trip.

    Written here because Django's caches are either per process (LocMemCache) or a server to
    run (Redis, Memcached) or a table to create (DatabaseCache); the file-based one would do,
    but keeps the version as a pickle with an expiry, under a directory it must be told.
    Several servers without Redis would each have their own stamp: they need REDIS_URL, as the
    page cache and the rate limits do.
    """

    def path(self):
        database = connection.settings_dict
        name = f"{database.get('HOST') or ''}:{database.get('PORT') or ''}:{database['NAME']}"
        digest = hashlib.sha256(name.encode()).hexdigest()[:20]
        return Path(tempfile.gettempdir()) / f"alliance-data-version-{digest}"

    def read(self):
        path = self.path()
        try:
            return path.read_text() or self.renew()
        except FileNotFoundError:
            return self.renew()
        except OSError as error:
            logger.warning("Data version stamp unreadable (%s): nothing is kept", error)
            return None

    def renew(self):
        """A new stamp, never one used before; None if it cannot be written."""
        path = self.path()
        stamp = f"{time.time_ns()}-{os.getpid()}"
        try:
            with tempfile.NamedTemporaryFile(
                "w", dir=path.parent, prefix=f"{path.name}.", delete=False
            ) as written:
                written.write(stamp)
            os.replace(written.name, path)
        except OSError as error:
            logger.warning("Data version stamp not written (%s): nothing is kept", error)
            return None
        return stamp


_stamp = VersionStamp()


def on_renewal(listener):
    """Call `listener()` once each change of the public data is committed."""
    if listener not in _renewal_listeners:
        _renewal_listeners.append(listener)


def schedule(next_change):
    """Declare `next_change()`: when this app's public data next change without a save."""
    _schedules.append(next_change)


def next_change(version, found=None):
    """The timestamp of the next scheduled change still to come at `version`, or None.
    `found`: what a `get_many([DUE_KEY, …])` already read, to save a round trip."""
    due = cache.get(DUE_KEY) if found is None else found.get(DUE_KEY)
    now = time.time()
    if due is None or due[0] != version or (due[1] is not None and due[1] <= now):
        # A moment the clock has already passed (read an instant earlier, or from another
        # clock) is not one: nothing could be kept until it.
        moments = [
            moment.timestamp()
            for moment in (next_change() for next_change in _schedules)
            if moment and moment.timestamp() > now
        ]
        due = (version, min(moments, default=None))
        cache.set(DUE_KEY, due, timeout=None)
    return due[1]


def _lifetime(seconds, due):
    """How long something kept now may be kept: `seconds`, and never past `due`."""
    if due is None:
        return seconds
    return min(seconds, due - time.time())


@functools.cache
def release():
    """What tells this release's kept pages and drawings from an earlier release's.

    They link to the hashed names of its static files (styles, scripts, the maps' outlines),
    which the next release may no longer serve. The static files' manifest hash
    (ManifestStaticFilesStorage) moves on whenever any of them does, and is part of every
    key; "" without a manifest (DEBUG).
    """
    return getattr(staticfiles_storage, "manifest_hash", None) or ""


# What this process keeps ------------------------------------------------------------------


class KeptHere:
    """Pickled values this process keeps, at most `budget` bytes, the least recently used
    dropped first, each until it expires. Keys hold the data version they were read at: a
    value kept under one version never changes, so a copy in memory is as good as the shared
    cache's, without its round trip."""

    def __init__(self, budget=24 * 1024 * 1024):
        self.budget = budget
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            if entry[0] <= time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
            return entry[1]

    def put(self, key, packed, timeout):
        if len(packed) > self.budget or timeout <= 0:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (time.monotonic() + timeout, packed)
            self.size += len(packed)
            while self.size > self.budget:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        self.size -= len(self.entries.pop(key)[1])

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


_kept_here = KeptHere()


class HeldVersion:
    """The data version as this process last read it, for as long as Redis (through the
    watch, core.key_watch) says nothing has written it since."""

    def __init__(self):
        self.changes = self.held = None
        self.lock = threading.Lock()

    def version(self):
        """The version held, or None: then the caller reads it, and hold() keeps it."""
        watch = key_watch(VERSION_KEY)
        if watch is None:
            return None
        changes = watch.changes_seen()
        with self.lock:
            if changes is None or changes != self.changes:
                self.changes, self.held = changes, None
            return self.held

    def hold(self, version):
        watch = key_watch(VERSION_KEY)
        if watch is None:
            return
        with self.lock:
            # A message come since the count was taken may be about what was read.
            if self.changes is not None and watch.changes_seen() == self.changes:
                self.held = version

    def forget(self):
        with self.lock:
            self.changes = self.held = None


_held = HeldVersion()


def remember(key, compute, *, timeless=False):
    """compute(), kept in the shared cache until the data change (COUNTER_CACHE_SECONDS).

    For figures many pages show and that cost a scan, such as the live counters and the
    number of rows a list pages through; with or without the page cache (pages for logged-in
    staff, or PAGE_CACHE_SECONDS=0, still use them). Each process keeps a copy of what it
    read, as long as the shared cache does. Without Redis the figures are kept in each
    process, under a data version that holds the server's stamp (`VersionStamp`): a change
    any process of the server makes renews them in all. With COUNTER_CACHE_SECONDS=0 it
    simply computes.

    `timeless`: a figure no scheduled change affects (no article going live or event ending
    changes it), kept until the data change, not only until the next scheduled change: the
    practices' filter options, which take 0.6 s to count at 200,000 practices.
    """
    if not settings.COUNTER_CACHE_SECONDS:
        return compute()
    version = data_version()
    # "v2": the form of the kept entry (expiry, value); one kept by an earlier release is not read.
    versioned = f"remember:v2:{key}:{release()}:{version}"
    packed = _kept_here.get(versioned)
    if packed is None:
        found = cache.get(versioned)
        if found is None or found[0] <= time.time():
            found = None
            due = None if timeless else next_change(version)
            lifetime = _lifetime(settings.COUNTER_CACHE_SECONDS, due)
            value = compute()
            if lifetime > 0:
                found = (time.time() + lifetime, value)
                cache.set(versioned, found, math.ceil(lifetime))
        if found is None:
            return value
        packed = pickle.dumps(found[1], pickle.HIGHEST_PROTOCOL)
        _kept_here.put(versioned, packed, found[0] - time.time())
    # Each caller its own copy, to change as it likes.
    return pickle.loads(packed)


# The middleware ---------------------------------------------------------------------------


def serve_ahead(responder):
    """Let `responder(request)` answer GET and HEAD requests first: a response, or None (a
    data file from its built copy)."""
    if responder not in _served_ahead:
        _served_ahead.append(responder)


def is_cacheable_path(path):
    """The public pages (under a language prefix), feeds and open-data files."""
    if path.startswith("/data/"):
        return True
    return path.startswith(tuple(f"/{code}/" for code, _name in settings.LANGUAGES))


def is_anonymous_request(request):
    # No session cookie means no logged-in user and no session data, without loading it.
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def accepts_gzip(request):
    """Whether the client takes a gzipped copy (the page cache keeps one apart for it)."""
    return "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")


def language_of(path):
    """The language a public page is in: its address's prefix ("" for the data files)."""
    code = path.split("/", 2)[1]
    return code if code in {code for code, _name in settings.LANGUAGES} else ""


class ServeAheadMiddleware:
    """Answer GET and HEAD requests for files built ahead (core.open_data) from their copies,
    for everyone, signed in or not. After the security, compression and CSP middleware (the
    files carry their headers) and before the session's, which a file does not need."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            for responder in _served_ahead:
                if (response := responder(request)) is not None:
                    PageCacheMiddleware.mark_public(response)
                    response.served_ahead = True  # not kept: megabytes in and out
                    return response
        return self.get_response(request)


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD requests for public pages from the cache.

    First of all the middleware, so that a hit costs none of the others: the response is kept
    as the others left it (security headers, the CSP, gzipped, its ETag…), and a hit answers
    conditional requests itself. A response that set a cookie, used the session or a CSRF
    token, or left a message, is personal and never kept.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request_memo.set({})
        try:
            return self.respond(request)
        finally:
            _request_memo.reset(token)

    def respond(self, request):
        if request.method not in ("GET", "HEAD") or not is_cacheable_path(request.path):
            return self.get_response(request)
        anonymous = is_anonymous_request(request)
        if not anonymous or settings.PAGE_CACHE_SECONDS <= 0:
            response = self.get_response(request)
            if getattr(response, "served_ahead", False):
                return response
            if anonymous and self.is_cacheable_response(request, response):
                self.mark_public(response)
            else:
                self.mark_private(response)
            return response

        key = self.cache_key(request)
        version = _held.version()
        if version is not None and _kept_here.get(f"ahead:{request.path}:{version}"):
            return self.get_response(request)
        kept = None if version is None else _kept_here.get(f"{key}:{version}")
        if kept is not None:
            return self.answer(request, *pickle.loads(kept))
        # One round trip: the version (unless held), when the data next change by themselves,
        # and the page, kept with its version.
        if version is None:
            found = cache.get_many([VERSION_KEY, DUE_KEY, key])
            version = _read_version(found.get(VERSION_KEY))
        else:
            found = cache.get_many([DUE_KEY, key])
        _request_memo.get()["version"] = version
        entry = found.get(key)
        if entry is not None and entry[0] == version and entry[2] > time.time():
            _kept_here.put(f"{key}:{version}", entry[1], entry[2] - time.time())
            return self.answer(request, *pickle.loads(entry[1]))
        due = next_change(version, found)  # before rendering: what it reads is as of now
        response = self.get_response(request)
        if getattr(response, "served_ahead", False):
            # Sent from its built copy: not looked for in the cache again at this version.
            _kept_here.put(f"ahead:{request.path}:{version}", b"1", settings.PAGE_CACHE_SECONDS)
            return response
        if not self.is_cacheable_response(request, response):
            self.mark_private(response)
            return response
        if response.streaming and (response := self.read_whole(response)).streaming:
            return response  # too large to keep
        self.mark_public(response, due)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        lifetime = _lifetime(settings.PAGE_CACHE_SECONDS, due)
        if lifetime > 0:
            packed = pickle.dumps((response, due), pickle.HIGHEST_PROTOCOL)
            expires = time.time() + lifetime
            cache.set(key, (version, packed, expires), math.ceil(lifetime))
            _kept_here.put(f"{key}:{version}", packed, lifetime)
        return response

    def cache_key(self, request):
        # The Host header as sent, not validated here (that costs a hit a tenth of the
        # floor): a page is only ever kept for a host that the view accepted (an unknown host
        # gets a 400, never kept), so another host's key finds nothing.
        identity = "\n".join(
            [
                request.method,
                request.scheme,
                request.META.get("HTTP_HOST", ""),
                request.path,
                request.META.get("QUERY_STRING", ""),
                "gzip" if accepts_gzip(request) else "",
                release(),
            ]
        )
        return "page-cache:v3:" + hashlib.sha256(identity.encode()).hexdigest()

    @staticmethod
    def is_cacheable_response(request, response):
        if response.status_code != 200 or response.cookies:
            return False
        cache_control = response.get("Cache-Control", "")
        if any(word in cache_control for word in ("private", "no-cache", "no-store")):
            return False
        # The page holds a CSRF token (a form): it is tied to this visitor's cookie.
        if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
            return False
        session = getattr(request, "session", None)
        if session is not None and session.modified:
            return False
        return not getattr(messages.get_messages(request), "added_new", False)

    @staticmethod
    def read_whole(streaming):
        """A streamed response (a data file rendered before its build) as one response to
        keep, or `streaming` itself, going on streaming, when larger than MAX_BYTES."""
        chunks, size = [], 0
        stream = iter(streaming.streaming_content)
        for chunk in stream:
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                streaming.streaming_content = itertools.chain(chunks, stream)
                return streaming
        # Not streaming.close(): that would announce the end of the request while it is still
        # being served, letting Django close the database connection under the rest of it.
        whole = HttpResponse(b"".join(chunks), status=streaming.status_code)
        for name, value in streaming.items():
            whole[name] = value
        whole["Content-Length"] = str(size)
        return whole

    @staticmethod
    def answer(request, response, due):
        if due is not None:  # max-age shortens as the next scheduled change nears
            patch_cache_control(
                response, max_age=max(0, min(settings.PAGE_MAX_AGE, math.ceil(due - time.time())))
            )
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            return get_conditional_response(
                request,
                etag=response.get("ETag"),
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
        return response

    @staticmethod
    def mark_public(response, due=None):
        # Browsers and proxies keep a page no longer than until the next scheduled change.
        max_age = settings.PAGE_MAX_AGE
        if due is not None:
            max_age = max(0, min(max_age, math.ceil(due - time.time())))
        patch_cache_control(response, public=True, max_age=max_age)
        # Kept for the visitor's cookies only: once staff log in (to approve a request, say)
        # their browser asks again instead of showing the page it kept from before. And per
        # encoding: a gzipped copy is not for every client.
        patch_vary_headers(response, ["Cookie", "Accept-Encoding"])

    @staticmethod
    def mark_private(response):
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
