"""The quiz on a phone: compact items with large answer buttons, a live count of answers, and
the next activity brought into view."""

from tests.e2e.conftest import PHONE, open_site
from tests.e2e.quiz_steps import answer_page, liking, next_page, start_quick_form

SCROLL_FIFTH_TO_THE_BOTTOM = """() => {
    const fifth = document.querySelectorAll(".quiz-item")[4].getBoundingClientRect();
    window.scrollBy(0, fifth.bottom - window.innerHeight + 2);
}"""
SIXTH_IS_IN_VIEW = """() =>
    document.querySelectorAll(".quiz-item")[5].getBoundingClientRect().bottom
    <= window.innerHeight + 1"""


def test_a_page_of_ten_fits_two_phone_screens_with_large_answers(browser, live_server, shipped):
    context, site = open_site(browser, live_server, viewport=PHONE)
    page = start_quick_form(site)

    assert page.evaluate("document.documentElement.scrollHeight") <= 2 * PHONE["height"] + 120
    for answer in page.locator(".quiz-item").first.locator("label.answer").all():
        box = answer.bounding_box()
        assert box["height"] >= 44
        assert box["width"] >= 44
    # Every answer's full words are on the button, and the radio inside it is the control.
    labels = page.locator(".quiz-item").first.locator("label.answer").all_inner_texts()
    assert labels == ["Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"]
    site.screenshot("quiz-page-375")
    context.close()
    assert site.console_errors == []


def test_the_count_follows_each_answer_and_the_next_item_comes_into_view(
    browser, live_server, shipped
):
    context, site = open_site(browser, live_server, viewport=PHONE)
    page = start_quick_form(site)
    count = page.locator(".quiz-progress label")
    assert count.inner_text() == "0 of 30 activities answered"

    items = page.locator(".quiz-item")
    for number in range(4):
        items.nth(number).get_by_text("Like", exact=True).click()
    # The fifth item just inside the bottom of the screen, the sixth below it: answering the
    # fifth (a click from the page itself, which scrolls nothing) brings the sixth into view.
    page.evaluate(SCROLL_FIFTH_TO_THE_BOTTOM)
    assert not page.evaluate(SIXTH_IS_IN_VIEW)
    page.evaluate("document.querySelectorAll('.quiz-item')[4].querySelectorAll('input')[3].click()")
    page.wait_for_function(SIXTH_IS_IN_VIEW)
    assert count.inner_text() == "5 of 30 activities answered"
    assert page.evaluate("document.getElementById('quiz-progress').value") == 5
    # Changing an answer does not count twice.
    items.nth(0).get_by_text("Unsure", exact=True).click()
    assert count.inner_text() == "5 of 30 activities answered"

    for number in range(5, 10):
        items.nth(number).get_by_text("Like", exact=True).click()
    next_page(page)
    assert count.inner_text() == "10 of 30 activities answered"
    answer_page(page, liking("E"))
    assert count.inner_text() == "20 of 30 activities answered"
    context.close()
