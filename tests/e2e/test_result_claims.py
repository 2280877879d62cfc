"""What a results page claims, on the default O*NET catalog, in Chromium at both widths: the
done-when of issue 16 (fit bands, preparation, weak signals, ties)."""

import re

import pytest
from django.core.management import call_command

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS, open_site
from tests.e2e.quiz_steps import LETTERS, answer_page, liking, next_page, start_quick_form


@pytest.fixture
def catalog(transactional_db):
    call_command("seed", verbosity=0)


def take_quick_form(site, choose):
    page = start_quick_form(site)
    for _ in range(3):
        answer_page(page, choose)
        next_page(page)
    assert "/results/" in page.url
    return page


def band_cards(page, band: str) -> list[tuple[str, str]]:
    """(name, code) of the cards under a band's heading."""
    heading = page.locator("h3.band-heading", has_text=band)
    cards = heading.locator("xpath=following-sibling::ul[1]/li")
    return [
        (card.locator("h4 a").inner_text(), card.locator(".match-code").inner_text())
        for card in cards.all()
    ]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_producer_work_is_best_and_preparation_changes_the_list(
    browser, live_server, catalog, viewport
):
    context, site = open_site(browser, live_server, viewport=viewport)
    page = take_quick_form(site, liking("EA"))

    best = band_cards(page, "Best fit")
    assert "Producers and Directors" in [name for name, _ in best]
    assert all({"A", "E"} <= set(code) for _, code in best), best
    site.screenshot(f"result-ea-{viewport['width']}")

    before = page.locator(".match-list h4 a").all_inner_texts()
    page.get_by_label("A bachelor's degree and a few years of experience").check()
    page.get_by_role("button", name="Show matching professions").click()
    assert "zone=4" in page.url
    after = page.locator(".match-list h4 a").all_inner_texts()
    assert len(after) == 10
    assert after != before
    assert "Producers and Directors" in [name for name, _ in band_cards(page, "Best fit")]
    assert page.get_by_label("A bachelor's degree and a few years of experience").is_checked()
    site.screenshot(f"result-ea-zone-4-{viewport['width']}")
    context.close()
    assert site.console_errors == []


def test_enterprising_and_conventional_best_matches_are_e_c_work(browser, live_server, catalog):
    context, site = open_site(browser, live_server)
    page = take_quick_form(site, liking("EC"))

    best = band_cards(page, "Best fit")
    assert 3 <= len(best) <= 25
    assert all(set(code[:2]) == {"E", "C"} for _, code in best), best
    context.close()


def test_a_near_flat_taker_is_told_and_a_tie_is_shown(browser, live_server, catalog):
    context, site = open_site(browser, live_server, viewport=PHONE)
    # Like throughout, one Strongly like: no type stands out beyond measurement error.
    page = take_quick_form(site, lambda number: "Strongly like" if number == 3 else "Like")
    warning = page.locator(".weak-signal")
    assert "Your answers do not single out a type of work" in warning.inner_text()
    assert warning.bounding_box()["y"] < page.locator("h1").bounding_box()["y"]
    assert page.locator("h3.band-heading", has_text="Best fit").count() == 0
    assert page.locator("h3.band-heading", has_text="Tentative").count() == 1
    site.screenshot("result-near-flat-375")
    context.close()

    context, site = open_site(browser, live_server)
    # Social strongly liked, Realistic and Enterprising liked: S 100, R 75, E 75.
    answers = {"S": "Strongly like", "R": "Like", "E": "Like"}
    page = take_quick_form(site, lambda number: answers.get(LETTERS[(number - 1) % 6], "Dislike"))
    assert page.locator("h1").get_attribute("aria-label") == "Your Holland code: S[RE]"
    assert "It depends on the order of your tied types" in page.content()
    site.screenshot("result-tie-1280")
    context.close()


def test_the_results_page_prints_as_a_two_page_report(browser, live_server, catalog):
    context, site = open_site(browser, live_server)
    page = take_quick_form(site, liking("EA"))
    # Printed only once every style sheet and font has arrived, as a person would print: on a
    # busy machine the page can be printed before its styles apply, and lay out differently.
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")

    pdf = page.pdf(format="A4", print_background=True)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    (SCREENSHOTS / "result-report.pdf").write_bytes(pdf)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf)) == 2
    # The preparation form and the buttons stay off paper; the link is printed instead.
    page.emulate_media(media="print")
    assert page.locator(".preparation-step").is_hidden()
    assert page.get_by_role("button", name="Show matching professions").is_hidden()
    assert page.locator(".print-only").is_visible()
    context.close()
