"""The benchmark behind `make bench` (see docs/bench.md).

It fills a database with generated data, starts the site as production does (gunicorn, DEBUG
off, WhiteNoise, 2 workers), drives each URL with wrk, first with the page cache off and then
on, and prints one table, written to bench/results.md as well. Requests/s are compared with
/robots.txt served by the same gunicorn in the same run: the cost of Django itself, the floor
no page can beat. Settings come from the environment:

  BENCH_DATABASE_URL  database to fill (postgres://postgres@127.0.0.1:5432/alliance_bench)
  BENCH_SCALE         1 = 10,000 members, 50,000 signatures, 5,000 articles; 0.02 = 200 members…
  BENCH_DURATION      seconds of load per URL and pass (10)
  BENCH_CONNECTIONS   concurrent connections (16)
  BENCH_URLS          comma-separated paths instead of the default list
  BENCH_REDIS_URL     Redis for the cache (redis://127.0.0.1:6379/1; empty: per-process memory)
  BENCH_OUTPUT        where the Markdown report goes (bench/results.md; at another scale
                      bench/results-scale-<scale>.md), with a .json of each page's figures
                      beside it: a run at scale 1 or 10 compares with the other's (flat_section)
  BENCH_SERVERS       0 skips the scenario with two servers behind HAProxy (1: run it)
  BENCH_PEER          a JSON file naming another site running beside the bench, to compare
                      its home, list, item and feed pages with ours (see load_peer)

Requests carry `Accept-Encoding: gzip`, as browsers' do. After the two passes, a third runs a
few pages through HAProxy (bench/haproxy.cfg) in front of one, then two gunicorn servers
sharing the database and Redis; the admin's lists are timed in process, signed in.
"""

import contextlib
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from bench.inprocess import server_times  # noqa: E402

WORKERS = 2
BASELINE = "/robots.txt"
# The targets; the report lists every page that misses one.
MAX_QUERIES = 12
MIN_CACHED_RATIO = 0.90
MAX_P95_MS = 150


def default_output(scale):
    """bench/results.md at the default scale, bench/results-scale-10.md at BENCH_SCALE=10…"""
    name = "results.md" if scale == 1 else f"results-scale-{scale:g}.md"
    return ROOT / "bench" / name


@dataclass
class Config:
    database_url: str
    scale: float
    duration: int
    connections: int
    urls: list
    redis_url: str
    output: Path

    @classmethod
    def from_env(cls):
        env = os.environ.get
        return cls(
            database_url=env("BENCH_DATABASE_URL")
            or "postgres://postgres@127.0.0.1:5432/alliance_bench",
            scale=float(env("BENCH_SCALE") or 1),
            duration=int(env("BENCH_DURATION") or 10),
            connections=int(env("BENCH_CONNECTIONS") or 16),
            urls=[url.strip() for url in (env("BENCH_URLS") or "").split(",") if url.strip()],
            redis_url=env("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1"),
            output=Path(env("BENCH_OUTPUT") or default_output(float(env("BENCH_SCALE") or 1))),
        )

    @property
    def counts(self):
        return {
            "members": max(46, round(10_000 * self.scale)),
            "signatures": round(50_000 * self.scale),
            "articles": round(5_000 * self.scale),
            "events": round(2_000 * self.scale),
            "documents": round(5_000 * self.scale),
            "practices": round(20_000 * self.scale),
        }


@dataclass
class Load:
    """What wrk measured for one URL."""

    requests: int
    seconds: float
    errors: int
    p50_ms: float
    p95_ms: float

    @property
    def rate(self):
        return self.requests / self.seconds if self.seconds else 0.0


@dataclass
class Page:
    url: str
    status: int = 0
    queries: int = 0
    size: int = 0
    gzip_size: int = 0
    loads: dict = field(default_factory=dict)  # pass name → Load


def log(message):
    print(message, file=sys.stderr, flush=True)


def django_environment(config, redis_url):
    return {
        "DJANGO_SETTINGS_MODULE": "alliance.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        # Plain HTTP on the loopback: no redirect to HTTPS, no HSTS.
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": config.database_url,
        "REDIS_URL": redis_url,
        "PAGE_CACHE_SECONDS": "0",
        "LOG_LEVEL": "WARNING",
        "DATA_FILES_ROOT": str(ROOT / "bench" / "data-files"),
        # The task worker does not run during the bench: the files are built in prepare().
        "TASKS_BACKEND": "database",
    }


