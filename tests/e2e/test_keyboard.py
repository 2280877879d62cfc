"""A quiz page answered and submitted with the keyboard alone, with focus always visible."""

import re

from playwright.sync_api import expect

from tests.e2e.quiz_steps import start_quick_form

FOCUS_IS_VISIBLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
        || style.boxShadow !== "none";
}"""


def focused(page, attribute: str):
    return page.evaluate(f"() => document.activeElement.getAttribute({attribute!r})")


def test_answer_a_page_with_tab_arrows_and_space_then_submit_with_enter(site):
    page = start_quick_form(site)
    first_code = page.locator("fieldset input[type=radio]").first.get_attribute("name")

    for _ in range(10):  # skip link, brand, navigation, then the first radio group
        page.keyboard.press("Tab")
        if focused(page, "name") == first_code:
            break
    assert focused(page, "name") == first_code
    for number in range(10):
        assert page.evaluate(FOCUS_IS_VISIBLE), f"no visible focus on item {number + 1}"
        page.keyboard.press("Space")  # Strongly dislike
        for _ in range(3):
            page.keyboard.press("ArrowRight")  # ... Dislike, Unsure, Like
        if number < 9:
            page.keyboard.press("Tab")  # on to the next radio group
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Quiz, page 2 of 3"
    page.get_by_role("button", name="Previous page").click()
    checked = page.locator("input[type=radio]:checked")
    assert checked.count() == 10
    assert {checked.nth(i).get_attribute("value") for i in range(10)} == {"4"}


def test_after_a_failed_submit_focus_moves_to_the_error_summary(site):
    page = start_quick_form(site)
    page.locator("button[value=next]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text() == "Quiz, page 1 of 3"
    assert focused(page, "id") == "error-summary"
    assert page.evaluate(FOCUS_IS_VISIBLE)
    # The summary's links lead to the unanswered items.
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    # Following an in-page link completes after the key press returns: wait for it.
    expect(page).to_have_url(re.compile("#div_id_R01$"))


def test_every_interactive_element_on_the_home_page_shows_focus(site):
    page = site.visit("/")
    for _ in range(8):
        page.keyboard.press("Tab")
        tag = page.evaluate("() => document.activeElement.tagName")
        assert tag != "BODY"
        assert page.evaluate(FOCUS_IS_VISIBLE), tag
