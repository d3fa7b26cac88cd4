"""Full-page cache for anonymous visitors, renewed when what the public sees changes.

Every public page, feed and data file an anonymous visitor fetches is kept in the cache under
a key made of the method, the absolute URL with its query and the language, together with the
*data version* it was rendered at; it is served only while that version is current.

What moves the version on, so that the next request renders afresh:

- a save or delete of a row the public sees, or saw until this change. Each app declares,
  next to its models, which models feed public pages and which of their rows are public
  (`watch()`, `watch_relation()`); a pending join request or an unconfirmed signature is not,
  so bots posting forms never empty the cache;
- a workflow that changes public data with a conditional `QuerySet.update()` (which sends no
  signal) says so with `renew_public_pages()`;
- time: an app declares when its data next change by themselves (`schedule()`: a scheduled
  article going live), and the first request after that moment renews the pages.

With several processes the cache must be shared (`REDIS_URL`), or one worker would go on
serving what another has just changed; that is why `PAGE_CACHE_SECONDS` defaults to 0
without Redis.
"""

import contextvars
import functools
import gzip
import hashlib
import math
import os
import pickle
import re
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.http import FileResponse, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

from core.compression import accepts_gzip, compress

VERSION_KEY = "page-cache:version"
# Moves on with the data only, not with time (changes_version).
CHANGES_KEY = "page-cache:changes"
# (version, timestamp or None): when the public data next change by themselves, as known at
# that version; recomputed whenever the version moves on.
DUE_KEY = "page-cache:due"
# Larger responses are streamed to the visitor and not kept.
MAX_BYTES = 8 * 1024 * 1024
# Headers a file built ahead, served again from what was held, does not take from the last
# answer: its length is read from the file itself.
FILE_HEADERS_NOT_HELD = frozenset(["content-length", "date"])

# The data version as the current request first read it, so that the figures a page
# remembers cost one round trip each rather than two: {"version": …} during a request
# (PageCacheMiddleware), None outside one. This process's own renewals drop it.
_request_memo = contextvars.ContextVar("page_cache_request_memo", default=None)
# Callables answering when an app's public data next change by themselves (a datetime or None).
_schedules = []
# Callables run whenever the public data change (renew_public_pages), inside the transaction.
_renewal_listeners = []
# Callables answering a request from a copy built ahead (the data files), or None.
_built_responders = []
_served_ahead = []  # for each responder, which paths it answers


def _bump(keys=(VERSION_KEY, CHANGES_KEY)):
    if (memo := _request_memo.get()) is not None:
        memo.clear()
    if _held_pages is not None:
        # Redis will say so too; this process's next request must not wait for it.
        _held_pages.forget()
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:  # no version yet (or evicted): any new value will do
            cache.set(key, time.time_ns(), timeout=None)


def renew_public_pages():
    """Make every cached page and counter stale: the public data have just changed.

    It renews now, and again once the transaction commits: a page another process renders in
    between, from the data as they were before the commit, is never served.
    """
    _bump()
    on_commit_once(_bump)
    for listener in _renewal_listeners:
        listener()


def on_commit_once(callback):
    """transaction.on_commit(callback), unless it already waits for this transaction's commit.

    A transaction that changes many rows (an approval of 100 members) then renews once, and
    the data files are built after the last renewal. Safe with savepoints: a waiting callback
    is dropped only with a savepoint this change is inside of too. Django offers no public way
    to see the waiting callbacks (`run_on_commit`).
    """
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(
        waiting is callback for _sids, waiting, _robust in connection.run_on_commit
    ):
        return
    transaction.on_commit(callback)


def on_renewal(listener):
    """Call `listener()` whenever the public data change (the data files' build uses it)."""
    if listener not in _renewal_listeners:
        _renewal_listeners.append(listener)


def serve_ahead(responder, handles):
    """Let `responder(request)` answer GET and HEAD requests first: a response, or None.

    `handles(path)` says which paths it may answer: the page cache keeps none of them (a file
    built ahead is served from disk), and looks for no page of theirs.
    """
    if responder not in _built_responders:
        _built_responders.append(responder)
        _served_ahead.append(handles)


def is_served_ahead(path):
    return any(handles(path) for handles in _served_ahead)


