"""Where a page's time goes, in process: cProfile over many requests on the bench-peer data.

    python -m bench.peer.profiles [URL…]                  print (/en/ and /en/news/feed/)
    python -m bench.peer.profiles --write before [URL…]   and into bench/peer.md's section
                                                          "profile before" (or "after")

With PEER_SRC (and PEER_WORK) as for `make bench-peer`, which must have run, the peer's
matching pages (its home and weblog RSS) are profiled too, in its own environment.

The portal as `make bench-peer` runs it (DEBUG off, no page cache nor Redis, the figures
kept in each process) on its database (BENCH_PEER_DATABASE_URL, filled by `make bench-peer`,
or here when empty); requests through Django's test client with `Accept-Encoding: gzip`, as wrk sends them,
after a warm-up. For each page: the server time without the profiler, its queries with their
time, the profiled time of each Django subsystem (its functions' own time: these add up to
the whole) and of the main entry points (with what they call), and our functions.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench.peer import report  # noqa: E402

URLS = ["/en/", "/en/news/feed/"]
HEADERS = {"accept-encoding": "gzip"}
OURS = (
    "alliance",
    "core",
    "background",
    "members",
    "declarations",
    "news",
    "practices",
    "cooperation",
    "contact",
    "events",
    "library",
    "participants",
    "templates",
)
# Where each function's own time is counted, by the file it is in (first match wins).
SUBSYSTEMS = [
    ("template rendering", ("/django/template/", "/django/templatetags/")),
    ("ORM: queries built, rows turned into objects", ("/django/db/models/",)),
    ("SQL sent and read (backend, psycopg)", ("/django/db/backends/", "/psycopg2/", "/psycopg/")),
    ("URL reversing and resolving", ("/django/urls/",)),
    ("translation", ("/django/utils/translation/", "/modeltranslation/", "/gettext.py")),
    ("feed writing (syndication, XML)", ("/django/contrib/syndication/", "/feedgenerator.py", "/xml/")),
    ("compression (gzip)", ("/gzip.py", "/django/utils/text.py", "zlib")),
    ("escaping, safe and lazy strings", ("/django/utils/html.py", "/django/utils/safestring.py", "/django/utils/functional.py", "/django/utils/encoding.py")),
    ("dates and number formats", ("/django/utils/formats.py", "/django/utils/dateformat.py", "/django/utils/timezone.py", "/django/utils/numberformat.py", "/zoneinfo/", "/datetime.py", "/_strptime.py")),
    ("middleware", ("/django/middleware/", "/django/contrib/sessions/", "/django/contrib/messages/", "/django/contrib/auth/", "/whitenoise/", "/csp/")),
    ("request and response handling", ("/django/core/handlers/", "/django/http/", "/django/test/", "/django/utils/datastructures.py", "/django/utils/cache.py")),
    ("cache machinery", ("/django/core/cache/",)),
    ("signals", ("/django/dispatch/",)),
    ("settings and other Django", ("/django/",)),
]  # fmt: skip


def is_ours(filename):
    path = Path(filename)
    try:
        relative = path.resolve().relative_to(ROOT)
    except (ValueError, OSError):
        return False
    return relative.parts[0] in OURS


def subsystem(key):
    """The subsystem a function (pstats' key: file, line, name) belongs to."""
    filename, _line, name = key
    if filename == "~":  # a built-in: tell it by its name
        if "psycopg" in name or "cursor" in name:
            return "SQL sent and read (backend, psycopg)"
        if "zlib" in name or "compress" in name:
            return "compression (gzip)"
        return "Python built-ins (str, dict, isinstance…)"
    if is_ours(filename):
        return "our code"
    for label, patterns in SUBSYSTEMS:
        if any(pattern in filename for pattern in patterns):
            return label
    return "other libraries and the standard library"


def short(key):
    filename, line, name = key
    if filename == "~":
        return name
    if is_ours(filename):
        where = Path(filename).resolve().relative_to(ROOT).with_suffix("")
        return f"{'.'.join(where.parts)}.{name}"
    parts = Path(filename).parts
    start = parts.index("site-packages") + 1 if "site-packages" in parts else -2
    parts = parts[start:]
    return f"{'/'.join(parts)}:{line} {name}"


def by_subsystem(stats, requests):
    """[(subsystem, own ms per request, share)], largest first."""
    totals = {}
    for key, (_cc, _nc, own, _cumulative, _callers) in stats.stats.items():
        label = subsystem(key)
        totals[label] = totals.get(label, 0.0) + own
    whole = sum(totals.values()) or 1.0
    return sorted(
        ((label, 1000 * own / requests, own / whole) for label, own in totals.items()),
        key=lambda item: -item[1],
    )


INCLUSIVE = [
    ("the request, through every middleware", "django/core/handlers/base.py", "get_response"),
    ("the view, without the middleware", "django/core/handlers/base.py", "_get_response"),
    ("the feed's items (our `items()`, its queries)", "news/feeds.py", "items"),
    ("the feed's items read once (our `Selection.articles`)", "news/feeds.py", "articles"),
    ("the peer's feed items (`blog/feeds.py`)", "blog/feeds.py", "items"),
    ("the feed's XML (Django's feedgenerator)", "django/utils/feedgenerator.py", "write"),
    ("rendering of templates (with the queries they run)", "django/template/base.py", "render"),
    (
        "SQL round trips (execute and fetch)",
        "django/db/backends/utils.py",
        "_execute_with_wrappers",
    ),
    ("SQL compilation (as_sql)", "django/db/models/sql/compiler.py", "as_sql"),
    ("reverse()", "django/urls/base.py", "reverse"),
    ("gettext and friends", "django/utils/translation/trans_real.py", "gettext"),
    ("GZip middleware's response", "django/middleware/gzip.py", "process_response"),
    ("date formatting", "django/utils/dateformat.py", "format"),
    ("format_html", "django/utils/html.py", "format_html"),
]


def inclusive(stats, requests):
    """[(label, ms per request with what it calls, calls per request)] of INCLUSIVE's
    entry points (the outermost call of each: cProfile does not count a recursion twice)."""
    found = []
    for label, path, name in INCLUSIVE:
        matches = [
            (values[1], values[3])
            for key, values in stats.stats.items()
            if key[2] == name and key[0].endswith(path)
        ]
        if matches:
            calls = sum(calls for calls, _ in matches)
            found.append((label, 1000 * max(c for _, c in matches) / requests, calls / requests))
    return found


def ours(stats, requests, count=15):
    """Our functions by time with what they call: [(name, ms per request, calls per request)],
    leaving out our middleware, which wraps the view."""
    view = max(
        (values[3] for key, values in stats.stats.items() if key[2] == "_get_response"),
        default=stats.total_tt,
    )
    rows = [
        (short(key), 1000 * cumulative / requests, calls / requests)
        for key, (_cc, calls, _own, cumulative, _callers) in stats.stats.items()
        if key[0] != "~" and is_ours(key[0]) and cumulative < view
    ]
    return sorted(rows, key=lambda row: -row[1])[:count]


def heaviest(stats, requests, count=12):
    """Functions by their own time, anywhere: [(name, ms per request, calls per request)]."""
    rows = [
        (short(key), 1000 * own / requests, calls / requests)
        for key, (_cc, calls, own, _cumulative, _callers) in stats.stats.items()
    ]
    return sorted(rows, key=lambda row: -row[1])[:count]


def queries(client, url):
    """[(ms, SQL)] of one request."""
    from django.db import connection

    found = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            found.append(((time.perf_counter() - started) * 1000, sql))

    with connection.execute_wrapper(timed):
        client.get(url, headers=HEADERS)
    return found


def profile_page(client, url, requests):
    for _ in range(20):
        client.get(url, headers=HEADERS)
    times = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(url, headers=HEADERS)
        times.append((time.perf_counter() - started) * 1000)
    sql = queries(client, url)
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(requests):
        client.get(url, headers=HEADERS)
    profile.disable()
    stats = pstats.Stats(profile)
    profiled = 1000 * stats.total_tt / requests
    return response, statistics.median(times), sql, stats, profiled


def table(header, rows, formats):
    lines = [f"| {' | '.join(header)} |", "|---|" + "---:|" * (len(header) - 1)]
    for row in rows:
        cells = [fmt.format(value) for fmt, value in zip(formats, row, strict=True)]
        lines.append(f"| {' | '.join(cells)} |")
    return lines


def page_section(client, url, requests):
    response, median, sql, stats, profiled = profile_page(client, url, requests)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    lines = [
        f"### `{url}`",
        "",
        f"{response.status_code}, {len(body) / 1024:.1f} KB sent gzipped; server time "
        f"{median:.1f} ms (median of {requests}, no profiler), {profiled:.1f} ms under "
        f"cProfile; {len(sql)} queries, {sum(ms for ms, _ in sql):.1f} ms in PostgreSQL "
        "and the driver:",
        "",
        *table(
            ["query", "ms"],
            [
                (f"`{statement[:140]}{'…' if len(statement) > 140 else ''}`", ms)
                for ms, statement in sql
            ],
            ["{}", "{:.2f}"],
        ),
        "",
        "Own time by subsystem (adds up to the profiled time):",
        "",
        *table(
            ["subsystem", "ms per request", "share"],
            by_subsystem(stats, requests),
            ["{}", "{:.2f}", "{:.0%}"],
        ),
        "",
        "Entry points, with what they call (overlapping: templates run queries and reverse URLs):",
        "",
        *table(
            ["entry point", "ms per request", "calls per request"],
            inclusive(stats, requests),
            ["{}", "{:.2f}", "{:.0f}"],
        ),
        "",
        "Our functions, with what they call (not our middleware, around the view):",
        "",
        *table(
            ["function", "ms per request", "calls per request"],
            [(f"`{name}`", ms, calls) for name, ms, calls in ours(stats, requests)],
            ["{}", "{:.2f}", "{:.0f}"],
        ),
        "",
        "The heaviest functions by their own time:",
        "",
        *table(
            ["function", "ms per request", "calls per request"],
            [(f"`{name}`", ms, calls) for name, ms, calls in heaviest(stats, requests)],
            ["{}", "{:.2f}", "{:.0f}"],
        ),
        "",
    ]
    return lines


PEER_URLS = {"/en/": "/", "/en/news/feed/": "/rss/weblog/"}


def peer_section(urls, requests):
    """The peer's pages matching ours (home, feed), profiled the same way in its own
    environment (bench/peer/peer_site/bench_tasks.py): its server time and entry points."""
    import json
    import subprocess

    from bench.peer import run as peer_run

    peer_src = Path(os.environ["PEER_SRC"]).resolve()
    work = Path(os.environ.get("PEER_WORK") or Path.home() / ".cache" / "alliance-bench-peer")
    server = "postgres://postgres@127.0.0.1:5432"
    database = os.environ.get("PEER_DATABASE_URL") or f"{server}/djangoproject_bench_peer"
    paths = [PEER_URLS[url] for url in urls if url in PEER_URLS]
    found = json.loads(
        subprocess.run(
            [
                str(work / "venv" / "bin" / "python"),
                str(peer_run.PEER_SITE / "bench_tasks.py"),
                "profile",
                *paths,
            ],
            cwd=peer_src,
            env=peer_run.peer_environment(work, peer_src, database),
            input=json.dumps(INCLUSIVE),
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    lines = [
        "### The peer's matching pages, profiled the same way",
        "",
        "djangoproject.com in its own environment, the same minutes, the test client with its "
        "`Host`, no `Accept-Encoding` (it has no GZipMiddleware):",
        "",
        "| | " + " | ".join(f"`{path}`" for path in paths) + " |",
        "|---|" + "---:|" * len(paths),
        "| server time, ms (median, no profiler) | "
        + " | ".join(f"{found[path]['median_ms']:.1f}" for path in paths)
        + " |",
        "| queries | " + " | ".join(str(found[path]["queries"]) for path in paths) + " |",
        "| under cProfile, ms | "
        + " | ".join(f"{found[path]['profiled_ms']:.1f}" for path in paths)
        + " |",
    ]
    for label, _ending, _name in INCLUSIVE:
        values = [found[path]["entry_points"][label] for path in paths]
        if any(values):
            lines.append(f"| {label} | " + " | ".join(f"{value:.2f}" for value in values) + " |")
    return [*lines, ""]


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench.peer.profiles", description=__doc__)
    parser.add_argument("urls", nargs="*", default=URLS)
    parser.add_argument("--write", metavar="LABEL", help="into bench/peer.md's 'profile LABEL'")
    parser.add_argument("--requests", type=int, default=100)
    options = parser.parse_args(argv)

    from bench.peer import run as peer_run

    server = "postgres://postgres@127.0.0.1:5432"
    url = os.environ.get("BENCH_PEER_DATABASE_URL") or f"{server}/alliance_bench_peer"
    work = Path(os.environ.get("PEER_WORK") or Path.home() / ".cache" / "alliance-bench-peer")
    os.environ.update(peer_run.our_environment(work, url))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import OperationalError, connection
    from django.test import Client

    from members.models import Member

    try:
        call_command("migrate", interactive=False, verbosity=0)
        empty = not Member.objects.exists()
    except OperationalError:  # no database yet
        empty = True
    if empty:
        connection.close()  # the database is made anew: no session of ours may hold it
        peer_run.prepare_ours(url)
    call_command("collectstatic", interactive=False, verbosity=0)
    load = os.getloadavg()
    lines = [
        f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load average "
        f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} (the machine is shared: compare shares "
        "more than milliseconds), on `make bench-peer`'s data; page cache and Redis off, "
        f"counters' cache {os.environ['COUNTER_CACHE_SECONDS'] or '0'} s (kept per process), "
        "DEBUG off, after 20 requests of warm-up.",
        "",
    ]
    client = Client()
    for page in options.urls:
        lines += page_section(client, page, options.requests)
    if os.environ.get("PEER_SRC"):
        lines += peer_section(options.urls, options.requests)
    text = "\n".join(lines)
    print(text)
    if options.write:
        output = Path(os.environ.get("PEER_OUTPUT") or ROOT / "bench" / "peer.md")
        before = output.read_text() if output.exists() else ""
        output.write_text(report.replace_section(before, text, f"profile {options.write}"))


if __name__ == "__main__":
    main()
