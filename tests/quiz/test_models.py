"""The database keeps questions and results within their choices, and codes true to scores;
the question bank counts each form's items per scale."""

import pytest
from django.db import IntegrityError, transaction

from quiz.models import Question, QuizLength, Result

pytestmark = pytest.mark.django_db


@pytest.fixture
def result():
    items = {"R01": "R", "I01": "I", "A01": "A", "S01": "S", "E01": "E", "C01": "C"}
    answers = {"R01": 5, "I01": 4, "A01": 3, "S01": 2, "E01": 1, "C01": 1}
    return Result.objects.score_and_create(length=QuizLength.QUICK, answers=answers, scale_of=items)


@pytest.mark.parametrize(
    "change",
    [
        {"length": "medium"},
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


def add_quick_item(code="R99", scale="R") -> Question:
    return Question.objects.create(
        code=code, text="Fit a new chain", scale=scale, position=61, in_quick_form=True
    )


@pytest.mark.parametrize(("form", "per_scale"), [(QuizLength.QUICK, 5), (QuizLength.FULL, 10)])
def test_the_shipped_bank_is_balanced_and_counted_in_one_query(
    bank, django_assert_num_queries, form, per_scale
):
    with django_assert_num_queries(1):
        counts = Question.objects.scale_counts(form)

    assert counts.counts == dict.fromkeys("RIASEC", per_scale)
    assert list(counts.counts) == list("RIASEC")
    assert counts.balanced
    assert counts.imbalance == counts.shortfall == ""


def test_an_extra_item_unbalances_a_form_without_a_shortfall(bank):
    add_quick_item()
    Question.objects.create(code="C99", text="File the invoices", scale="C", position=62)

    quick = Question.objects.scale_counts(QuizLength.QUICK)
    full = Question.objects.scale_counts(QuizLength.FULL)

    assert quick.counts == {"R": 6, "I": 5, "A": 5, "S": 5, "E": 5, "C": 5}
    assert quick.imbalance == (
        "Realistic 6, Investigative 5, Artistic 5, Social 5, Enterprising 5, Conventional 5"
    )
    assert full.counts == {"R": 11, "I": 10, "A": 10, "S": 10, "E": 10, "C": 11}
    assert not quick.balanced
    assert not full.balanced
    assert quick.shortfall == full.shortfall == ""


def test_a_short_scale_is_a_shortfall_and_an_absent_scale_counts_zero(bank):
    Question.objects.filter(code="R01").update(active=False)
    Question.objects.filter(scale="A").update(in_quick_form=False)

    quick = Question.objects.scale_counts(QuizLength.QUICK)

    assert quick.counts == {"R": 4, "I": 5, "A": 0, "S": 5, "E": 5, "C": 5}
    assert quick.shortfall == "Realistic: 4 of 5, Artistic: 0 of 5"
    assert Question.objects.scale_counts(QuizLength.QUICK).shortfall == quick.shortfall
    assert Question.objects.scale_counts(QuizLength.FULL).shortfall == "Realistic: 9 of 10"


def test_the_next_position_follows_every_item_active_or_not(bank):
    assert Question.objects.next_position() == 61
    Question.objects.filter(position=60).update(active=False)
    assert Question.objects.next_position() == 61
    Question.objects.all().delete()
    assert Question.objects.next_position() == 1
