"""Floods and machine-made results: the limit per client address, and what norms leave out."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from quiz.models import NORMS_MINIMUM, Question, QuizLength, Result
from quiz.screening import Exclusion, exclusion
from tests.quiz.test_flow import answer_page, start, take_quiz

pytestmark = pytest.mark.django_db

ANALYTICS = reverse("admin:quiz_result_analytics")


def varied(code: str) -> int:
    """Answers a person might give: 1 to 5 by the item's number."""
    return int(code[-1]) % 5 + 1


@pytest.mark.parametrize(
    ("answers", "seconds", "expected"),
    [
        ({"R1": 3, "I1": 3, "A1": 3}, 600, Exclusion.ONE_ANSWER),  # one answer throughout
        ({"R1": 3, "I1": 4, "A1": 5}, 2, Exclusion.TOO_FAST),  # under a second an item
        ({"R1": 3, "I1": 4, "A1": 5}, 3, Exclusion.COUNTED),  # a second an item is enough
        ({"R1": 3, "I1": 4, "A1": 5}, None, Exclusion.COUNTED),  # time unknown
    ],
)
def test_which_results_no_person_produces(answers, seconds, expected):
    assert exclusion(answers, seconds) == expected


def test_one_address_stores_only_so_many_results_in_the_window(client, bank, settings):
    settings.CAREERFIT_RESULTS_PER_ADDRESS = 2

    first = take_quiz(client, varied)
    second = take_quiz(client, varied)
    start(client)
    for page_number in (1, 2, 3):  # the quick form's three pages
        refused = answer_page(client, page_number, varied)
    page = client.get(refused["Location"]).content.decode()

    assert first["Location"].startswith("/results/")
    assert second["Location"].startswith("/results/")
    assert refused["Location"] == "/quiz/page/3/"  # back to the last page, answers kept
    assert "more than CareerFit keeps from one place" in page
    assert Result.objects.count() == 2
    # Another address is not held back; nor is this one once the window has passed.
    assert take_quiz(Client(REMOTE_ADDR="192.0.2.7"), varied)["Location"].startswith("/results/")
    Result.objects.update(created=Result.objects.first().created - timedelta(hours=2))
    finish = answer_page(client, 3, varied)  # Finish again, the same answers
    assert finish["Location"].startswith("/results/")
    assert Result.objects.count() == 4


def test_the_address_is_kept_only_as_a_keyed_hash(client, bank):
    take_quiz(client, varied)

    result = Result.objects.get()
    assert len(result.client) == 32
    assert "127.0.0.1" not in result.client


def test_a_quiz_finished_in_seconds_is_stored_but_not_counted(client, bank):
    response = take_quiz(client, varied)  # the test client answers 30 items in milliseconds

    result = Result.objects.get()
    assert response["Location"] == result.get_absolute_url()  # the taker still sees it
    assert result.seconds is not None
    assert result.seconds < 30
    assert result.excluded == Exclusion.TOO_FAST
    assert not Result.objects.counted().exists()


def make(answer_of_scale: dict[str, int]) -> Result:
    items = dict(Question.objects.for_length(QuizLength.QUICK).values_list("code", "scale"))
    answers = {code: answer_of_scale[scale] for code, scale in items.items()}
    return Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)


def test_norms_and_analytics_leave_out_what_no_person_produces(admin_client, bank):
    person = {"R": 5, "I": 2, "A": 2, "S": 2, "E": 2, "C": 3}
    for _ in range(NORMS_MINIMUM - 1):
        make(person)
    for _ in range(5):
        make(dict.fromkeys("RIASEC", 4))  # one answer throughout
    scripted = make(person)
    Result.objects.filter(pk=scripted.pk).update(excluded=Exclusion.TOO_FAST)

    # 99 counted results: not enough for norms, however many more were stored.
    assert Result.objects.count() == NORMS_MINIMUM + 5
    assert Result.objects.percentiles(Result.objects.counted().first()) is None
    report = admin_client.get(ANALYTICS, {"form": "quick"})
    assert report.context["report"].count == NORMS_MINIMUM - 1
    assert report.context["report"].excluded == {
        "Answered faster than reading allows": 1,
        "The same answer to every item": 5,
    }
    assert "the same answer to every item, 5" in report.content.decode()
