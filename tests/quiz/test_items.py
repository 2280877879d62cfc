"""The shipped question bank: balanced forms, plain one-action items, and revisions that leave
stored results as they were."""

import importlib
import re

import pyphen
import pytest
from django.apps import apps
from django.core.management import call_command

from quiz.models import Question, QuizLength, Result, ScaleCounts, form_items

pytestmark = pytest.mark.django_db

revised_items = importlib.import_module("quiz.migrations.0005_revised_items")
HYPHENATION = pyphen.Pyphen(lang="en_US")


@pytest.fixture
def shipped():
    call_command("loaddata", "questions", verbosity=0)


def active_texts(**filters) -> dict[str, str]:
    return dict(Question.objects.filter(active=True, **filters).values_list("code", "text"))


def reading_grade(text: str) -> float:
    """Flesch-Kincaid grade of one sentence: 0.39 x words + 11.8 x syllables a word - 15.59,
    syllables counted as a dictionary hyphenates the word, plus one."""
    words = text.split()
    syllables = sum(len(HYPHENATION.positions(word)) + 1 for word in words)
    return 0.39 * len(words) + 11.8 * syllables / len(words) - 15.59


def test_each_form_has_its_items_on_every_scale(shipped):
    for length, per_scale in ((QuizLength.FULL, 10), (QuizLength.QUICK, 5)):
        counts = ScaleCounts.of_items(length, form_items()[length])
        assert set(counts.counts.values()) == {per_scale}, length


def test_every_item_is_one_short_activity(shipped):
    for code, text in active_texts().items():
        assert len(text.split()) <= 9, code
        assert " and " not in text, f"{code} asks about two things: {text}"
        assert not re.search(r"\b(accurate|complex|successful|well)\b", text), code


def test_the_revised_items_read_at_about_grade_six(shipped):
    new_codes = [new for _old, new, _text in revised_items.REVISIONS]
    grades = {code: reading_grade(text) for code, text in active_texts(code__in=new_codes).items()}
    assert len(grades) == len(new_codes)
    assert max(grades.values()) <= 6, grades
    bank = [reading_grade(text) for text in active_texts().values()]
    assert sum(bank) / len(bank) <= 6


def test_enterprising_items_reach_beyond_selling_and_business(shipped):
    trade = re.compile(r"\b(buy|sell|sales|price|customers?|business|company|investors?)\b")
    enterprising = active_texts(scale="E")
    commercial = [code for code, text in enterprising.items() if trade.search(text)]
    assert len(enterprising) == 10
    assert len(commercial) <= 5, commercial  # was 8 of 10


def test_the_quick_forms_realistic_items_are_not_mostly_about_nature(shipped):
    nature = re.compile(r"\b(grow|plant|garden|animals?|farm|trees?)\b")
    realistic = active_texts(scale="R", in_quick_form=True)
    assert len(realistic) == 5
    assert len([text for text in realistic.values() if nature.search(text)]) == 1  # was 2


def test_revising_an_older_bank_keeps_its_results_as_they_were(client, shipped):
    # The bank as shipped before the revision, and a full-form result that answered it.
    revised_items.restore(apps, None)
    assert not Question.objects.filter(code="S11").exists()
    old_items = dict(Question.objects.for_length(QuizLength.FULL).values_list("code", "scale"))
    assert "S08" in old_items
    answers = {code: 1 + (index % 5) for index, code in enumerate(old_items)}
    result = Result.objects.score_and_create(
        length=QuizLength.FULL, answers=answers, scale_of=old_items
    )
    before = (result.scores, result.holland_code, result.answers)

    revised_items.revise(apps, None)
    revised_items.revise(apps, None)  # a second run changes nothing

    result.refresh_from_db()
    assert (result.scores, result.holland_code, result.answers) == before
    page = client.get(result.get_absolute_url())
    assert page.status_code == 200
    assert client.get(f"/results/{result.uuid}/json/").json()["answers"] == answers
    items = dict(form_items()[QuizLength.FULL])
    assert "S08" not in items
    assert items["S11"] == "S"
    s08, s11 = Question.objects.get(code="S08"), Question.objects.get(code="S11")
    assert (s08.active, s11.active) == (False, True)
    assert (s11.position, s11.in_quick_form) == (s08.position, s08.in_quick_form)
    assert Question.objects.filter(active=True).count() == 60
