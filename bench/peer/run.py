"""`make bench-peer`: this portal side by side with djangoproject.com, both set up here.

    make bench-peer PEER_SRC=../djangoproject.com PUSH_SRC=../django-push

Given djangoproject.com's source (commit 68a439a) and django-push's (the commit its
pyproject.toml pins), it makes the peer a virtualenv of its own (Python 3.12, its
requirements/prod.txt from PyPI, django-push from PUSH_SRC), a PostgreSQL database with its
fixtures and 200 weblog entries of three paragraphs, and runs it with its development settings,
DEBUG off (bench/peer/peer_site/bench_settings.py). This portal gets a database of its own with
the issue's data set (bench/data.py) and runs without Redis nor the page cache, its figures
kept in each process until the data change, as its settings do without Redis. Both run under gunicorn, two sync workers each, with persistent connections; wrk
(`-t2 -c16`) loads four pairs of pages, one site at a time, alternating, for two runs; the
ratios, latencies and queries go into bench/peer.md, between its markers (the rest of that
file, written by hand, stays). See bench/README.md. Settings come from the environment:

  PEER_SRC            djangoproject.com's source (required)
  PUSH_SRC            django-push's source; without it pip fetches the pinned commit from git
  PEER_PYTHON         the peer's Python 3.12 (pyenv's 3.12, else python3.12 on the PATH)
  PEER_WORK           the peer's virtualenv and data (~/.cache/alliance-bench-peer)
  PEER_DURATION       seconds of wrk per page, site and run (10)
  PEER_RUNS           runs (2)
  PEER_OUTPUT         the report (bench/peer.md)
  PEER_COUNTER_CACHE_SECONDS  ours (600, the default; 0 counts the figures on every request)
  PEER_DATABASE_URL   the peer's database, made anew (…/djangoproject_bench_peer)
  BENCH_PEER_DATABASE_URL  ours, made anew (…/alliance_bench_peer)
"""

import contextlib
import datetime
import glob
import hashlib
import json
import os
import platform
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))

from bench import run as bench_run  # noqa: E402
from bench import servers  # noqa: E402
from bench.inprocess import server_times  # noqa: E402
from bench.peer import report  # noqa: E402

PEER_SITE = ROOT / "bench" / "peer" / "peer_site"
PEER_HOST = "www.djangoproject.localhost"
PEER_COMMIT = "68a439a"
PUSH_COMMIT = "22fda99641cfbd2f3075a723d92652a8e38220a5"
# The data set (bench/data.py's generator, seed 1).
COUNTS = {
    "members": 1_134,
    "signatures": 5_105,
    "articles": 203,
    "events": 200,
    "documents": 500,
    "practices": 2_000,
}
PEER_FIXTURES = ["dev_sites", "doc_releases", "dashboard_production_metrics"]
PEER_ENTRIES = 200


def log(message):
    print(message, file=sys.stderr, flush=True)


def peer_requirements(text):
    """requirements/prod.txt as installed here: django-push left out (installed from its source,
    as its release on PyPI does not import on Django 6.1) and psycopg's C build swapped for its
    binary wheel of the same version (the same C implementation, prebuilt)."""
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.startswith("django-push"):
            continue
        kept.append(stripped.replace("psycopg-c==", "psycopg-binary==", 1))
    return "\n".join(kept) + "\n"


def find_python():
    if found := os.environ.get("PEER_PYTHON"):
        return found
    with contextlib.suppress(OSError, subprocess.CalledProcessError):
        root = subprocess.run(
            ["pyenv", "root"], capture_output=True, text=True, check=True
        ).stdout.strip()
        candidates = sorted(glob.glob(f"{root}/versions/3.12*/bin/python"))
        if candidates:
            return candidates[-1]
    if found := shutil.which("python3.12"):
        return found
    sys.exit("Python 3.12 is needed for djangoproject.com: set PEER_PYTHON (pyenv install 3.12).")


def pypi_only():
    """pip's environment asking PyPI alone, as `make lock` does."""
    env = {k: v for k, v in os.environ.items() if k not in ("PIP_FIND_LINKS", "PIP_INDEX_URL")}
    env.pop("PIP_EXTRA_INDEX_URL", None)
    return {**env, "PIP_CONFIG_FILE": os.devnull}


