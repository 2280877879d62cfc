"""The quiz taker's signed cookie: no database until the result, and a clear fresh start when
the cookie cannot be trusted."""

import time

import pytest
from django.core import signing

from professions import content
from quiz.models import Result, form_items, question_bank
from quiz.progress import COOKIE_MAX_AGE, COOKIE_NAME, EXPIRED, UNREADABLE
from tests.quiz.test_flow import LIKE, answer_page, page_codes, start
from tests.taker import taker_state

pytestmark = pytest.mark.django_db


@pytest.fixture
def warm_caches(settings, bank):
    """A server that has served the quiz before: the question bank and the forms' items are
    kept in memory, and the content version was read less than a recheck interval ago."""
    settings.CAREERFIT_CONTENT_RECHECK_SECONDS = 3600
    content._forget_read()
    question_bank()
    form_items()


def test_taking_the_whole_full_quiz_runs_no_sql_until_the_result_is_stored(
    client, warm_caches, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert client.get("/quiz/").status_code == 200
        start(client, "full")
        for page in range(1, 7):
            codes = page_codes(client.get(f"/quiz/page/{page}/"))
            if page < 6:
                client.post(f"/quiz/page/{page}/", {**dict.fromkeys(codes, LIKE), "action": "next"})
        client.get("/quiz/page/3/")  # the back button, a reload
    codes = page_codes(client.get("/quiz/page/6/"))

    finished = client.post("/quiz/page/6/", {**dict.fromkeys(codes, LIKE), "action": "next"})

    assert finished["Location"] == Result.objects.get().get_absolute_url()
    assert taker_state(client).quiz is None


def test_the_cookie_of_a_whole_full_quiz_stays_well_under_4_kb(client, bank):
    start(client, "full")
    for page in range(1, 6):
        answer_page(client, page, lambda code: 5 if code[0] in "RIA" else 1)

    cookie = client.cookies[COOKIE_NAME]

    assert len(taker_state(client).quiz["answers"]) == 50
    assert len(cookie.value) < 2048
    assert cookie["max-age"] == COOKIE_MAX_AGE  # a return two weeks later still resumes
    assert cookie["httponly"]


@pytest.mark.parametrize(
    "spoil",
    [
        pytest.param(lambda value: value[:-12], id="truncated"),
        pytest.param(lambda value: value.replace(":", ":x", 1), id="tampered"),
        pytest.param(lambda value: "not a cookie at all", id="garbage"),
        pytest.param(
            lambda value: signing.dumps({"v": 0, "quiz": None}, salt="careerfit.quiz.taker"),
            id="an old layout",
        ),
    ],
)
def test_an_unreadable_cookie_gets_a_message_and_a_fresh_start(client, bank, spoil):
    start(client)
    answer_page(client, 1, lambda code: LIKE)
    client.cookies[COOKIE_NAME] = spoil(client.cookies[COOKIE_NAME].value)

    response = client.get("/quiz/page/2/", follow=True)

    assert response.status_code == 200
    assert UNREADABLE in response.content.decode()
    assert "There is no quiz in progress" not in response.content.decode()
    assert response.redirect_chain[-1][0] == "/quiz/"
    assert client.cookies[COOKIE_NAME].value == ""  # deleted
    assert "Start the quiz" in response.content.decode()


def test_a_cookie_older_than_two_weeks_gets_a_message_and_a_fresh_start(
    client,
    bank,
    monkeypatch,
):
    start(client)
    answer_page(client, 1, lambda code: LIKE)
    later = time.time() + COOKIE_MAX_AGE + 60
    monkeypatch.setattr(time, "time", lambda: later)

    response = client.get("/quiz/page/2/", follow=True)

    assert EXPIRED in response.content.decode()
    assert taker_state(client).quiz is None


def test_a_changed_cookie_cannot_claim_a_result(client, bank):
    start(client)
    for page in (1, 2, 3):
        answer_page(client, page, lambda code: LIKE)
    result = Result.objects.get()
    forged = signing.dumps({"v": 1, "own": [str(result.uuid)]}, salt="another salt")
    client.cookies[COOKIE_NAME] = forged

    response = client.post(f"{result.get_absolute_url()}delete/")

    assert response.status_code == 403
    assert Result.objects.filter(pk=result.pk).exists()


def test_back_after_finishing_shows_the_result(client, bank):
    start(client)
    for page in (1, 2, 3):
        answer_page(client, page, lambda code: LIKE)

    back = client.get("/quiz/page/3/", follow=True)

    assert back.redirect_chain[-1][0] == Result.objects.get().get_absolute_url()
    assert "That quiz is already finished" in back.content.decode()


def test_a_dropped_cookie_is_explained_even_on_a_cached_page(client, bank):
    client.get("/")  # the home page is now cached for everyone
    client.cookies[COOKIE_NAME] = "not a cookie at all"

    page = client.get("/").content.decode()

    assert UNREADABLE in page


def test_after_a_key_rotation_the_old_key_still_reads_quizzes_in_progress(client, bank, settings):
    start(client)
    answer_page(client, 1, lambda code: LIKE)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-brand-new-secret-key-for-the-rotation-test-0123456789"

    response = client.get("/quiz/page/2/")

    assert response.status_code == 200
    assert len(taker_state(client).quiz["answers"]) == 10
