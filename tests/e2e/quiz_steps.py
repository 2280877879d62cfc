"""Steps a person takes through the quiz in the browser, shared by the journeys."""

LETTERS = "RIASEC"


def liking(letters: str):
    """An answer chooser: Strongly like for items of these scales, Dislike for the rest.

    Items are shown in hexagon order, R, I, A, S, E, C, R, ..., so an item's scale follows
    from its number on the form.
    """
    return lambda number: "Strongly like" if LETTERS[(number - 1) % 6] in letters else "Dislike"


def answer_page(page, choose) -> None:
    """Answer every item on the page by clicking the label of the chosen answer."""
    for fieldset in page.locator("fieldset").all():
        number = int(fieldset.locator("legend").inner_text().split(".")[0])
        fieldset.get_by_text(choose(number), exact=True).click()


def start_quick_form(site):
    page = site.visit("/quiz/")
    page.get_by_text("Quick: 30 activities", exact=False).click()
    page.get_by_role("button", name="Start the quiz").click()
    return page


def next_page(page) -> None:
    page.locator("button[value=next]").click()
