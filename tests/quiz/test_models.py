"""The database keeps questions and results within their choices, and codes true to scores."""

import pytest
from django.db import IntegrityError, transaction

from quiz.models import Question, QuizForm, Result

pytestmark = pytest.mark.django_db


@pytest.fixture
def result():
    items = {"R01": "R", "I01": "I", "A01": "A", "S01": "S", "E01": "E", "C01": "C"}
    answers = {"R01": 5, "I01": 4, "A01": 3, "S01": 2, "E01": 1, "C01": 1}
    return Result.objects.score_and_create(form=QuizForm.QUICK, answers=answers, scale_of=items)


@pytest.mark.parametrize(
    "change",
    [
        {"form": "medium"},
        {"consistency": "best"},
        {"holland_code": "CEA"},  # the lowest scores first
        {"realistic": 101},
    ],
)
def test_the_database_refuses_an_inconsistent_result(result, change):
    assert result.holland_code == "RIA"

    with pytest.raises(IntegrityError), transaction.atomic():
        Result.objects.filter(pk=result.pk).update(**change)


def test_the_database_refuses_a_question_of_no_scale():
    with pytest.raises(IntegrityError), transaction.atomic():
        Question.objects.create(code="X01", text="Juggle", scale="X", position=1)
