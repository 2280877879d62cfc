"""How to reach each page a person sees, for the checks that run on every page."""

from tests.e2e.quiz_steps import answer_page, liking, next_page, start_quick_form


def quiz_page_with_errors(site):
    page = start_quick_form(site)
    next_page(page)
    return page


def results(site):
    page = start_quick_form(site)
    for _ in range(3):
        answer_page(page, liking("EA"))
        next_page(page)
    return page


PAGES = {
    "home": lambda site: site.visit("/"),
    "quiz-start": lambda site: site.visit("/quiz/"),
    "quiz-page": start_quick_form,
    "quiz-page-with-errors": quiz_page_with_errors,
    "results": results,
    "catalog": lambda site: site.visit("/professions/?q=producer&letter=E"),
    "profile": lambda site: site.visit("/professions/producer/"),
    "compare": lambda site: site.visit("/professions/compare/producer/product-manager/"),
    "not-found": lambda site: site.visit("/no-such-page/"),
    "admin-login": lambda site: site.visit("/admin/login/"),
}