def install_peer(work, peer_src, push_src, python):
    """The peer's virtualenv, made once and made again when its requirements change."""
    venv = work / "venv"
    requirements = peer_requirements((peer_src / "requirements" / "prod.txt").read_text())
    push = (
        str(push_src)
        if push_src
        else f"git+https://github.com/brutasse/django-push.git@{PUSH_COMMIT}"
    )
    wanted = hashlib.sha256(f"{python}\n{requirements}\n{push}".encode()).hexdigest()
    stamp = venv / ".bench-peer"
    if stamp.exists() and stamp.read_text() == wanted:
        return venv
    log(f"== the peer's virtualenv ({python}), its requirements from PyPI")
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    (work / "requirements.txt").write_text(requirements)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, "-r", str(work / "requirements.txt")], check=True, env=pypi_only())
    subprocess.run([*pip, "--no-deps", push], check=True, env=pypi_only())
    stamp.write_text(wanted)
    return venv


def peer_environment(work, peer_src, database_url):
    import dj_database_url

    database = dj_database_url.parse(database_url)
    return {
        **os.environ,
        "PYTHONPATH": f"{PEER_SITE}{os.pathsep}{peer_src}",
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "DJANGOPROJECT_DATA_DIR": str(work / "data"),
        "PEER_SECRET_KEY": secrets.token_urlsafe(50),
        "PEER_DB_NAME": database["NAME"],
        "PEER_DB_USER": database["USER"] or "postgres",
        "PEER_DB_PASSWORD": database["PASSWORD"] or "",
        "PEER_DB_HOST": database["HOST"] or "127.0.0.1",
        "PEER_DB_PORT": str(database["PORT"] or 5432),
    }


def peer_paragraphs():
    """Our articles' paragraph (bench/data.py) about a few places and subjects: the peer's
    entries are as long as our articles."""
    from bench import data

    places = ["Strasbourg", "Košice", "Sevilla", "Cluj-Napoca", "Ghent"]
    return [
        data.PARAGRAPH_EN.format(place=place, subject=subject)
        for place in places
        for subject, _french in data.SUBJECTS[:4]
    ]