def schedule(next_change):
    """Declare `next_change()`: when this app's public data next change without a save."""
    _schedules.append(next_change)


def _next_scheduled_change():
    """The timestamp of the next scheduled change still to come, or None. A moment the clock
    has already passed (a schedule read an instant earlier, or from another clock) is not
    one: counting it would renew the pages again and again, each renewal finding it due."""
    now = time.time()
    moments = [
        moment.timestamp()
        for moment in (next_change() for next_change in _schedules)
        if moment and moment.timestamp() > now
    ]
    return min(moments) if moments else None


def current_version(found=None):
    """(data version, timestamp of the next scheduled change or None).

    `found` is what a `get_many([VERSION_KEY, DUE_KEY, …])` already read, to save a round trip.
    Once a scheduled change is due, the first caller moves the version on.
    """
    if found is None:
        found = cache.get_many([VERSION_KEY, DUE_KEY])
    version = found.get(VERSION_KEY)
    if version is None:
        # A fresh value, never one an earlier (evicted) version counter already used.
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    due = found.get(DUE_KEY)
    if due is None or due[0] != version:
        due = (version, _next_scheduled_change())
        cache.set(DUE_KEY, due, timeout=None)
    if due[1] is not None and due[1] <= time.time():
        # One process renews; the others carry on with the version they read.
        if cache.add(f"page-cache:due-passed:{version}", 1, timeout=3600):
            # The pages move on; the data did not change (changes_version stays).
            _bump(keys=(VERSION_KEY,))
        return current_version()
    return version, due[1]


def changes_version(found=None):
    """A number that moves on with each change of the public data, but not with time (a
    scheduled change coming due): what the files built ahead are checked against
    (core.open_data), since none of them depends on the clock. `found` as current_version's.
    """
    version = (found or {}).get(CHANGES_KEY)
    if version is not None:
        return version
    if (held := held_pages()) is not None:
        # Held while Redis says nothing changed: a file built ahead is served without a
        # round trip, as a page from the page cache is.
        version, changes = held.held(CHANGES_KEY)
        if version is not None:
            return version
        found = cache.get_many([VERSION_KEY, DUE_KEY, CHANGES_KEY])
        if not held.hold_versions(changes, found):
            current_version(found)  # writes what was missing, for the next request to hold
        version = found.get(CHANGES_KEY)
    if version is None:
        cache.add(CHANGES_KEY, time.time_ns(), timeout=None)
        version = cache.get(CHANGES_KEY)
    return version


def data_version():
    """The current data version; read once a request (then kept in `_request_memo`)."""
    memo = _request_memo.get()
    if memo is None:
        return current_version()[0]
    if "version" not in memo:
        memo["version"] = current_version()[0]
    return memo["version"]


@functools.cache
def release():
    """What tells this release's kept pages and drawings from an earlier release's.

    They link to the hashed names of its static files (styles, scripts, the maps' outlines),
    which the next release may no longer serve: after a deploy, a page kept by the previous
    release would show unstyled, or a map without its countries, until the data changed. The
    static files' manifest hash (ManifestStaticFilesStorage) moves on whenever any of them
    does, and is part of every key; "" without a manifest (DEBUG).
    """
    return getattr(staticfiles_storage, "manifest_hash", None) or ""


def remember(key, compute, *, timeless=False):
    """compute(), kept in the shared cache until the data change (COUNTER_CACHE_SECONDS).

    For figures many pages show and that cost a scan, such as the live counters and the
    number of rows a list pages through; with or without the page cache (pages for logged-in
    staff, or PAGE_CACHE_SECONDS=0, still use them). Without a shared cache
    (COUNTER_CACHE_SECONDS=0) it simply computes: another process could not tell this one
    that the data changed.

    `timeless`: a figure no scheduled change affects (no article going live or event ending
    changes it), kept until the data change, not until the pages' next version: the practices'
    filter options, which take 0.6 s to count at 200,000 practices, are not counted again in
    every process each time an event ends.
    """
    if not settings.COUNTER_CACHE_SECONDS:
        return compute()
    version = f"changes-{changes_version()}" if timeless else data_version()
    versioned = f"remember:{key}:{release()}:{version}"
    value = _kept_here.get(versioned)
    if value is not None:
        return value
    value = cache.get(versioned)
    if value is None:
        value = compute()
        cache.set(versioned, value, timeout=settings.COUNTER_CACHE_SECONDS)
    _kept_here.put(versioned, value, settings.COUNTER_CACHE_SECONDS)
    return value


