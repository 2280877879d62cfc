"""Whole journeys in a real browser: the quiz, results, professions, search and the admin."""

import pytest

from tests.e2e.conftest import open_site
from tests.e2e.quiz_steps import answer_page, liking, next_page, start_quick_form


def test_quick_form_to_results_profile_and_comparison(site):
    page = start_quick_form(site)
    assert page.locator("h1").inner_text() == "Quiz, page 1 of 3"
    answer_page(page, liking("EA"))
    next_page(page)

    # Back keeps the answers of page 1.
    page.get_by_role("button", name="Previous page").click()
    assert page.locator("h1").inner_text() == "Quiz, page 1 of 3"
    assert page.locator("input[type=radio]:checked").count() == 10
    next_page(page)

    # A reload mid-quiz resumes on the same page with the same progress.
    assert page.locator("h1").inner_text() == "Quiz, page 2 of 3"
    page.reload()
    assert page.locator("h1").inner_text() == "Quiz, page 2 of 3"
    assert page.locator(".quiz-progress label").inner_text() == "10 of 30 activities answered"
    site.visit("/quiz/").get_by_role("link", name="Continue the quiz").click()
    assert page.locator("h1").inner_text() == "Quiz, page 2 of 3"

    for _ in range(2):
        answer_page(page, liking("EA"))
        next_page(page)
    site.screenshot("journey-results")

    assert "/results/" in page.url
    assert page.locator("svg.hexagon-chart polygon.hexagon-profile").count() == 1
    matches = page.locator(".match-list li")
    assert matches.first.locator("h4 a").inner_text() == "Producer"

    matches.first.locator("h4 a").click()
    assert page.locator("h1").inner_text() == "Producer"
    page.go_back()
    page.get_by_role("link", name="Compare your top two matches").click()
    assert page.locator("h1").inner_text() == "Producer vs. Product manager"
    assert "$36,246 a year higher" in page.content()


def test_the_same_quiz_works_with_javascript_off(browser, live_server, shipped):
    context, site = open_site(browser, live_server, java_script_enabled=False)
    page = start_quick_form(site)
    for _ in range(3):
        answer_page(page, liking("EC"))
        next_page(page)

    assert "/results/" in page.url
    assert page.locator(".match-list li h4 a").first.inner_text() == "Product manager"
    # Without JavaScript the copy button stays hidden; the link is there to select.
    assert page.locator("button.copy-link").is_hidden()
    assert "/results/" in page.locator("#permanent-link").input_value()
    context.close()


def test_search_and_letter_filters(site):
    page = site.visit("/professions/")
    page.get_by_label("Search", exact=True).fill("video producer")
    page.get_by_role("checkbox", name="Artistic").check()
    page.get_by_role("button", name="Show professions").click()

    cards = page.locator(".profession-card h3")
    assert cards.all_inner_texts() == ["Producer"]
    assert "q=video+producer" in page.url
    page.get_by_role("checkbox", name="Artistic").uncheck()
    page.get_by_role("checkbox", name="Conventional").check()
    page.get_by_role("button", name="Show professions").click()
    assert "No profession matches your search" in page.content()


@pytest.mark.parametrize("path", ["/", "/professions/producer/", "/quiz/"])
def test_no_console_errors_and_no_blocked_inline_code(site, path):
    site.visit(path)
    # The `site` fixture fails the test on any console error, including CSP refusals.
    assert site.page.locator("h1").count() == 1
