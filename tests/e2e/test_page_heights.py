"""Every public page at a phone's 375 x 740 and a desktop's 1280 x 900, on the default O*NET
catalog: heights recorded in test-artifacts/page-heights.txt and held to limits, a screenshot
of each in test-artifacts/pages/ for a person to look at."""

from django.core.management import call_command

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS, open_site
from tests.e2e.quiz_steps import liking, start_quick_form
from tests.e2e.test_result_claims import take_quick_form

PAGES_DIR = SCREENSHOTS.parent / "pages"
# Page: (path, most pixels tall at 375, at 1280). The quiz page of ten is about two phone
# screens; a profile page about half its old 9,148 px; a comparison under 5,000.
LIMITS = {
    "home": ("/", 2400, 1500),
    "quiz-start": ("/quiz/", 1300, 1000),
    "quiz-page": (None, 1600, 1300),
    "result": (None, 7500, 4600),
    "catalog": ("/professions/", 6000, 3000),
    "catalog-search": ("/professions/?q=nurse", 6000, 3000),
    "profile-producer": ("/professions/producer/", 4600, 3200),
    "profile-onet": ("/professions/producers-and-directors/", 4600, 3200),
    # 18 essential items with long descriptions: 8,221 px before, 60 % of that now.
    "profile-product-manager": ("/professions/product-manager/", 5200, 3400),
    "compare": ("/professions/compare/producer/product-manager/", 5000, 3500),
    "compare-onet": (
        "/professions/compare/producers-and-directors/marketing-managers/",
        5000,
        3500,
    ),
    "compare-pick": ("/professions/compare/", 1000, 1000),
}


def test_every_public_page_stays_within_its_height(browser, live_server, transactional_db):
    call_command("seed", verbosity=0)
    PAGES_DIR.mkdir(parents=True, exist_ok=True)
    heights, too_tall = [], []
    for viewport in (PHONE, DESKTOP):
        width = viewport["width"]
        context, site = open_site(browser, live_server, viewport=viewport)
        result_url = take_quick_form(site, liking("EA")).url
        quiz_url = start_quick_form(site).url
        for name, (path, *limits) in LIMITS.items():
            url = {"quiz-page": quiz_url, "result": result_url}.get(name) or live_server.url + path
            page = site.page
            page.goto(url)
            height = page.evaluate("document.documentElement.scrollHeight")
            limit = limits[0] if width == PHONE["width"] else limits[1]
            heights.append(f"{name:18} {width:5} px wide: {height:6} px tall (limit {limit})")
            page.screenshot(path=PAGES_DIR / f"{name}-{width}.png", full_page=True)
            if height > limit:
                too_tall.append(heights[-1])
        context.close()
        assert site.console_errors == []
    (SCREENSHOTS.parent / "page-heights.txt").write_text("\n".join(heights) + "\n")
    assert too_tall == []


def test_on_a_phone_the_catalogs_results_start_on_the_first_screen(
    browser, live_server, transactional_db
):
    call_command("seed", verbosity=0)
    context, site = open_site(browser, live_server, viewport=PHONE)
    page = site.visit("/professions/")

    assert page.locator(".profession-card").first.bounding_box()["y"] < PHONE["height"] * 0.7
    assert page.locator("details.catalog-filters").get_attribute("open") is None
    assert page.get_by_label("Preparation needed").is_hidden()
    page.locator("details.catalog-filters > summary").click()
    assert page.get_by_label("Preparation needed").is_visible()
    context.close()


def test_a_long_optional_list_opens_in_one_a_to_z_list(browser, live_server, shipped):
    context, site = open_site(browser, live_server, viewport=PHONE)
    page = site.visit("/professions/producer/")
    items = page.locator("#optional li")

    assert not items.first.is_visible()
    page.locator("#optional summary").click()
    assert items.count() == 43
    assert items.first.is_visible()
    names = items.all_inner_texts()
    assert names == sorted(names, key=str.casefold)
    context.close()
