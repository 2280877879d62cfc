"""The quiz as a taker meets it, walked with the test client: start, pages, back, errors, finish."""

import pytest

from quiz.models import Question, Result
from quiz.progress import COOKIE_NAME
from tests.taker import taker_state

pytestmark = pytest.mark.django_db

LIKE, DISLIKE = 4, 2


def start(client, form="quick"):
    return client.post("/quiz/", {"form": form})


def page_codes(response) -> list[str]:
    return list(response.context["form"].fields)


def answer_page(client, page: int, value_of, action="next"):
    codes = page_codes(client.get(f"/quiz/page/{page}/"))
    data = {code: value_of(code) for code in codes}
    return client.post(f"/quiz/page/{page}/", {**data, "action": action})


def take_quiz(client, value_of, form="quick"):
    """Answer every page the quiz asks for; the response of the last one."""
    response = start(client, form)
    while response["Location"].startswith("/quiz/page/"):
        page = int(response["Location"].split("/")[-2])
        response = answer_page(client, page, value_of)
    return response


def test_start_page_explains_the_quiz_and_offers_both_forms(client, bank):
    page = client.get("/quiz/").content.decode()

    assert "What to expect" in page
    assert "Quick: 30 activities" in page
    assert "Full: 60 activities" in page


@pytest.mark.parametrize(("form", "pages", "items"), [("quick", 3, 30), ("full", 6, 60)])
def test_each_form_has_pages_of_ten_interleaving_the_scales(client, bank, form, pages, items):
    response = client.get(start(client, form)["Location"])
    scales = [Question.objects.get(code=code).scale for code in page_codes(response)]
    page = response.content.decode()

    assert len(scales) == 10
    assert scales[:6] == list("RIASEC")
    assert f"Quiz, page 1 of {pages}" in page
    assert f'<progress id="quiz-progress" class="w-100" max="{items}" value="0">' in page


def test_each_item_is_a_radio_group_in_a_fieldset_with_a_legend(client, bank):
    page = client.get(start(client)["Location"]).content.decode()

    assert page.count("<fieldset") == 10
    assert page.count("<legend") == 10
    assert page.count('type="radio"') == 50
    for label in ("Strongly dislike", "Dislike", "Unsure", "Like", "Strongly like"):
        assert label in page


def test_unanswered_items_are_named_and_answered_ones_kept(client, bank):
    start(client)
    codes = page_codes(client.get("/quiz/page/1/"))
    partial = dict.fromkeys(codes[:7], LIKE)

    response = client.post("/quiz/page/1/", {**partial, "action": "next"})
    page = response.content.decode()

    assert response.status_code == 200
    assert "3 activities need an answer" in page
    for number, code in enumerate(codes[7:], start=8):
        text = Question.objects.get(code=code).text
        assert f"Choose an answer for item {number}: {text}." in page
    again = client.get("/quiz/page/1/")
    assert {c: again.context["form"].initial.get(c) for c in codes[:7]} == partial


def test_back_keeps_answers_of_both_pages(client, bank):
    start(client)
    answer_page(client, 1, lambda code: LIKE)
    codes_2 = page_codes(client.get("/quiz/page/2/"))

    response = client.post("/quiz/page/2/", {codes_2[0]: 5, "action": "back"})

    assert response["Location"] == "/quiz/page/1/"
    assert client.get("/quiz/page/1/").context["progress"].answered_count == 11
    assert client.get("/quiz/page/2/").context["form"].initial[codes_2[0]] == 5


def test_a_new_request_resumes_where_the_taker_left_off(client, bank):
    start(client)
    answer_page(client, 1, lambda code: LIKE)

    page = client.get("/quiz/").content.decode()

    assert "Continue where you left off" in page
    assert 'href="/quiz/page/2/"' in page


def test_skipping_ahead_redirects_to_the_first_unfinished_page(client, bank):
    start(client)

    response = client.post("/quiz/page/3/", {"R01": 5, "action": "next"}, follow=True)

    assert response.redirect_chain[-1][0] == "/quiz/page/1/"
    assert "Please answer this page first" in response.content.decode()


@pytest.mark.parametrize("bad_value", ["0", "6", "-1", "2.5", "strongly", ""])
def test_answers_outside_the_scale_are_refused_with_a_message(client, bank, bad_value):
    start(client)
    codes = page_codes(client.get("/quiz/page/1/"))
    data = dict.fromkeys(codes, LIKE) | {codes[0]: bad_value, "action": "next"}

    response = client.post("/quiz/page/1/", data)

    assert response.status_code == 200
    assert "need an answer" in response.content.decode() or "Choose" in response.content.decode()
    assert codes[0] not in taker_state(client).quiz["answers"]