class KeptHere:
    """What remember() read or computed, kept in this process too: a figure kept under one data
    version never changes (a change of the data moves the version on, and so the key), so a
    copy in memory is as good as the shared cache's, without its round trip. Only the version
    is read from the shared cache on each request; another process's change is seen there.

    Kept pickled, as the shared cache keeps them: each caller gets its own copy to change. At
    most `budget` bytes (the maps' drawings are the largest, some 100 KB each), the least
    recently used dropped first, each for `timeout` seconds as in the shared cache. With
    `pickled=False`, values are kept as they are, for callers that never change them.
    """

    def __init__(self, budget=8 * 1024 * 1024, pickled=True):
        self.budget = budget
        self.pickled = pickled
        self.size = 0
        self.entries = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None:
                return None
            expires, packed, _size = entry
            if expires <= time.monotonic():
                self._drop(key)
                return None
            self.entries.move_to_end(key)
        return pickle.loads(packed) if self.pickled else packed

    def put(self, key, value, timeout, size=None):
        """Keep `value`; unpickled, `size` says how many bytes it counts for."""
        if self.pickled:
            value = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
            size = len(value)
        if size > self.budget:
            return
        with self.lock:
            if key in self.entries:
                self._drop(key)
            self.entries[key] = (time.monotonic() + timeout, value, size)
            self.size += size
            while self.size > self.budget:
                self._drop(next(iter(self.entries)))

    def _drop(self, key):
        _expires, _value, size = self.entries.pop(key)
        self.size -= size

    def clear(self):
        with self.lock:
            self.entries.clear()
            self.size = 0


_kept_here = KeptHere()


