"""Lighthouse on the public pages, as production serves them (`make lighthouse`).

It loads the demo content into a fresh SQLite database, collects the static files, starts the
site as production does (gunicorn, DEBUG off, WhiteNoise compressing the CSS and fonts) and
runs Lighthouse 12.2.3 (installed by `make lighthouse` under bench/lighthouse/, pinned in its
package.json) with Debian's Chromium on each page, in English and French, as a phone (its
default: a mid-range phone on a slow 4G network, simulated) and as a desktop. It prints one
table, written to bench/lighthouse.md as well, and exits with 1 when a page misses a target:
performance, accessibility and SEO at least 95, best practices 100.

  LIGHTHOUSE_PAGES   comma-separated names among PAGES (all of them)
  LIGHTHOUSE_OUTPUT  where the Markdown report goes (bench/lighthouse.md)
  CHROME_PATH        the browser (/usr/bin/chromium)
"""

import datetime
import json
import os
import secrets
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from bench.run import log  # noqa: E402

LIGHTHOUSE = ROOT / "bench" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 95, "best-practices": 100, "seo": 95}
PAGES = [
    "home",
    "directory",
    "member",
    "map",
    "declaration",
    "sign",
    "news",
    "article",
    "practices",
    "practice",
    "events",
    "event",
    "library",
    "document",
    "countries",
    "country",
    "search",
    "about",
    "figures",
    "join",
    "contact",
]
LANGUAGES = ["en", "fr"]
FORM_FACTORS = ["mobile", "desktop"]


def page_paths(language):
    """Each page's path in `language`, with real records of the demo content."""
    from django.urls import reverse
    from django.utils import translation

    from events.models import Event
    from library.models import Document
    from members.models import Member
    from news.models import Article
    from practices.models import Practice

    with translation.override(language):
        return {
            "home": reverse("home"),
            "directory": reverse("members:directory"),
            "member": Member.objects.approved().order_by("name").first().get_absolute_url(),
            "map": reverse("members:map"),
            "declaration": reverse("declarations:declaration"),
            "sign": reverse("declarations:sign"),
            "news": reverse("news:list"),
            "article": Article.objects.published().order_by("-published_at")[0].get_absolute_url(),
            "practices": reverse("practices:list"),
            "practice": Practice.objects.published().order_by("pk")[0].get_absolute_url(),
            "events": reverse("events:list"),
            "event": Event.objects.published().order_by("starts_at")[0].get_absolute_url(),
            "library": reverse("library:list"),
            "document": Document.objects.published().order_by("pk")[0].get_absolute_url(),
            "countries": reverse("countries"),
            "country": reverse("country", kwargs={"code": "fr"}),
            "search": reverse("search") + "?q=roma",
            "about": reverse("page-about"),
            "figures": reverse("figures:figures"),
            "join": reverse("members:join"),
            "contact": reverse("contact:contact"),
        }


def lighthouse(url, form_factor, workdir):
    """{category: score from 0 to 100} and the failing audits' titles, for one page."""
    output = Path(workdir) / "report.json"
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    # Lighthouse sometimes fails to record a page load's trace (NO_NAVSTART) and says to run
    # it again: up to three tries.
    for attempt in range(3):
        try:
            subprocess.run(command, check=True, env=env, cwd=workdir, timeout=240)
            break
        except subprocess.CalledProcessError:
            if attempt == 2:
                raise
            log(f"Lighthouse failed on {url}; again")
    report = json.loads(output.read_text())
    scores = {name: round((report["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}
    failing = sorted(
        {
            audit["title"]
            for name in CATEGORIES
            if scores[name] < 100
            for ref in report["categories"][name]["auditRefs"]
            if ref["weight"] > 0
            for audit in [report["audits"][ref["id"]]]
            if audit["score"] is not None and audit["score"] < 1
        }
    )
    return scores, failing


def main():
    if not LIGHTHOUSE.exists():
        sys.exit("Lighthouse is not installed: run `make lighthouse`, which installs it.")
    wanted = [
        name.strip() for name in os.environ.get("LIGHTHOUSE_PAGES", "").split(",") if name.strip()
    ] or PAGES
    output = Path(os.environ.get("LIGHTHOUSE_OUTPUT") or ROOT / "bench" / "lighthouse.md")
    workdir = tempfile.mkdtemp(prefix="lighthouse-")
    env = {
        "DJANGO_SETTINGS_MODULE": "alliance.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "DATABASE_URL": f"sqlite:///{workdir}/lighthouse.sqlite3",
        "REDIS_URL": "",
        "LOG_LEVEL": "WARNING",
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connections

    log("Loading the demo content and collecting the static files")
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    paths = {language: page_paths(language) for language in LANGUAGES}
    connections.close_all()

    rows, misses = [], []
    with servers.gunicorn({**os.environ, **env}) as (base, _process):
        for name in wanted:
            for language in LANGUAGES:
                for form_factor in FORM_FACTORS:
                    path = paths[language][name]
                    log(f"Lighthouse: {path} ({form_factor})")
                    scores, failing = lighthouse(base + path, form_factor, workdir)
                    rows.append((path, form_factor, scores))
                    missed = [c for c in CATEGORIES if scores[c] < TARGETS[c]]
                    if missed:
                        misses.append(f"{path} ({form_factor}): {', '.join(missed)}: {failing}")

    lines = [
        "# Lighthouse on the public pages",
        "",
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M UTC}; Lighthouse 12.2.3, "
        "Debian's Chromium; gunicorn, DEBUG off, WhiteNoise; demo content. Mobile is "
        "Lighthouse's default (simulated slow 4G, 4× CPU slowdown); desktop is its preset.",
        "",
        "| page | device | performance | accessibility | best practices | SEO |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for path, form_factor, scores in rows:
        lines.append(
            f"| `{path}` | {form_factor} | "
            + " | ".join(str(scores[category]) for category in CATEGORIES)
            + " |"
        )
    lines += ["", "Targets: performance, accessibility, SEO ≥ 95; best practices 100."]
    lines += ["", *(f"- MISSED {miss}" for miss in misses)] if misses else ["", "All met."]
    report = "\n".join(lines) + "\n"
    output.write_text(report)
    print(report)
    sys.exit(1 if misses else 0)


if __name__ == "__main__":
    main()
