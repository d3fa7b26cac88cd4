"""Server time of pages in process: Django's test client, no network, median of N requests.

    python bench/inprocess.py /en/ /en/members/ ...      (BENCH_DATABASE_URL, REDIS_URL…)
    BENCH_PROFILE=1 python bench/inprocess.py /en/news/feed/   (cProfile of the last URL)

What a page costs the worker that renders it, steadier than wrk's figures on a busy machine.
run.py uses `server_times()` for its in-process column.
"""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def server_times(urls, repeat=20, client=None, headers=None):
    """{url: (median ms, status, bytes)} over `repeat` requests after one to warm up."""
    from django.test import Client

    client = client or Client()
    results = {}
    for url in urls:
        response = client.get(url, headers=headers or {})
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get(url, headers=headers or {})
            body = b"".join(response.streaming_content) if response.streaming else response.content
            times.append((time.perf_counter() - started) * 1000)
        results[url] = (statistics.median(times), response.status_code, len(body))
    return results


def main(urls):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "alliance.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "in-process-measurement")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    if os.environ.get("BENCH_DATABASE_URL"):
        os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
    import django

    django.setup()
    repeat = int(os.environ.get("BENCH_REPEAT") or 20)
    for url, (ms, status, size) in server_times(urls, repeat).items():
        print(f"{ms:8.1f} ms  {status}  {size / 1024:8.1f} KB  {url}")
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        from django.test import Client

        client = Client()
        profile = cProfile.Profile()
        profile.enable()
        for _ in range(repeat):
            client.get(urls[-1])
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main(sys.argv[1:])
