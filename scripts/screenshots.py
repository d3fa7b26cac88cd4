"""Screenshots of the site for the documentation (`make screenshots`), in docs/screenshots/.

The demo content is loaded into a database of its own in a temporary folder (nothing of the
developer's db.sqlite3 or media is read or changed), the site is served from it by Django's
development server, and Debian's Chromium, driven by Playwright as the browser tests drive it,
photographs the home page, an article, a practice, a member's page and the Declaration, on a
desktop (1280 px wide) and on a phone (390 px). Each image holds the first screen and a half,
not the whole page, and is reduced to 256 colours, so that the files stay small.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "docs" / "screenshots"
PYTHON = sys.executable
CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# The browser tests' flags (tests/browser/conftest.py): no sandbox in containers, no network
# of its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
# name → path, on the demo's content (its slugs: news/demo.py, practices/demo.py…).
PAGES = {
    "home": "/en/",
    "article": "/en/news/health-mediators-compare-their-methods-in-cluj-napoca/",
    "practice": "/en/practices/school-mediators-budapest/",
    "member": "/en/members/sevilla/",
    "declaration": "/en/declaration/",
}
# (name, viewport width, height of the image): about a screen and a half of each.
SCREENS = [("desktop", 1280, 1200), ("phone", 390, 1266)]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"The development server stopped (exit code {server.returncode}).")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    sys.exit(f"The development server did not answer at {url} within {seconds} s.")


def shrink(path):
    """The PNG in 256 colours, compressed: a third of its size, the text still sharp."""
    from PIL import Image

    with Image.open(path) as image:
        reduced = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    reduced.save(path, optimize=True)


def photograph(base_url):
    from playwright.sync_api import sync_playwright

    OUTPUT.mkdir(parents=True, exist_ok=True)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for screen, width, height in SCREENS:
            context = browser.new_context(
                base_url=base_url,
                locale="en-GB",
                viewport={"width": width, "height": height},
                is_mobile=screen == "phone",
                has_touch=screen == "phone",
            )
            page = context.new_page()
            for name, path in PAGES.items():
                response = page.goto(path, wait_until="networkidle")
                if response is None or response.status != 200:
                    sys.exit(f"{path} answered {response.status if response else 'nothing'}.")
                target = OUTPUT / f"{name}-{screen}.png"
                page.screenshot(path=str(target))
                shrink(target)
                saved.append(target)
            context.close()
        browser.close()
    return saved


def main():
    if not Path(CHROMIUM).exists():
        sys.exit(f"Chromium not found at {CHROMIUM}: run `make browser` first.")
    with tempfile.TemporaryDirectory(prefix="alliance-screenshots-") as folder:
        folder = Path(folder)
        env = {
            **os.environ,
            "DEBUG": "1",
            "DJANGO_SETTINGS_MODULE": "alliance.settings",
            "DATABASE_URL": f"sqlite:///{folder / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(folder / "private-media"),
            "DATA_FILES_ROOT": str(folder / "data-files"),
            "REDIS_URL": "",
        }
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], env=env, check=True)
        subprocess.run([*manage, "load_demo"], env=env, check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        server = subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_for(f"{base_url}/health/", server)
            saved = photograph(base_url)
        finally:
            server.terminate()
            server.wait(timeout=10)
    for path in saved:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