def create_database(url):
    """Make the benchmark's database anew: no earlier schema or data can get in its way."""
    import dj_database_url
    import psycopg2
    from psycopg2 import sql

    settings = dj_database_url.parse(url)
    if settings["ENGINE"] == "django.db.backends.sqlite3":
        Path(settings["NAME"]).unlink(missing_ok=True)
        return
    if settings["ENGINE"] != "django.db.backends.postgresql":
        return
    server = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
    )
    server.autocommit = True
    name = sql.Identifier(settings["NAME"])
    with server.cursor() as cursor:
        log(f"Creating the database {settings['NAME']} anew")
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
    server.close()


def redis_reachable(url):
    if not url:
        return False
    import redis

    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def prepare(config):
    from django.core.management import call_command

    from bench.data import generate

    call_command("migrate", interactive=False, verbosity=0)
    started = time.monotonic()
    generate(clear=True, log=log, **config.counts)
    generated = time.monotonic() - started
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.monotonic()
    call_command("build_data_files", verbosity=0)
    built = time.monotonic() - started
    from django.contrib.auth.models import User

    User.objects.filter(username="bench-admin").delete()
    User.objects.create_superuser("bench-admin", "bench@example.org", secrets.token_urlsafe())
    return generated, built


def default_urls():
    """{label: URL}: the issue's list, with a real member, article, country (the one with the
    most members: the largest country page) and search words from the database. The labels
    name the same page at every scale (`flat_table`)."""
    from django.db.models import Count

    from members.models import Member
    from practices.models import Practice

    members = Member.objects.approved().filter(kind=Member.Kind.CITY).order_by("pk")
    member = members[members.count() // 2]
    largest = (
        Member.objects.approved()
        .values_list("country")
        .annotate(number=Count("pk"))
        .order_by("-number", "country")
        .first()[0]
    )
    word = member.name.split()[0]
    published = Practice.objects.published().order_by("pk")
    return {
        "home": "/en/",
        "directory": "/en/members/",
        "directory search": f"/en/members/?country={member.country}&q={quote(word)}",
        "member": member.get_absolute_url(),
        "map": "/en/members/map/",
        "largest country": f"/en/countries/{largest.lower()}/",
        "declaration": "/en/declaration/",
        "news": "/en/news/",
        "article": middle_article_url(),
        "feed": "/en/news/feed/",
        "events": "/en/events/",
        "calendar": "/en/events/calendar.ics",
        "library": "/en/library/",
        "library filtered": "/en/library/?language=ro",
        "members.csv": "/data/members.csv",
        "members.json": "/data/members.json",
        "practices.csv": "/data/practices.csv",
        "search": "/en/search/?q=roma",
        "practices": "/en/practices/",
        "practices search": f"/en/practices/?q={quote(word)}",
        "practice": published[published.count() // 2].get_absolute_url(),
    }


def middle_article_url():
    from news.models import Article

    published = Article.objects.published().order_by("pk")
    return published[published.count() // 2].get_absolute_url()


def measure_queries(urls):
    """Status, SQL queries and bytes (plain and gzipped) of each URL, in process."""
    from django.db import connection
    from django.test import Client

    client = Client()
    pages = []
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    for url in [BASELINE, *urls]:
        client.get(url)  # first request: fills Django's own caches (content types, templates)
        # Counted as they run (an execute wrapper), not from the debug log of the connection,
        # which the request's start empties.
        executed.clear()
        with connection.execute_wrapper(count):
            response = client.get(url)
            body = b"".join(response.streaming_content) if response.streaming else response.content
        queries = len(executed)
        packed = client.get(url, headers={"accept-encoding": "gzip"})
        packed_body = b"".join(packed.streaming_content) if packed.streaming else packed.content
        pages.append(Page(url, response.status_code, queries, len(body), len(packed_body)))
    return pages


ADMIN_URLS = [
    "/admin/members/member/",
    "/admin/members/member/?q=town",
    "/admin/members/member/?status__exact=approved",
    "/admin/declarations/signature/",
    "/admin/declarations/signature/?q=maria",
    "/admin/declarations/signature/?country__exact=FR",
    "/admin/declarations/signature/?status__exact=verified",
    "/admin/practices/practice/",
    "/admin/practices/practice/?q=roma",
    "/admin/practices/practice/?status__exact=published",
    "/admin/background/outgoingemail/",
    "/admin/background/outgoingemail/?q=example",
]


def measure_admin():
    """Server time of the admin's lists, signed in as a superuser, in process (median ms)."""
    from django.contrib.auth.models import User
    from django.test import Client

    client = Client()
    client.force_login(User.objects.get(username="bench-admin"))
    return server_times(ADMIN_URLS, repeat=5, client=client)


def warm_up(base, urls):
    # Several times each, so that both workers have loaded every template.
    for url in urls:
        for _ in range(2 * WORKERS):
            with contextlib.suppress(urllib.error.HTTPError):
                urllib.request.urlopen(base + url, timeout=60).read()


def wrk(base, url, config, host=None):
    command = [
        "wrk",
        *(["--header", f"Host: {host}"] if host else []),
        "--threads",
        "2",
        "--connections",
        str(config.connections),
        "--duration",
        f"{config.duration}s",
        "--timeout",
        "10s",
        "--header",
        "Accept-Encoding: gzip",
        "--script",
        str(ROOT / "bench" / "report.lua"),
        base + url,
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    values = {key: int(value) for key, value in re.findall(r"(\w+)=(\d+)", line)}
    errors = sum(values[name] for name in ("connect", "read", "write", "status", "timeout"))
    return Load(
        requests=values["requests"],
        seconds=values["duration"] / 1e6,
        errors=errors,
        p50_ms=values["p50"] / 1000,
        p95_ms=values["p95"] / 1000,
    )


def settle(base):
    """Wait until gunicorn has worked off the requests wrk left queued when it stopped.

    Sync workers still answer connections wrk has given up on; without this, a slow page
    would eat into the time of the next URL.
    """
    for _ in range(WORKERS + 1):
        urllib.request.urlopen(base + BASELINE, timeout=300).read()


def drive(pages, env, config, name, memory=None):
    log(f"== page cache {name}: gunicorn, {WORKERS} workers, wrk {config.connections} connections")
    floor, *others = pages
    with servers.gunicorn(env, workers=WORKERS) as (base, process):
        warm_up(base, [page.url for page in pages])
        # The floor before and after the pages, so a change of load on the machine during the
        # pass weighs on the ratios less.
        before = wrk(base, floor.url, config)
        for page in others:
            page.loads[name] = load = wrk(base, page.url, config)
            settle(base)
            log(f"   {page.url}: {load.rate:.0f} req/s, p95 {load.p95_ms:.0f} ms")
        after = wrk(base, floor.url, config)
        if memory is not None:
            memory[name] = servers.resident_memory_mb(process)
    floor.loads[name] = Load(
        requests=before.requests + after.requests,
        seconds=before.seconds + after.seconds,
        errors=before.errors + after.errors,
        p50_ms=(before.p50_ms + after.p50_ms) / 2,
        p95_ms=max(before.p95_ms, after.p95_ms),
    )
    log(f"   {floor.url}: {before.rate:.0f} then {after.rate:.0f} req/s")


def bytes_floor(pages, env, config):
    """Each data file built ahead, its gzipped copy sent by bench/bytes_floor.py (a bare WSGI
    application under the same gunicorn) instead of the site: {url: Load}."""
    from core.open_data import built_copy

    files = {page.url: str(path) for page in pages if (path := built_copy(page.url))}
    if not files:
        return {}
    log("== the same bytes from a bare WSGI application (bench/bytes_floor.py)")
    env = {**env, "BENCH_BYTES_FLOOR_FILES": json.dumps(files)}
    loads = {}
    with servers.gunicorn(
        env, workers=WORKERS, app="bench.bytes_floor:application", health=next(iter(files))
    ) as (base, _process):
        warm_up(base, list(files))
        for url in files:
            loads[url] = wrk(base, url, config)
            log(f"   {url}: {loads[url].rate:.0f} req/s")
    return loads


def bytes_table(pages, loads):
    lines = [
        "## The data files against the same bytes",
        "",
        "A data file built ahead is a few hundred kilobytes to megabytes, which `/robots.txt` "
        "does not send: its gzipped copy, sent by a bare WSGI application under the same "
        "gunicorn (bench/bytes_floor.py), is the floor of its bytes. The site's cached "
        "requests/s as a share of it tells what the site adds to sending them (Django's own "
        "cost, which `/robots.txt` measures, included: it weighs most on small files).",
        "",
        "| URL | KB gzip | cached req/s | same bytes, bare req/s | × same bytes |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for page in pages:
        if page.url in loads:
            bare = loads[page.url].rate
            share = page.loads["on"].rate / bare if bare else 0.0
            lines.append(
                f"| `{page.url}` | {page.gzip_size / 1024:.1f} | {page.loads['on'].rate:.0f} "
                f"| {bare:.0f} | {share:.0%} |"
            )
    return [*lines, ""]


def scale_out(urls, env, config):
    """{(servers, cache): {url: Load}}: through HAProxy, in front of one server then two."""
    results = {}
    for cache_seconds in ("0", "600"):
        cache_name = "cached" if cache_seconds != "0" else "uncached"
        pass_env = {**env, "PAGE_CACHE_SECONDS": cache_seconds, "TRUSTED_PROXY_COUNT": "1"}
        with (
            servers.gunicorn(pass_env, workers=WORKERS) as (one, _),
            servers.gunicorn(pass_env, workers=WORKERS) as (two, _),
        ):
            for count, backends in ((1, (one, one)), (2, (one, two))):
                log(f"== {count} server(s) behind HAProxy, {cache_name}")
                with servers.haproxy(*backends) as base:
                    warm_up(base, urls)
                    loads = results[(count, cache_name)] = {}
                    for url in urls:
                        loads[url] = wrk(base, url, config)
                        settle(base)
                        log(f"   {url}: {loads[url].rate:.0f} req/s")
    return results


MAX_GROWTH = 1.5


def other_scale(config):
    """The record of the other scale's run to compare with: the default scale's run compares
    with BENCH_SCALE=10's (bench/results-scale-10.json) and the other way round."""
    names = {1.0: "results-scale-10.json", 10.0: "results.json"}
    name = names.get(config.scale)
    path = ROOT / "bench" / name if name else None
    if path is None or not path.exists():
        return None
    return json.loads(path.read_text())


def flat_section(other, record):
    """Each page's uncached p95 and queries at both scales, and the pages that grow."""
    small, large = sorted([other, record], key=lambda run: run["scale"])
    lines = [
        f"## Flat with size: scale {small['scale']:g} and {large['scale']:g}",
        "",
        f"Uncached p95 and SQL queries of the same page at both scales; target: p95 within "
        f"{MAX_GROWTH}× and the same number of queries.",
        "",
        f"| page | p95 ms at {small['scale']:g} | p95 ms at {large['scale']:g} | × | "
        f"queries at {small['scale']:g} | queries at {large['scale']:g} |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    grown = []
    for label, before in small["pages"].items():
        after = large["pages"].get(label)
        if after is None:
            continue
        growth = after["p95_ms"] / before["p95_ms"] if before["p95_ms"] else 0.0
        lines.append(
            f"| {label} | {before['p95_ms']:.0f} | {after['p95_ms']:.0f} | {growth:.2f} "
            f"| {before['queries']} | {after['queries']} |"
        )
        if growth > MAX_GROWTH:
            grown.append(f"- {label}: p95 {growth:.2f}× at scale {large['scale']:g}")
        if after["queries"] != before["queries"]:
            grown.append(f"- {label}: {before['queries']} → {after['queries']} queries")
    lines += [
        "",
        "Every page stays flat." if not grown else "Pages that grow:\n\n" + "\n".join(grown),
        "",
    ]
    return lines


def refresh_flat_section(path, other, record):
    """Write the comparison of both scales into the other scale's report too, replacing the one
    it holds: whichever scale runs last, bench/results.md and results-scale-10.md then compare
    the same two runs. The rest of that report (its own tables, notes added by hand) stays."""
    if not path.exists():
        return
    text = path.read_text()
    heading = "## Flat with size:"
    start = text.find(heading)
    if start == -1:
        return
    end = text.find("\n## ", start + len(heading))
    rest = text[end + 1 :] if end != -1 else ""
    path.write_text(text[:start] + "\n".join(flat_section(other, record)) + "\n" + rest)


# The kinds of page compared with the peer, and ours of each kind (see `peer_pages`).
PEER_KINDS = ("home", "list", "item", "feed")
MIN_PEER_RATIO = 1.5


def load_peer(path):
    """The peer site described in a JSON file (BENCH_PEER), or None.

    {"name": "djangoproject.com", "base": "http://127.0.0.1:8100", "host": "www.…",
     "pages": {"home": "/", "list": "/weblog/", "item": "/weblog/…/", "feed": "/rss/weblog/"}}

    The peer runs beside the bench, started by whoever runs it (uncached, persistent database
    connections, 2 workers, like ours): the bench only sends it requests.
    """
    if not path:
        return None
    peer = json.loads(Path(path).read_text())
    missing = [kind for kind in PEER_KINDS if kind not in peer.get("pages", {})]
    if missing:
        sys.exit(f"BENCH_PEER: no page of kind {', '.join(missing)} in {path}")
    return peer


def peer_pages(article_url):
    return {"home": "/en/", "list": "/en/news/", "item": article_url, "feed": "/en/news/feed/"}


def compare_with_peer(peer, ours, env, config, rounds=3):
    """{kind: (our Load, peer's Load)}: each kind of page, ours then the peer's, in turn, for
    `rounds` rounds, our page cache off; only one server is under load at a time."""
    totals = {kind: ([], []) for kind in PEER_KINDS}
    with servers.gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, workers=WORKERS) as (base, _):
        warm_up(base, list(ours.values()))
        for round_number in range(rounds):
            log(f"== side by side with {peer['name']}, round {round_number + 1} of {rounds}")
            for kind in PEER_KINDS:
                our_load = wrk(base, ours[kind], config)
                settle(base)
                their_load = wrk(peer["base"], peer["pages"][kind], config, host=peer.get("host"))
                totals[kind][0].append(our_load)
                totals[kind][1].append(their_load)
                log(f"   {kind}: ours {our_load.rate:.0f} req/s, theirs {their_load.rate:.0f}")
    return {kind: (combined(loads[0]), combined(loads[1])) for kind, loads in totals.items()}


def combined(loads):
    return Load(
        requests=sum(load.requests for load in loads),
        seconds=sum(load.seconds for load in loads),
        errors=sum(load.errors for load in loads),
        p50_ms=sorted(load.p50_ms for load in loads)[len(loads) // 2],
        p95_ms=max(load.p95_ms for load in loads),
    )


def peer_table(peer, ours, results):
    lines = [
        f"| kind | our page | req/s | p95 ms | {peer['name']} page | req/s | p95 ms | × peer |",
        "| --- | --- | ---: | ---: | --- | ---: | ---: | ---: |",
    ]
    for kind in PEER_KINDS:
        mine, theirs = results[kind]
        times = mine.rate / theirs.rate if theirs.rate else 0.0
        lines.append(
            f"| {kind} | `{ours[kind]}` | {mine.rate:.0f} | {mine.p95_ms:.0f} "
            f"| `{peer['pages'][kind]}` | {theirs.rate:.0f} | {theirs.p95_ms:.0f} | {times:.2f}× |"
        )
    return "\n".join(lines)


def peer_misses(results):
    found = []
    for kind in PEER_KINDS:
        mine, theirs = results[kind]
        if theirs.rate and mine.rate / theirs.rate < MIN_PEER_RATIO:
            found.append(
                f"- {kind}: {mine.rate / theirs.rate:.2f}× the peer's requests/s "
                f"(target {MIN_PEER_RATIO}×)"
            )
        if mine.errors or theirs.errors:
            found.append(f"- {kind}: errors under load (ours {mine.errors}, peer {theirs.errors})")
    return found


def scale_table(results, urls):
    lines = [
        "| URL | 1 server req/s | 2 servers req/s | 1 server cached | 2 servers cached |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for url in urls:
        cells = [
            f"{results[(count, name)][url].rate:.0f}"
            for name in ("uncached", "cached")
            for count in (1, 2)
        ]
        lines.append(f"| `{url}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def ratio(page, floor, name):
    return page.loads[name].rate / floor.loads[name].rate if floor.loads[name].rate else 0.0


def table(pages):
    floor = pages[0]
    lines = [
        "| URL | queries | KB | KB gzip | req/s | × floor | p50 ms | p95 ms | errors "
        "| cached req/s | × floor | cached p95 ms | cached errors |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in pages:
        off, on = page.loads["off"], page.loads["on"]
        url = page.url if page.status == 200 else f"{page.url} ({page.status})"
        lines.append(
            f"| `{url}` | {page.queries} | {page.size / 1024:.1f} | {page.gzip_size / 1024:.1f} "
            f"| {off.rate:.0f} "
            f"| {ratio(page, floor, 'off'):.0%} | {off.p50_ms:.1f} | {off.p95_ms:.1f} "
            f"| {off.errors} | {on.rate:.0f} | {ratio(page, floor, 'on'):.0%} "
            f"| {on.p95_ms:.1f} | {on.errors} |"
        )
    return "\n".join(lines)


def misses(pages, same_bytes=None):
    """The pages that miss a target, with the reasons; a data file's cached ratio is told
    against its bytes' own floor as well (`same_bytes`: {url: Load} from bytes_floor)."""
    same_bytes = same_bytes or {}
    floor, found = pages[0], []
    for page in pages[1:]:
        reasons = []
        if page.status != 200:
            reasons.append(f"answers {page.status}")
        if page.queries > MAX_QUERIES:
            reasons.append(f"{page.queries} queries > {MAX_QUERIES}")
        if page.loads["off"].p95_ms >= MAX_P95_MS:
            reasons.append(f"uncached p95 {page.loads['off'].p95_ms:.0f} ms")
        if ratio(page, floor, "on") < MIN_CACHED_RATIO:
            reason = f"cached {ratio(page, floor, 'on'):.0%} of the floor"
            if bare := same_bytes.get(page.url):
                reason += (
                    f" ({page.loads['on'].rate / bare.rate:.0%} of the same bytes sent by a bare"
                    " WSGI application)"
                )
            reasons.append(reason)
        if page.loads["off"].errors or page.loads["on"].errors:
            reasons.append("errors under load")
        if reasons:
            found.append(f"- `{page.url}`: {', '.join(reasons)}")
    return found


def machine():
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.1f} GiB memory"
    # Other work on the machine lowers every figure: the ratios suffer less than the rates.
    load = ", load average {:.1f} {:.1f} {:.1f} before the run".format(*os.getloadavg())
    return f"{cpu}, {os.cpu_count()} cores{memory}{load}"


def versions(cache_label):
    import django
    import gunicorn as gunicorn_package
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0].split()[0]}"
    else:
        import sqlite3

        database = f"SQLite {sqlite3.sqlite_version}"
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
    return (
        f"Python {platform.python_version()}, Django {django.get_version()}, {database}, "
        f"gunicorn {gunicorn_package.__version__}, wrk {wrk_version[1] if len(wrk_version) > 1 else '?'}; "
        f"cache: {cache_label}"
    )


def scale_summary():
    from declarations.models import Signature
    from members.models import Member
    from news.models import Article

    return (
        f"{Member.objects.count():,} members ({Member.objects.approved().count():,} approved), "
        f"{Signature.objects.count():,} signatures ({Signature.objects.public().count():,} public), "
        f"{Article.objects.count():,} articles ({Article.objects.published().count():,} published)"
    )


def report(config, pages, header, extra=(), same_bytes=None):
    found = misses(pages, same_bytes)
    verdict = (
        "Every page meets the targets."
        if not found
        else "Pages that miss a target:\n\n" + "\n".join(found)
    )
    return "\n".join(
        [
            "# Benchmark results",
            "",
            "Written by `make bench` (bench/run.py). Ratios to the floor (`/robots.txt` from the "
            "same gunicorn in the same run, measured before and after the pages) are what "
            "compare between machines. Cached: the page cache on (`PAGE_CACHE_SECONDS`).",
            "",
            *[f"- **{name}**: {value}" for name, value in header.items()],
            "",
            table(pages),
            "",
            # Uncached, a page's own work is measured by its p95; its ratio to a 71-byte file
            # with no query is shown, not judged.
            f"Targets: at most {MAX_QUERIES} queries; with the page cache off p95 under "
            f"{MAX_P95_MS} ms; with it on at least {MIN_CACHED_RATIO:.0%} of the floor; no "
            f"errors. {verdict}",
            "",
            *extra,
        ]
    )


def main():
    if shutil.which("wrk") is None:
        sys.exit(
            "wrk is not installed (Debian: apt-get install wrk; `make bench` does it as root)."
        )
    config = Config.from_env()
    # A stop request (Ctrl-C, SIGTERM) unwinds normally, so gunicorn is always stopped.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    computer = machine()
    redis_url = config.redis_url if redis_reachable(config.redis_url) else ""
    cache_label = (
        f"Redis ({redis_url})"
        if redis_url
        else "per-process memory (Redis unreachable or BENCH_REDIS_URL empty)"
    )
    create_database(config.database_url)
    env = django_environment(config, redis_url)
    os.environ.update(env)

    import django

    django.setup()
    from django.db import connections

    started = time.monotonic()
    generated, built = prepare(config)
    labelled = {url: url for url in config.urls} or default_urls()
    pages = measure_queries(list(labelled.values()))
    labels = {url: label for label, url in labelled.items()}
    article_url = middle_article_url()
    admin = measure_admin()
    header = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": computer,
        "versions": versions(cache_label),
        "scale": scale_summary(),
        "preparation": (
            f"data generated in {generated:.0f} s, open data files built in {built:.1f} s"
        ),
        "load": (
            f"wrk, {config.connections} connections, {config.duration} s per URL and pass, "
            f"Accept-Encoding: gzip; gunicorn, {WORKERS} sync workers, DEBUG off, WhiteNoise"
        ),
    }
    connections.close_all()

    base_env = {**os.environ, **env}
    memory = {}
    drive(pages, {**base_env, "PAGE_CACHE_SECONDS": "0"}, config, "off", memory)
    drive(pages, {**base_env, "PAGE_CACHE_SECONDS": "600"}, config, "on", memory)
    same_bytes = bytes_floor(pages, base_env, config)

    extra = [
        *(bytes_table(pages, same_bytes) if same_bytes else []),
        "## The admin's lists (signed in, server time in process, median of 5)",
        "",
        "| URL | ms | note |",
        "| --- | ---: | --- |",
        *(
            f"| `{url}` | {ms:.0f} | {'' if status == 200 else f'answers {status}'} |"
            for url, (ms, status, _size) in admin.items()
        ),
        "",
        "## Memory",
        "",
        *(
            f"- resident memory per gunicorn worker after the {name} pass: "
            + ", ".join(f"{mb:.0f} MB" for mb in sorted(found.values()))
            for name, found in memory.items()
        ),
        "",
    ]
    if os.environ.get("BENCH_SERVERS", "1") != "0" and shutil.which("haproxy") and redis_url:
        scale_urls = [BASELINE, "/en/", "/en/news/", "/en/members/"]
        results = scale_out(scale_urls, base_env, config)
        extra += [
            "## One and two servers behind HAProxy (bench/haproxy.cfg)",
            "",
            f"Two gunicorn servers of {WORKERS} workers each, sharing PostgreSQL and Redis, on "
            f"the same {os.cpu_count()} cores as HAProxy, wrk and the databases.",
            "",
            scale_table(results, scale_urls),
            "",
        ]

    peer = load_peer(os.environ.get("BENCH_PEER"))
    if peer:
        ours = peer_pages(article_url)
        results = compare_with_peer(peer, ours, base_env, config)
        found = peer_misses(results)
        extra += [
            f"## Side by side with {peer['name']} (page caches off, ours and theirs in turn)",
            "",
            f"Both with {WORKERS} sync gunicorn workers and persistent database connections, on "
            "the same machine, loaded one at a time, 3 rounds each.",
            "",
            peer_table(peer, ours, results),
            "",
            f"Target: at least {MIN_PEER_RATIO}× the peer's requests/s. "
            + ("Every kind meets it." if not found else "Misses:\n\n" + "\n".join(found)),
            "",
        ]

    record = {
        "scale": config.scale,
        "pages": {
            labels.get(page.url, page.url): {
                "url": page.url,
                "queries": page.queries,
                "p95_ms": page.loads["off"].p95_ms,
            }
            for page in pages[1:]
        },
    }
    other = other_scale(config)
    if other is not None and other["pages"].keys() & record["pages"].keys():
        extra += flat_section(other, record)
        if config.output.resolve() == default_output(config.scale):  # not a trial run's report
            refresh_flat_section(default_output(other["scale"]), other, record)

    text = report(config, pages, header, extra, same_bytes)
    config.output.parent.mkdir(parents=True, exist_ok=True)
    config.output.write_text(text)
    config.output.with_suffix(".json").write_text(json.dumps(record, indent=1))
    print(text)
    log(f"Written to {config.output} in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
