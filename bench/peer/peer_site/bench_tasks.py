"""Work done inside djangoproject.com's own environment for `make bench-peer`: run by the
peer's Python, with `bench_settings` as its settings, from bench/peer/run.py.

    python bench_tasks.py entries < paragraphs.json   200 weblog entries; prints one's path
    python bench_tasks.py pages /weblog/ /rss/weblog/ status, queries and bytes of each page
    python bench_tasks.py profile / /rss/weblog/ < entry_points.json     their profiles
"""

import datetime
import json
import statistics
import sys
import time
from urllib.parse import urlsplit

import django

HOST = "www.djangoproject.localhost"


def add_entries(paragraphs, count=200):
    """`count` published entries of three paragraphs, the newest yesterday, one every three
    days before it, saved one by one so that the entry's own save() renders them; returns the
    path of the middle one."""
    from blog.models import ContentFormat, Entry

    now = datetime.datetime.now().replace(microsecond=0)
    for n in range(count):
        paragraph = paragraphs[n % len(paragraphs)]
        Entry(
            headline=f"Django community update number {n + 1}",
            slug=f"community-update-{n + 1}",
            is_active=True,
            pub_date=now - datetime.timedelta(days=1 + 3 * n, minutes=n),
            content_format=ContentFormat.REST,
            summary=paragraph.split(". ")[0] + ".",
            body="\n\n".join([paragraph] * 3),
            author="Django Software Foundation",
        ).save()
    middle = Entry.objects.published().order_by("-pub_date")[count // 2]
    # django-hosts gives a full address ("//www.djangoproject.localhost:8000/weblog/…").
    return urlsplit(middle.get_absolute_url()).path


def measure_pages(paths, repeat=20):
    """{path: {"status", "queries", "size", "gzip_size", "server_ms"}}, as bench/run.py's
    measure_queries and bench/inprocess.py's server_times (the median of `repeat`)."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    found = {}
    for path in paths:
        client.get(path)
        executed.clear()
        with connection.execute_wrapper(count):
            response = client.get(path)
        queries = len(executed)
        packed = client.get(path, headers={"accept-encoding": "gzip"})
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            client.get(path, headers={"accept-encoding": "gzip"})
            times.append((time.perf_counter() - started) * 1000)
        found[path] = {
            "server_ms": statistics.median(times),
            "status": response.status_code,
            "queries": queries,
            "size": len(response.content),
            # What a client accepting gzip receives: djangoproject.com has no GZipMiddleware
            # (its nginx compresses), so its pages go out plain here.
            "gzip_size": len(packed.content),
            "gzipped": packed.get("content-encoding") == "gzip",
        }
    return found


def profile_pages(paths, entry_points, requests=100):
    """{path: {"median_ms", "profiled_ms", "queries", "entry_points": {label: ms}}}: the server
    time without the profiler, then cProfile over `requests` requests, and the time of each
    entry point ([label, file ending, function name]) with what it calls, per request."""
    import cProfile
    import pstats

    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    executed = []

    def count(execute, sql, params, many, context):
        executed.append(sql)
        return execute(sql, params, many, context)

    found = {}
    for path in paths:
        for _ in range(20):
            client.get(path)
        times = []
        for _ in range(requests):
            started = time.perf_counter()
            client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        executed.clear()
        with connection.execute_wrapper(count):
            client.get(path)
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(requests):
            client.get(path)
        profile.disable()
        stats = pstats.Stats(profile).stats
        found[path] = {
            "median_ms": statistics.median(times),
            "profiled_ms": 1000 * pstats.Stats(profile).total_tt / requests,
            "queries": len(executed),
            "entry_points": {
                label: 1000
                * max(
                    (v[3] for k, v in stats.items() if k[2] == name and k[0].endswith(ending)),
                    default=0.0,
                )
                / requests
                for label, ending, name in entry_points
            },
        }
    return found


def main(argv):
    django.setup()
    command, *rest = argv
    if command == "entries":
        print(json.dumps({"item": add_entries(json.load(sys.stdin))}))
    elif command == "pages":
        print(json.dumps(measure_pages(rest)))
    elif command == "profile":
        print(json.dumps(profile_pages(rest, json.load(sys.stdin))))
    else:
        sys.exit(f"unknown command {command!r}")


if __name__ == "__main__":
    main(sys.argv[1:])
