"""professions.riasec.scoring and the checks every scoring function shares: worked examples
done by hand, properties, and errors."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from professions.riasec import (
    LETTERS,
    NAMES,
    ProfessionProfile,
    differentiation,
    holland_code,
    profile_shape,
    rank_professions,
    scale_scores,
    spread,
    tie_code,
    ties,
)
from tests.riasec.helpers import (
    FLAT,
    profile_correlation,
    profiles,
    scores,
)

# --- Constants ---------------------------------------------------------------------------


def test_names_follow_the_hexagon_order() -> None:
    assert LETTERS == "RIASEC"
    assert list(NAMES) == list(LETTERS)
    assert NAMES["S"] == "Social"
    assert NAMES["C"] == "Conventional"


# --- scale_scores ------------------------------------------------------------------------

KEY = {
    "r1": "R", "r2": "R", "i1": "I", "a1": "A", "a2": "A", "a3": "A",
    "s1": "S", "e1": "E", "c1": "C", "c2": "C", "c3": "C",
}  # fmt: skip


def test_scale_scores_worked_example() -> None:
    answers = {"r1": 5, "r2": 4, "i1": 1, "a1": 3, "a2": 3, "a3": 3, "s1": 2, "e1": 5,
               "c1": 4, "c2": 2}  # fmt: skip
    assert scale_scores(answers, KEY) == {
        "R": 87.5,  # answers 5, 4 -> points 4 + 3 = 7 of 8 -> 87.5
        "I": 0.0,  # answer 1 -> 0 points of 4 -> 0
        "A": 50.0,  # answers 3, 3, 3 -> 2 + 2 + 2 = 6 of 12 -> 50
        "S": 25.0,  # answer 2 -> 1 of 4 -> 25
        "E": 100.0,  # answer 5 -> 4 of 4 -> 100
        "C": 50.0,  # answers 4, 2 (c3 skipped) -> 3 + 1 = 4 of 8 -> 50
    }
    assert list(scale_scores(answers, KEY)) == list(LETTERS)


@given(st.lists(st.integers(1, 5), min_size=6, max_size=30))
def test_a_longer_form_with_the_same_answers_scores_the_same(answers: list[int]) -> None:
    # Item i belongs to scale i mod 6, so every scale has at least one item.
    short_key = {f"q{i}": LETTERS[i % 6] for i in range(len(answers))}
    short = {f"q{i}": answer for i, answer in enumerate(answers)}
    # Twice as many items, each answered as in the short form: a 60- vs a 30-item form.
    long_key = {f"{q}{half}": letter for q, letter in short_key.items() for half in "ab"}
    long = {f"{q}{half}": answer for q, answer in short.items() for half in "ab"}
    assert scale_scores(long, long_key) == pytest.approx(scale_scores(short, short_key))
    assert all(0 <= value <= 100 for value in scale_scores(short, short_key).values())


@pytest.mark.parametrize(
    ("answers", "key", "message"),
    [
        ({"r1": 0}, {"r1": "R"}, "integer 1-5, got 0"),
        ({"r1": 6}, {"r1": "R"}, "integer 1-5, got 6"),
        ({"r1": 3.0}, {"r1": "R"}, r"integer 1-5, got 3\.0"),
        ({"r1": True}, {"r1": "R"}, "integer 1-5, got True"),
        ({"r1": "3"}, {"r1": "R"}, "integer 1-5, got '3'"),
        ({"x9": 3}, {"r1": "R"}, "'x9' has no scale"),
        ({"r1": 3}, {"r1": "X"}, "'X', not a RIASEC letter"),
        ({"r1": 3}, {"r1": "RI"}, "'RI', not a RIASEC letter"),
    ],
)
def test_scale_scores_rejects_bad_input(answers: dict, key: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        scale_scores(answers, key)


def test_scale_scores_needs_an_answer_on_every_scale() -> None:
    answers = {"r1": 3, "i1": 3, "a1": 3, "s1": 3}  # E and C unanswered
    with pytest.raises(ValueError, match="no answered item for scale E, C"):
        scale_scores(answers, KEY)


# --- Score validation, shared by every function that takes scores ------------------------

TAKES_SCORES = [
    holland_code,
    ties,
    tie_code,
    differentiation,
    spread,
    profile_shape,
    lambda s: profile_correlation(s, FLAT),
    lambda s: profile_correlation(FLAT, s),
    lambda s: rank_professions(s, []),
    lambda s: ProfessionProfile("x", "X", "SE", s),
]


@pytest.mark.parametrize("function", TAKES_SCORES)
@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"R": 1, "I": 1, "A": 1, "S": 1, "E": 1}, r"missing \['C'\]"),
        ({**FLAT, "X": 1}, r"unknown \['X'\]"),
        ({**FLAT, "R": math.nan}, "score for R must be a finite number"),
        ({**FLAT, "I": math.inf}, "score for I must be a finite number"),
        ({**FLAT, "A": True}, "score for A must be a finite number"),
        ({**FLAT, "S": "9"}, "score for S must be a finite number"),
    ],
)
def test_bad_scores_are_rejected(function, bad: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        function(bad)


# --- differentiation and spread ----------------------------------------------------------


def test_differentiation_and_spread_worked_example() -> None:
    profile = scores(40, 80, 10, 60, 20, 50)  # sorted: 80, 60, 50, 40, 20, 10
    assert differentiation(profile) == 30  # 80 - (60 + 40) / 2 = 30
    assert spread(profile) == 70  # 80 - 10 = 70
    assert differentiation(FLAT) == spread(FLAT) == 0


@given(profiles, st.floats(0.1, 10), st.floats(-50, 50))
def test_differentiation_is_between_zero_and_spread(profile, factor, shift) -> None:
    assert 0 <= differentiation(profile) <= spread(profile) + 1e-9
    # Both are differences of scores: a shift leaves them, a factor scales them.
    moved = {letter: value * factor + shift for letter, value in profile.items()}
    assert differentiation(moved) == pytest.approx(differentiation(profile) * factor, abs=1e-6)
    assert spread(moved) == pytest.approx(spread(profile) * factor, abs=1e-6)
