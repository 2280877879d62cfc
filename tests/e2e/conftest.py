"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

No browser is downloaded. Without /usr/bin/chromium these tests skip, unless REQUIRE_BROWSER=1
(CI sets it), when they fail instead. Screenshots of every page visited through `visit` land
in test-artifacts/screenshots/ (git-ignored) for a person to look at.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make to set
# up data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but Chromium is missing at {CHROMIUM}.")
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM}; apt-get install chromium")
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def shipped(transactional_db):
    call_command("loaddata", "professions", "questions", verbosity=0)


class Site:
    """A browser tab on the live server that fails the test on any console error."""

    def __init__(self, page, base_url: str) -> None:
        self.page = page
        self.base_url = base_url
        self.console_errors: list[str] = []
        page.on("console", self.on_console)
        page.on("response", self.on_response)

    def on_console(self, message) -> None:
        # Failed loads are reported with their address by on_response instead.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.console_errors.append(message.text)

    def on_response(self, response) -> None:
        if response.status >= 400 and response.request.resource_type != "document":
            self.console_errors.append(f"{response.status} for {response.url}")

    def visit(self, path: str):
        self.page.goto(self.base_url + path)
        return self.page

    def screenshot(self, label: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")
        self.page.screenshot(path=SCREENSHOTS / f"{slug}.png", full_page=True)


def open_site(browser, live_server, **context_options):
    context = browser.new_context(**{"viewport": DESKTOP, **context_options})
    return context, Site(context.new_page(), live_server.url)


@pytest.fixture
def site(browser, live_server, shipped):
    context, site = open_site(browser, live_server)
    yield site
    context.close()
    assert site.console_errors == [], "the browser console reported errors"