def test_unknown_fields_are_ignored(client, bank):
    start(client)
    codes = page_codes(client.get("/quiz/page/1/"))

    client.post("/quiz/page/1/", {**dict.fromkeys(codes, LIKE), "X99": 5, "C10": 1})

    assert set(taker_state(client).quiz["answers"]) == set(codes)


def test_pages_without_a_quiz_send_the_visitor_to_the_start(client, bank):
    response = client.post("/quiz/page/1/", {"R01": 5}, follow=True)

    assert response.redirect_chain[-1][0] == "/quiz/"
    assert "There is no quiz in progress" in response.content.decode()


def test_an_unknown_form_is_a_field_error(client, bank):
    response = client.post("/quiz/", {"form": "extra-long"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()


def test_finishing_stores_one_result_and_redirects_to_it(client, bank):
    response = take_quiz(client, lambda code: LIKE)

    result = Result.objects.get()
    assert response["Location"] == f"/results/{result.uuid}/"
    assert result.length == "quick"
    assert len(result.answers) == 30
    assert result.scores == dict.fromkeys("RIASEC", 75.0)


def test_reposting_a_finished_quiz_stores_nothing_more(client, bank):
    take_quiz(client, lambda code: LIKE)
    last = Result.objects.get()

    response = client.post("/quiz/page/3/", {"R01": 5, "action": "next"}, follow=True)

    assert Result.objects.count() == 1
    assert response.redirect_chain[-1][0] == f"/results/{last.uuid}/"
    assert "already finished" in response.content.decode()


def test_a_form_that_cannot_be_built_is_refused_with_a_message(client, bank):
    Question.objects.filter(scale="A", in_quick_form=True).update(active=False)

    response = start(client, "quick")

    assert response.status_code == 200
    assert "cannot be started right now" in response.content.decode()
    assert "Artistic: 0 of 5" in response.content.decode()


def test_a_scale_one_item_short_is_refused_even_though_the_others_are_complete(client, bank):
    Question.objects.filter(code="R01").update(active=False)

    response = start(client, "quick")

    assert response.status_code == 200
    assert "cannot be started right now" in response.content.decode()
    assert "Realistic: 4 of 5" in response.content.decode()
    assert taker_state(client).quiz is None


def test_an_unbalanced_form_can_be_taken_and_scores_each_scale_on_its_own_items(client, bank):
    Question.objects.create(
        code="R99", text="Fit a new chain", scale="R", position=61, in_quick_form=True
    )
    # Strongly like every Realistic item but the extra one; Unsure of everything else.
    realistic = Question.objects.filter(scale="R").values_list("code", flat=True)
    answer_of = dict.fromkeys(realistic, 5) | {"R99": 1}

    response = take_quiz(client, lambda code: answer_of.get(code, 3))

    result = Result.objects.get()
    assert response["Location"] == result.get_absolute_url()
    assert len(result.answers) == 31
    assert result.answers["R99"] == 1
    # An answer a gives a - 1 points of 4; a scale scores its points over its items' maximum.
    assert result.scores["R"] == pytest.approx(100 * (5 * (5 - 1) + (1 - 1)) / (4 * 6))
    for letter in "IASEC":
        assert result.scores[letter] == pytest.approx(100 * 5 * (3 - 1) / (4 * 5))
    assert result.holland_code.startswith("R")


def test_a_double_submit_of_the_last_page_stores_one_result(client, bank):
    start(client)
    for page in (1, 2):
        answer_page(client, page, lambda code: LIKE)
    codes = page_codes(client.get("/quiz/page/3/"))
    before_finishing = client.cookies[COOKIE_NAME].value

    first = client.post("/quiz/page/3/", {**dict.fromkeys(codes, LIKE), "action": "next"})
    # The second click carried the cookie as it was before the first one finished.
    client.cookies[COOKIE_NAME] = before_finishing
    second = client.post("/quiz/page/3/", {**dict.fromkeys(codes, LIKE), "action": "next"})

    assert Result.objects.count() == 1
    assert second["Location"] == first["Location"] == Result.objects.get().get_absolute_url()
    assert taker_state(client).quiz is None


def test_a_question_deleted_mid_quiz_restarts_the_quiz_with_a_message(client, bank):
    start(client)
    codes = page_codes(client.get("/quiz/page/1/"))
    Question.objects.filter(code=codes[3]).delete()

    response = client.get("/quiz/page/1/", follow=True)

    assert response.redirect_chain[-1][0] == "/quiz/"
    assert "The questions changed while you were away" in response.content.decode()


def test_the_start_page_describes_the_forms_as_the_bank_builds_them(client, bank):
    Question.objects.filter(code__in=["R10", "I10", "A10", "S10", "E10", "C10"]).update(
        active=False
    )

    page = client.get("/quiz/").content.decode()

    assert "Full: 54 activities, about 9 minutes" in page  # 54 items at ten seconds each
    assert "Quick: 30 activities, about 5 minutes" in page
