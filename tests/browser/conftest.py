"""A real Chromium (Debian's, never a downloaded one) driven by Playwright against live_server.

Without /usr/bin/chromium the browser tests are skipped loudly; under CI they fail instead.
"""

import io
import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from events.models import Event
from library.models import Document
from members.models import Member
from news.models import Article
from practices.models import Practice

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
NO_CHROMIUM = f"Chromium not found at {CHROMIUM}: browser tests cannot run"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def pytest_terminal_summary(terminalreporter):
    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if NO_CHROMIUM in str(report.longrepr)
    ]
    if skipped:
        terminalreporter.write_sep(
            "!", f"{len(skipped)} BROWSER TESTS SKIPPED: {NO_CHROMIUM}", red=True, bold=True
        )


@pytest.fixture(scope="package")
def browser():
    """One Chromium for all the browser tests, closed once they are done.

    While it is open Playwright keeps an asyncio loop running in the test thread, which Django
    would take for async code and refuse ORM calls from; the tests here call the ORM only
    between browser steps, so that guard is lifted, for these tests only (a process started
    meanwhile would inherit it, and `check --deploy` rightly rejects it).
    """
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(NO_CHROMIUM)
        pytest.skip(NO_CHROMIUM)
    from playwright.sync_api import sync_playwright

    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def open_page(browser, live_server, **options):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", **options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def page(browser, live_server):
    """A desktop browser tab (1280 by 720) on the live server."""
    page = open_page(browser, live_server)
    yield page
    page.context.close()


@pytest.fixture
def visitor(browser, live_server):
    """A second desktop tab in a browser of its own: another person, not logged in, who has
    seen no page yet (a browser may reuse a public page for PAGE_MAX_AGE seconds)."""
    page = open_page(browser, live_server)
    yield page
    page.context.close()


@pytest.fixture
def phone_page(browser, live_server):
    """A phone-sized tab (390 by 844, touch) on the live server."""
    page = open_page(
        browser,
        live_server,
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
    )
    yield page
    page.context.close()


class PageEvents:
    """What a page did besides rendering: console errors (CSP refusals among them), script
    errors, and requests to any host but the site's own."""

    def __init__(self, page, site_url):
        self.site = urlsplit(site_url).netloc
        self.console_errors = []
        self.script_errors = []
        self.third_party_requests = []
        page.on("console", self.on_console)
        page.on("pageerror", lambda error: self.script_errors.append(str(error)))
        page.on("request", self.on_request)

    def on_console(self, message):
        # A missing page's own 404 is expected; Chromium reports it in the console too.
        if message.type == "error" and "status of 404" not in message.text:
            self.console_errors.append(message.text)

    def on_request(self, request):
        url = urlsplit(request.url)
        if url.scheme in ("http", "https") and url.netloc != self.site:
            self.third_party_requests.append(request.url)

    def problems(self):
        return self.console_errors + self.script_errors + self.third_party_requests


@pytest.fixture
def page_events(page, live_server):
    return PageEvents(page, live_server.url)


@pytest.fixture
def screenshot():
    """screenshot(page, "name") saves artifacts/screenshots/name.png for people to look at."""

    def save(page, name):
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return save


class DemoSite:
    """Paths of the demo content's pages, in the language asked for."""

    def __init__(self):
        self.member = Member.objects.approved().order_by("name").first()
        self.article = Article.objects.published().get(slug="john-warmisham-at-cahrom")
        self.event = Event.objects.published().get(
            slug="members-meeting-on-school-mediation-strasbourg"
        )
        self.document = Document.objects.published().get(slug="housing-without-segregation")

    def path(self, name, language="en"):
        with translation.override(language):
            if name == "member":
                return self.member.get_absolute_url()
            if name == "country":
                return reverse("country", args=[self.member.country.code.lower()])
            if name == "article":
                return self.article.get_absolute_url()
            if name == "search-results":
                return reverse("search") + "?q=warmisham"
            if name == "event":
                return self.event.get_absolute_url()
            if name == "document":
                return self.document.get_absolute_url()
            if name == "practice":
                return (
                    Practice.objects.published().get(slug="housing-desk-madrid").get_absolute_url()
                )
            if name == "practices:filtered":
                return reverse("practices:list") + "?theme=housing&q=familles&year=2015"
            if name == "not-found":
                return f"/{language}/no-such-page/"
            return reverse(name)


@pytest.fixture
def demo(transactional_db):
    """The demo content (load_demo), committed so the live server sees it.

    live_server empties the database after every test, so each test loads it again; that
    costs far less than the page loads.
    """
    call_command("load_demo", stdout=io.StringIO())
    return DemoSite()


def log_into_admin(page, username, password):
    """Sign in through the admin's login form, as staff do."""
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Log in").click()


def run_admin_action(page, row, action):
    """On an admin list: tick the row named `row`, choose `action`, and run it."""
    page.get_by_role("checkbox", name=f"Select this object for an action - {row}").check()
    page.get_by_role("combobox", name=re.compile(r"^Action")).select_option(label=action)
    page.get_by_role("button", name="Run").click()


# The secretariat's staff account of the journeys, and the e-mails' links to the live server.
STAFF_PASSWORD = "a-strong-staff-password-1842"


@pytest.fixture
def secretariat(django_user_model):
    return django_user_model.objects.create_superuser(
        "secretariat", "secretariat@example.org", STAFF_PASSWORD
    )


@pytest.fixture
def site_url(settings, live_server):
    """Links in e-mails lead to the live server."""
    settings.SITE_URL = live_server.url
    return live_server.url