def prepare_peer(venv, peer_src, env, database_url):
    """The peer's database made anew: its migrations, its fixtures, 200 entries; returns the
    path of the middle entry."""
    bench_run.create_database(database_url)
    python = str(venv / "bin" / "python")
    manage = [python, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=peer_src, env=env, check=True)
    subprocess.run([*manage, "loaddata", *PEER_FIXTURES, "-v0"], cwd=peer_src, env=env, check=True)
    made = subprocess.run(
        [python, str(PEER_SITE / "bench_tasks.py"), "entries"],
        cwd=peer_src,
        env=env,
        input=json.dumps(peer_paragraphs()),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(made.stdout)["item"]


def peer_facts(venv, peer_src, env, paths):
    found = subprocess.run(
        [str(venv / "bin" / "python"), str(PEER_SITE / "bench_tasks.py"), "pages", *paths],
        cwd=peer_src,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(found.stdout)


def our_environment(work, database_url):
    env = bench_run.django_environment(SimpleNamespace(database_url=database_url), redis_url="")
    return {
        **env,
        "REDIS_URL": "",
        "PAGE_CACHE_SECONDS": "0",
        # The counters' cache as the settings default to without Redis: the figures kept in
        # each process until the data change (core.cache.VersionStamp), not the pages.
        "COUNTER_CACHE_SECONDS": os.environ.get("PEER_COUNTER_CACHE_SECONDS") or "600",
        "CONN_MAX_AGE": "600",
        "DATA_FILES_ROOT": str(work / "data-files"),
    }


def prepare_ours(database_url):
    """Our database made anew with the issue's data set; returns the article's path."""
    from django.core.management import call_command

    from bench.data import generate

    bench_run.create_database(database_url)
    call_command("migrate", interactive=False, verbosity=0)
    generate(clear=True, log=log, **COUNTS)
    call_command("collectstatic", interactive=False, verbosity=0)
    return bench_run.middle_article_url()


def our_facts(paths):
    pages = bench_run.measure_queries(list(paths.values()))
    by_url = {page.url: page for page in pages}
    times = server_times(list(paths.values()), repeat=20, headers={"accept-encoding": "gzip"})
    return {
        kind: {
            "server_ms": times[path][0],
            "status": by_url[path].status,
            "queries": by_url[path].queries,
            "size": by_url[path].size,
            "gzip_size": by_url[path].gzip_size,
            "gzipped": by_url[path].gzip_size < by_url[path].size,
        }
        for kind, path in paths.items()
    }


@contextlib.contextmanager
def peer_gunicorn(venv, peer_src, env):
    """djangoproject.com under gunicorn, two sync workers, as its Procfile runs it."""
    port = servers.free_port()
    command = [
        str(venv / "bin" / "gunicorn"),
        "djangoproject.wsgi",
        "--workers",
        str(report.WORKERS),
        "--bind",
        f"127.0.0.1:{port}",
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, env=env, cwd=peer_src, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        servers.wait_until_healthy(base, process, path="/")
        yield base
    finally:
        servers.stop(process)


def fetch(base, path, host=None, times=1):
    request = urllib.request.Request(base + path, headers={"Host": host} if host else {})
    for _ in range(times):
        with contextlib.suppress(urllib.error.HTTPError):
            urllib.request.urlopen(request, timeout=300).read()


def wrk(base, path, duration, host=None):
    command = report.wrk_command(base + path, duration, host=host)
    return report.parse_wrk(
        subprocess.run(command, capture_output=True, text=True, check=True).stdout
    )


def loads(sites, paths, duration, runs):
    """[{kind: {site: Load}}, …]: each pair, one site then the other (report.order), for
    `runs` runs; each run's load average before and after it."""
    found, averages = [], []
    for number in range(runs):
        before = os.getloadavg()
        log(f"== run {number + 1} of {runs} (load average {before[0]:.1f})")
        measured = {}
        for index, kind in enumerate(report.PAIRS):
            measured[kind] = {}
            for site in report.order(number, index):
                base, host = sites[site]
                measured[kind][site] = wrk(base, paths[site][kind], duration, host)
                # Sync workers still answer what wrk gave up on: let them finish first.
                fetch(base, paths[site]["home"], host, times=report.WORKERS + 1)
            ours, theirs = measured[kind]["ours"], measured[kind]["peer"]
            log(
                f"   {report.PAIRS[kind]}: ours {ours.rate:.0f} req/s, peer {theirs.rate:.0f}"
                f" ({report.ratio(ours, theirs) or 0:.2f})"
            )
        found.append(measured)
        averages.append((before, os.getloadavg()))
    return found, averages


def our_commit():
    """The commit measured, and whether the working tree differs from it."""
    git = ["git", "-C", str(ROOT)]
    found = subprocess.run([*git, "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    if found.returncode != 0:
        return "not a git checkout"
    changed = subprocess.run(
        [*git, "status", "--porcelain", "--untracked-files=no"], capture_output=True, text=True
    ).stdout.strip()
    return f"commit {found.stdout.strip()}" + (", with uncommitted changes" if changed else "")


def machine():
    text = bench_run.machine()
    return text.split(", load average")[0]


def versions(venv):
    import django
    import gunicorn

    theirs = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "import platform, django, gunicorn; "
            "print(platform.python_version(), django.get_version(), gunicorn.__version__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return (
        f"ours: Python {platform.python_version()}, Django {django.get_version()}, gunicorn "
        f"{gunicorn.__version__}; the peer: Python {theirs[0]}, Django {theirs[1]}, gunicorn "
        f"{theirs[2]}"
    )


def section(header, runs, averages, paths, facts, duration):
    lines = [f"- **{name}**: {value}" for name, value in header.items()]
    lines += ["", "Ours ÷ the peer's requests per second (bold: under 1.5):", ""]
    lines += report.summary_table(runs)
    for number, (found, (before, after)) in enumerate(zip(runs, averages, strict=True), 1):
        lines += [
            "",
            f"### Run {number} (load average {before[0]:.2f} {before[1]:.2f} {before[2]:.2f} "
            f"before, {after[0]:.2f} {after[1]:.2f} {after[2]:.2f} after)",
            "",
            *report.run_table(found, paths, facts),
        ]
    missed = report.misses(runs)
    lines += [
        "",
        f"wrk `-t2 -c16`, {duration} s per page, site and run, `Accept-Encoding: gzip`; "
        "worker ms: two workers' time per request (2,000 ÷ req/s). "
        + ("Every pair is at least 1.5× the peer." if not missed else "Below 1.5×:"),
        *(["", *missed] if missed else []),
    ]
    return "\n".join(lines)


def main():
    if not os.environ.get("PEER_SRC"):
        sys.exit("PEER_SRC: the path of djangoproject.com's source at 68a439a (bench/README.md)")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed (Debian: apt-get install wrk; `make wrk` does it as root).")
    peer_src = Path(os.environ["PEER_SRC"]).resolve()
    push_src = Path(os.environ["PUSH_SRC"]).resolve() if os.environ.get("PUSH_SRC") else None
    work = Path(
        os.environ.get("PEER_WORK") or Path.home() / ".cache" / "alliance-bench-peer"
    ).resolve()
    work.mkdir(parents=True, exist_ok=True)
    duration = int(os.environ.get("PEER_DURATION") or 10)
    runs = int(os.environ.get("PEER_RUNS") or 2)
    output = Path(os.environ.get("PEER_OUTPUT") or ROOT / "bench" / "peer.md")
    server = "postgres://postgres@127.0.0.1:5432"
    peer_url = os.environ.get("PEER_DATABASE_URL") or f"{server}/djangoproject_bench_peer"
    our_url = os.environ.get("BENCH_PEER_DATABASE_URL") or f"{server}/alliance_bench_peer"
    if subprocess.run(["pgrep", "-f", "bench/run.py"], capture_output=True).returncode == 0:
        log("warning: `make bench` is running too: both measurements will suffer")

    started = time.monotonic()
    venv = install_peer(work, peer_src, push_src, find_python())
    our_env = our_environment(work, our_url)
    os.environ.update(our_env)
    import django

    django.setup()
    from django.db import connections

    log("== the peer's database: migrations, fixtures, entries")
    peer_env = peer_environment(work, peer_src, peer_url)
    peer_item = prepare_peer(venv, peer_src, peer_env, peer_url)
    log("== our database: the issue's data set")
    our_item = prepare_ours(our_url)
    paths = {
        "ours": bench_run.peer_pages(our_item),
        "peer": {"home": "/", "list": "/weblog/", "item": peer_item, "feed": "/rss/weblog/"},
    }
    facts = {
        "ours": our_facts(paths["ours"]),
        "peer": dict(
            zip(
                paths["peer"],
                peer_facts(venv, peer_src, peer_env, list(paths["peer"].values())).values(),
                strict=True,
            )
        ),
    }
    broken = [
        f"{site} {paths[site][kind]} answers {fact['status']}"
        for site, found in facts.items()
        for kind, fact in found.items()
        if fact["status"] != 200
    ]
    if broken:
        sys.exit("Pages that do not answer 200: " + "; ".join(broken))
    header = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "versions": versions(venv),
        "our code": our_commit(),
        "our data": bench_run.scale_summary()
        + f", {COUNTS['practices']:,} practices, {COUNTS['events']} events, "
        f"{COUNTS['documents']} documents",
        "the peer's data": f"djangoproject.com {PEER_COMMIT}, fixtures {', '.join(PEER_FIXTURES)}, "
        f"{PEER_ENTRIES} weblog entries of three paragraphs",
    }
    connections.close_all()

    with (
        servers.gunicorn({**os.environ, **our_env}, workers=report.WORKERS) as (our_base, _),
        peer_gunicorn(venv, peer_src, peer_env) as peer_base,
    ):
        sites = {"ours": (our_base, None), "peer": (peer_base, PEER_HOST)}
        for site, (base, host) in sites.items():
            for path in paths[site].values():
                fetch(base, path, host, times=2 * report.WORKERS)
        found, averages = loads(sites, paths, duration, runs)

    body = section(header, found, averages, paths, facts, duration)
    text = output.read_text() if output.exists() else "# Side by side with djangoproject.com\n"
    output.write_text(report.replace_section(text, body))
    print(body)
    log(f"Written to {output} in {time.monotonic() - started:.0f} s.")


if __name__ == "__main__":
    main()
