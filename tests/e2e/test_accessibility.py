"""axe-core finds no WCAG 2.2 A/AA violation on any page, at desktop and at phone width, in
the light and the dark theme."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.pages import PAGES

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_accessibility_violations_in_either_theme(site, name, viewport):
    site.page.set_viewport_size(viewport)
    reports = {}

    for scheme in ("light", "dark"):  # the system's theme, set before the page is opened
        site.page.context.clear_cookies()  # each theme by a new visitor: no quiz in progress
        site.page.emulate_media(color_scheme=scheme)
        page = PAGES[name](site)
        results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})
        if results.violations_count:
            reports[scheme] = results.generate_report()

    assert reports == {}
