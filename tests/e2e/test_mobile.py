"""At 375 x 740 no page scrolls sideways and every tap target is at least 24 x 24 px."""

import pytest

from tests.e2e.conftest import PHONE
from tests.e2e.pages import PAGES

# Controls a finger must hit. Radio buttons and checkboxes count with their labels, which
# toggle them too; links inside running text are exempt under WCAG 2.5.8.
TAP_TARGETS = """() => {
    const small = [];
    let checked = 0;
    const tooSmall = (box) => box.width < 24 || box.height < 24;
    for (const element of document.querySelectorAll(
        "button, select, input:not([type=hidden]), nav a, .btn, .page-link, .form-check"
    )) {
        if (!element.offsetParent) continue;  // not displayed
        if (element.matches("input[type=radio], input[type=checkbox]")) continue;
        checked += 1;
        if (tooSmall(element.getBoundingClientRect())) {
            small.push(element.outerHTML.slice(0, 80));
        }
    }
    return {checked, small};
}"""


@pytest.mark.parametrize("name", list(PAGES))
def test_no_sideways_scrolling_and_big_enough_tap_targets(site, name):
    site.page.set_viewport_size(PHONE)
    page = PAGES[name](site)

    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    targets = page.evaluate(TAP_TARGETS)
    assert targets["checked"] > 0
    assert targets["small"] == []
