"""axe-core finds no WCAG 2.2 A/AA violation on any page, at desktop and at phone width, in
the light and the dark theme."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.pages import PAGES

WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_accessibility_violations(site, name, viewport, scheme):
    site.page.set_viewport_size(viewport)
    site.page.emulate_media(color_scheme=scheme)
    page = PAGES[name](site)
    site.screenshot(f"{name}-{viewport['width']}-{scheme}")

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_A_AA}})

    assert results.violations_count == 0, results.generate_report()