class HeldPages:
    """The page cache's reads, held in this process while Redis says nothing changed.

    A hit read from Redis needs one round trip (the version, the next scheduled change and the
    page, in one `get_many`), which costs a hit as much again as answering `/robots.txt`. The
    shared cache's `KeyWatch` (core.cache_backends) is told by Redis of every change of those
    keys, so what this process last read of them, and the pages it read or rendered at that
    version, can be served from memory until a message comes: a hit then makes no round trip.
    A change made through another server moves the version on in Redis, whose message reaches
    this process before the next request it answers.

    Held as they were read (never changed by a caller, see PageCacheMiddleware.rebuild), at
    most `budget` bytes of pages, each for as long as in the shared cache.

    A file built ahead is not held (it is sent from disk): what is held is the name of its
    built copy and the headers the middleware gave it when it was last served at this version,
    so that the next request for it is answered first, as a page from the page cache is.
    """

    def __init__(self, watch, budget=16 * 1024 * 1024):
        self.watch = watch
        self.changes = None
        self.versions = None  # {VERSION_KEY: …, DUE_KEY: …, CHANGES_KEY: …} as read
        self.pages = KeptHere(budget, pickled=False)
        # (version, the built copy's file name, its headers) by page cache key; small entries
        # counted at a kilobyte each, so that addresses with made-up queries stay bounded.
        self.files = KeptHere(budget // 16, pickled=False)
        self.lock = threading.Lock()

    def read(self, key, versions_will_do=False):
        """(what `get_many` would have read, or None), and the watch's count to pass to hold().
        With `versions_will_do`, the versions held are returned even without the page."""
        versions, changes = self._versions()
        if versions is None:
            return None, changes
        entry = self.pages.get(key)
        if entry is None or entry[0] != versions[VERSION_KEY]:
            return ({**versions} if versions_will_do else None), changes
        return {**versions, key: entry}, changes

    def held(self, name):
        """(The value of one of the watched keys as last read while Redis says it has not
        changed since, else None; the watch's count to pass to hold_versions())."""
        versions, changes = self._versions()
        return (versions or {}).get(name), changes

    def _versions(self):
        """(The watched keys as last read, or None once Redis has said anything since; the
        watch's count)."""
        changes = self.watch.changes_seen()
        with self.lock:
            if changes is None or changes != self.changes:
                self._forget(changes)
                return None, changes
            return self.versions, changes

    def hold_versions(self, changes, found):
        """Hold the watched keys as a request read them (`found`), if nothing changed since
        read() or held() returned `changes`: a message come since may be about what was read.
        True when held."""
        if changes is None or self.watch.changes_seen() != changes:
            return False
        versions = {name: found.get(name) for name in (VERSION_KEY, DUE_KEY, CHANGES_KEY)}
        if None in versions.values() or versions[DUE_KEY][0] != versions[VERSION_KEY]:
            return False  # a first request, which wrote what it did not find
        with self.lock:
            if self.changes != changes:
                return False
            self.versions = versions
        return True

    def hold(self, changes, found, key, entry):
        """Hold what a request read (`found`) and the page it served (see hold_versions)."""
        if entry[0] != found.get(VERSION_KEY):
            return
        if self.hold_versions(changes, found):
            self.pages.put(key, entry, settings.PAGE_CACHE_SECONDS, size=len(entry[1]))

    def hold_file(self, changes, key, version, response):
        """Hold how a file built ahead was served (`response`, a FileResponse of its built
        copy, with every header the middleware gave it), if nothing changed since read()."""
        name = getattr(getattr(response, "file_to_stream", None), "name", None)
        if response.status_code != 200 or not isinstance(name, str):
            return
        with self.lock:
            if changes is None or self.changes != changes or self.versions is None:
                return
            if self.versions[VERSION_KEY] != version:
                return
        headers = {
            lower: header
            for lower, header in response.headers._store.items()
            if lower not in FILE_HEADERS_NOT_HELD
        }
        self.files.put(key, (version, name, headers), settings.PAGE_CACHE_SECONDS, size=1024)

    def file(self, key, version):
        """(The built copy's file name, its headers) as held for `key` at `version`, or None."""
        entry = self.files.get(key)
        if entry is None or entry[0] != version:
            return None
        return entry[1:]

    def forget(self):
        with self.lock:
            self._forget(None)

    def _forget(self, changes):
        self.changes = changes
        self.versions = None
        self.pages.clear()
        self.files.clear()


_held_pages = None


def held_pages():
    """This process's HeldPages, for a shared cache that can watch its keys; else None."""
    global _held_pages
    watch_keys = getattr(cache, "watch", None)
    if watch_keys is None:
        return None
    watch = watch_keys((VERSION_KEY, DUE_KEY, CHANGES_KEY))
    if _held_pages is None or _held_pages.watch is not watch:
        _held_pages = HeldPages(watch)
    return _held_pages


def watch(model, is_public=None):
    """Declare that `model` feeds public pages: saving or deleting a row renews them.

    With `is_public(row)`, only rows the public sees, or saw until this change, renew them.
    """
    uid = f"public-pages:{model._meta.label}"
    if is_public is None:
        post_save.connect(_renew_on_signal, sender=model, dispatch_uid=uid)
        post_delete.connect(_renew_on_signal, sender=model, dispatch_uid=uid)
        return

    def remember_if_public(instance, **kwargs):
        previous = None
        if not instance._state.adding and instance.pk is not None:
            previous = type(instance)._base_manager.filter(pk=instance.pk).first()
        instance._was_public = previous is not None and is_public(previous)

    def renew_if_public(instance, **kwargs):
        if getattr(instance, "_was_public", False) or is_public(instance):
            renew_public_pages()

    # weak=False: these closures have no other reference to keep them alive.
    pre_save.connect(remember_if_public, sender=model, dispatch_uid=uid, weak=False)
    post_save.connect(renew_if_public, sender=model, dispatch_uid=uid, weak=False)
    post_delete.connect(renew_if_public, sender=model, dispatch_uid=uid, weak=False)


def watch_relation(through):
    """Declare that a many-to-many relation feeds public pages (an article's tags)."""
    uid = f"public-pages:{through._meta.label}"
    m2m_changed.connect(_renew_on_signal, sender=through, dispatch_uid=uid)


def _renew_on_signal(**kwargs):
    renew_public_pages()


def is_cacheable_path(path):
    """The public pages (under a language prefix), feeds and open-data files."""
    if path.startswith("/data/"):
        return True
    prefixes = tuple(f"/{code}/" for code, _name in settings.LANGUAGES)
    return path.startswith(prefixes)


def is_anonymous_request(request):
    # No session cookie means no logged-in user and no session data, without loading it.
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def language_of(path):
    """The language a public page is in: its address's prefix ("" for the data files)."""
    code = path.split("/", 2)[1]
    return code if code in _language_codes() else ""


@functools.cache
def _language_codes():
    return frozenset(code for code, _name in settings.LANGUAGES)


class ServeAheadMiddleware:
    """Answer GET and HEAD requests for files built ahead (core.open_data) from their copies,
    for everyone, signed in or not. After the security, compression and CSP middleware (the
    files carry their headers) and before the session's, which a file does not need."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD"):
            for responder in _built_responders:
                if (response := responder(request)) is not None:
                    PageCacheMiddleware.mark_public(response)
                    # Not copied into the page cache: megabytes in and out on every hit.
                    response.served_ahead = True
                    return response
        return self.get_response(request)


MAX_AGE = re.compile(r"max-age=\d+")
# Headers a kept page does not keep: each answer sets its own.
NOT_KEPT = frozenset(["content-length", "content-encoding", "etag", "date"])


class HeldFileResponse(FileResponse):
    """A file whose headers its sender sets: none guessed from its name (about a fifth of the
    time of a data file served from what was held)."""

    def set_headers(self, filelike):
        pass


class PageCacheMiddleware:
    """Serve anonymous GET/HEAD requests for public pages from the cache.

    First of all the middleware, so that a hit costs none of the others: the page is kept
    with every header they added when it was rendered (security headers, the CSP…), and a
    hit answers conditional requests itself. A page is kept only after the session, CSRF and
    messages middleware ran, from what they left on the request: a response that used the
    session, a CSRF token or a message is personal and never kept. The page is kept gzipped
    (anonymous public pages hold no secret, so BREACH has nothing to find): a hit for a
    client accepting gzip sends it as it is.
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

        # One round trip: the current data version, when it next changes by itself, and the
        # page, stored with the version it was rendered at; a page of an older version is
        # rendered again. None while this process holds them and Redis says nothing changed.
        key = self.cache_key(request)
        held = held_pages()
        # A file built ahead is served from disk, never kept here: the data version held in
        # this process is all its check needs (the file is only kept here, rendered, in the
        # moments between a change and its build).
        served_ahead = is_served_ahead(request.path)
        found, changes = (
            held.read(key, versions_will_do=served_ahead) if held is not None else (None, None)
        )
        read_here = found is not None
        if not read_here:
            found = cache.get_many([VERSION_KEY, DUE_KEY, CHANGES_KEY, key])
        version, due = current_version(found)
        if served_ahead and read_here and (sent := self.resend(request, held, key, version)):
            return sent
        _request_memo.get()["version"] = version
        # A file built ahead is checked against this, without a second round trip.
        if CHANGES_KEY in found:
            request.data_changes = found[CHANGES_KEY]
        entry = found.get(key)
        if entry is not None and entry[0] == version:
            if held is not None and not read_here:
                held.hold(changes, found, key, entry)
            return self.rebuild(request, entry, due)
        response = self.get_response(request)
        if getattr(response, "served_ahead", False):
            if held is not None:
                if not read_here:
                    held.hold_versions(changes, found)
                held.hold_file(changes, self.file_key(request, key), version, response)
            return response
        if not self.is_cacheable_response(request, response):
            self.mark_private(response)
            return response
        response, entry = self.store(request, response, key, version, due)
        if held is not None and entry is not None:
            held.hold(changes, found, key, entry)
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
                language_of(request.path),
                release(),
            ]
        )
        # "v2": the form of the kept entry; one kept by an earlier release is never read.
        return "page-cache:v2:" + hashlib.sha256(identity.encode()).hexdigest()

    @staticmethod
    def file_key(request, key):
        """A file built ahead is sent gzipped or not, by what the client accepts."""
        return key + (":gzip" if accepts_gzip(request) else "")

    def is_cacheable_response(self, request, response):
        if response.status_code != 200 or response.cookies:
            return False
        # Compressed by GZipMiddleware, or not at all.
        if response.get("Content-Encoding", "gzip") != "gzip":
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
        messages = getattr(request, "_messages", None)
        return not (messages is not None and messages.added_new)

    def store(self, request, response, key, version, due):
        """(the response, what is kept of it or None)."""
        if response.streaming:
            body, rest = self.read_stream(response)
            if rest is not None:  # too large to keep: send it on as a stream
                response.streaming_content = rest
                return response, None
            response = self.replace_stream(response, body)
        if response.has_header("Content-Encoding"):
            packed = response.content
        else:
            # As core.compression.GZipMiddleware, unpadded: the same page, the same bytes.
            packed = compress(response.content)
        self.mark_public(response, due)
        if not response.has_header("Last-Modified"):
            response["Last-Modified"] = http_date()
        # One tag for what is kept, told apart by encoding as the files built ahead are.
        digest = hashlib.md5(packed, usedforsecurity=False).hexdigest()
        compressed = response.has_header("Content-Encoding")
        response["ETag"] = f'"{digest}-gz"' if compressed else f'"{digest}"'
        headers = {
            name.lower(): (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_KEPT
        }
        entry = (version, packed, headers, digest)
        cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
        return response, entry

    def rebuild(self, request, entry, due):
        _version, packed, headers, digest = entry
        compressed = accepts_gzip(request)
        response = HttpResponse(packed if compressed else gzip.decompress(packed))
        # The kept headers (Vary and Cache-Control as mark_public() left them) were checked
        # when the page was rendered: set as they are, without checking each again, which
        # costs a hit about a tenth of the floor's time. `_store` is the mapping behind
        # Django's ResponseHeaders (django.utils.datastructures.CaseInsensitiveMapping).
        response.headers._store.update(headers)
        response["ETag"] = f'"{digest}-gz"' if compressed else f'"{digest}"'
        if compressed:
            response["Content-Encoding"] = "gzip"
        if due is not None:  # max-age shortens as the next scheduled change nears
            max_age = max(0, min(settings.PAGE_MAX_AGE, math.ceil(due - time.time())))
            kept = response.headers._store["cache-control"][1]
            response.headers._store["cache-control"] = (
                "Cache-Control",
                MAX_AGE.sub(f"max-age={max_age}", kept),
            )
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            conditional = get_conditional_response(
                request,
                etag=response["ETag"],
                last_modified=parse_http_date_safe(response.get("Last-Modified", "")),
                response=response,
            )
            if conditional is not response:
                return conditional
        response["Content-Length"] = str(len(response.content))
        return response

    def resend(self, request, held, key, version):
        """The file built ahead at `key` as it was last served at this version, or None.

        Sent from its built copy with the headers every middleware gave it then, without
        running them again: on a 2-core server, what they cost a request is what kept a data
        file (140 KB to 1 MB gzipped) under `/robots.txt`'s requests per second. Conditional
        requests go the whole way (ServeAheadMiddleware answers them with a 304).
        """
        if "HTTP_IF_NONE_MATCH" in request.META or "HTTP_IF_MODIFIED_SINCE" in request.META:
            return None
        kept = held.file(self.file_key(request, key), version)
        if kept is None:
            return None
        name, headers = kept
        try:
            handle = open(name, "rb")  # noqa: SIM115 - closed with the response
        except FileNotFoundError:  # replaced by a newer build: served the whole way
            return None
        # A FileResponse, so that gunicorn sends it with sendfile(); its headers are the held
        # ones (ResponseHeaders' mapping, as rebuild() sets a kept page's), with the length
        # of this file.
        response = HeldFileResponse(handle)
        response.headers._store = dict(headers)
        response.headers._store["content-length"] = (
            "Content-Length",
            str(os.fstat(handle.fileno()).st_size),
        )
        response.served_ahead = True
        return response

    def read_stream(self, response):
        chunks, size = [], 0
        iterator = iter(response.streaming_content)
        for chunk in iterator:
            chunks.append(chunk)
            size += len(chunk)
            if size > MAX_BYTES:
                return None, self.chain(chunks, iterator)
        return b"".join(chunks), None

    @staticmethod
    def chain(chunks, iterator):
        yield from chunks
        yield from iterator

    @staticmethod
    def replace_stream(streaming, body):
        response = HttpResponse(body, status=streaming.status_code)
        for name, value in streaming.items():
            response[name] = value
        # Not streaming.close(): the stream has been read to its end (its cursor is released),
        # and close() would announce the end of the request while it is still being served,
        # letting Django close the database connection under the rest of it.
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
