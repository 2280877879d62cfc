"""Item analysis: scale score spread, Cronbach's alpha and corrected item-total correlations."""

import math
import random
import statistics
from collections.abc import Iterator, Mapping, Sequence

import pytest

from quiz.psychometrics import FLAG_BELOW, ItemStats, ScaleStats, scale_statistics

# One scale "R" of three items, five respondents, worked by hand below.
#
#   respondent   R1  R2  R3 | T = R1+R2+R3
#       1         1   2   3 |  6
#       2         2   1   5 |  8
#       3         3   3   1 |  7
#       4         4   5   2 | 11
#       5         5   4   4 | 13
#
# Every item has mean 15/5 = 3 and deviations
#   R1: -2 -1  0  1  2   sum of squares 4+1+0+1+4 = 10   variance 10/4 = 2.5
#   R2: -1 -2  0  2  1   sum of squares 1+4+0+4+1 = 10   variance 10/4 = 2.5
#   R3:  0  2 -2 -1  1   sum of squares 0+4+4+1+1 = 10   variance 10/4 = 2.5
# T: mean 45/5 = 9, deviations -3 -1 -2 2 4, sum of squares 9+1+4+4+16 = 34, variance 34/4 = 8.5
#
# alpha = k/(k-1) (1 - sum s2_i / s2_T) = 3/2 (1 - 7.5/8.5) = 3/2 x 1/8.5 = 3/17 = 0.17647...
HAND_ROWS = [
    {"R1": 1, "R2": 2, "R3": 3},
    {"R1": 2, "R2": 1, "R3": 5},
    {"R1": 3, "R2": 3, "R3": 1},
    {"R1": 4, "R2": 5, "R3": 2},
    {"R1": 5, "R2": 4, "R3": 4},
]
HAND_SCALES = {"R": ["R1", "R2", "R3"]}


@pytest.fixture
def hand() -> ScaleStats:
    (stats,) = scale_statistics(HAND_ROWS, HAND_SCALES)
    return stats


def test_hand_example_item_means_and_sds(hand):
    assert hand.n == 5
    assert [item.code for item in hand.items] == ["R1", "R2", "R3"]
    for item in hand.items:
        assert item.mean == pytest.approx(3.0)
        assert item.sd == pytest.approx(math.sqrt(2.5))  # sqrt(10/4) = 1.5811...


def test_hand_example_alpha(hand):
    assert hand.alpha == pytest.approx(3 / 17)  # 0.17647...


def test_hand_example_corrected_item_total_r_of_r1_is_not_flagged(hand):
    # Rest-total of R1 is R2 + R3:  5  6  4  7  8   mean 30/5 = 6
    #   rest deviations:           -1  0 -2  1  2   sum of squares 1+0+4+1+4 = 10
    #   R1 deviations:             -2 -1  0  1  2   sum of squares 10
    #   products:                   2  0  0  1  4   sum 7
    # r = 7 / sqrt(10 x 10) = 7/10 = 0.70
    r1 = hand.items[0]
    assert r1.item_total_r == pytest.approx(0.7)
    assert not r1.flagged


def test_hand_example_corrected_item_total_r_of_r2_is_flagged(hand):
    # Rest-total of R2 is R1 + R3:  4  7  4  6  9   mean 30/5 = 6
    #   rest deviations:           -2  1 -2  0  3   sum of squares 4+1+4+0+9 = 18
    #   R2 deviations:             -1 -2  0  2  1   sum of squares 10
    #   products:                   2 -2  0  0  3   sum 3
    # r = 3 / sqrt(10 x 18) = 3 / sqrt(180) = 1 / (2 sqrt 5) = 0.2236... < 0.30
    r2 = hand.items[1]
    assert r2.item_total_r == pytest.approx(1 / (2 * math.sqrt(5)))
    assert r2.flagged


def test_hand_example_corrected_item_total_r_of_r3_is_negative_and_flagged(hand):
    # Rest-total of R3 is R1 + R2:  3  3  6  9  9   mean 30/5 = 6
    #   rest deviations:           -3 -3  0  3  3   sum of squares 9+9+0+9+9 = 36
    #   R3 deviations:              0  2 -2 -1  1   sum of squares 10
    #   products:                   0 -6  0 -3  3   sum -6
    # r = -6 / sqrt(10 x 36) = -6 / (6 sqrt 10) = -1/sqrt(10) = -0.3162...
    r3 = hand.items[2]
    assert r3.item_total_r == pytest.approx(-1 / math.sqrt(10))
    assert r3.flagged


def test_hand_example_scale_score_in_percent(hand):
    # Score = 100 (T - 3) / 12: 25, 41.67, 33.33, 66.67, 83.33.
    # Mean: 100 (9 - 3) / 12 = 50. SD: 100/12 x sd(T) = 100/12 x sqrt(8.5) = 24.2956...
    assert hand.mean == pytest.approx(50.0)
    assert hand.sd == pytest.approx(100 / 12 * math.sqrt(8.5))
    assert hand.sd == pytest.approx(24.2956, abs=1e-4)


def test_two_opposite_respondents_give_mean_50_and_sd_70_71():
    # Answers 5,5 -> score 100; answers 1,1 -> score 0.
    # Mean 50; sample SD sqrt(((100-50)^2 + (0-50)^2) / 1) = sqrt(5000) = 70.7106...
    # Item variances (5-3)^2 + (1-3)^2 = 8 each, T = 10, 2 has variance 32:
    # alpha = 2/1 (1 - 16/32) = 1; each item's rest-total is the other item: r = 1.
    (stats,) = scale_statistics([{"a": 5, "b": 5}, {"a": 1, "b": 1}], {"S": ["a", "b"]})
    assert stats.n == 2
    assert stats.mean == pytest.approx(50.0)
    assert stats.sd == pytest.approx(70.710678118654)
    assert stats.alpha == pytest.approx(1.0)
    assert [item.item_total_r for item in stats.items] == [pytest.approx(1.0)] * 2


# --- Cross-check against a plain two-pass computation with `statistics` ----------------------


def reference(
    rows: Sequence[Mapping[str, object]], codes: Sequence[str]
) -> tuple[int, float, float, float, list[float]]:
    """n, mean %, sd %, alpha and corrected item-total r's, the textbook way."""
    complete = [
        [row[code] for code in codes]
        for row in rows
        if all(type(row.get(code)) is int and 1 <= row[code] <= 5 for code in codes)
    ]
    k = len(codes)
    totals = [sum(answers) for answers in complete]
    scores = [100 * (total - k) / (4 * k) for total in totals]
    item_columns = [[answers[i] for answers in complete] for i in range(k)]
    alpha = (
        k
        / (k - 1)
        * (1 - sum(statistics.variance(col) for col in item_columns) / statistics.variance(totals))
    )
    rs = [
        statistics.correlation(col, [t - x for t, x in zip(totals, col, strict=True)])
        for col in item_columns
    ]
    return len(complete), statistics.mean(scores), statistics.stdev(scores), alpha, rs


def random_answer(rng: random.Random, bias: int) -> object:
    """Mostly a valid answer leaning on `bias`; sometimes missing-making junk."""
    roll = rng.random()
    if roll < 0.02:
        return rng.choice(["4", 0, 6, True, 3.0, None])
    return min(5, max(1, bias + rng.randint(-1, 1)))


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_one_pass_agrees_with_two_pass_reference_on_random_answers(seed):
    rng = random.Random(seed)
    items_by_scale = {
        "R": ["R1", "R2"],
        "I": ["I1", "I2", "I3"],
        "A": ["A1", "A2", "A3", "A4", "A5"],
        "S": [f"S{i}" for i in range(1, 9)],
    }
    rows = []
    for _ in range(rng.randint(40, 300)):
        row: dict[str, object] = {}
        for codes in items_by_scale.values():
            bias = rng.randint(1, 5)  # a latent interest, so items correlate
            for code in codes:
                if rng.random() > 0.03:  # sometimes unanswered
                    row[code] = random_answer(rng, bias)
        rows.append(row)

    results = scale_statistics(iter(rows), items_by_scale)

    assert [stats.scale for stats in results] == list(items_by_scale)
    for stats in results:
        codes = items_by_scale[stats.scale]
        n, mean, sd, alpha, rs = reference(rows, codes)
        assert n < len(rows)  # listwise deletion did drop some rows
        assert stats.n == n
        assert stats.mean == pytest.approx(mean, abs=1e-9)
        assert stats.sd == pytest.approx(sd, abs=1e-9)
        assert stats.alpha == pytest.approx(alpha, abs=1e-9)
        assert [item.code for item in stats.items] == codes
        for item, r in zip(stats.items, rs, strict=True):
            assert item.item_total_r == pytest.approx(r, abs=1e-9)


# --- Edge cases ----------------------------------------------------------------------------


def test_no_rows_leaves_every_statistic_undefined():
    (stats,) = scale_statistics([], HAND_SCALES)
    assert stats == ScaleStats(
        scale="R",
        n=0,
        mean=None,
        sd=None,
        alpha=None,
        items=tuple(ItemStats(code, None, None, None) for code in ["R1", "R2", "R3"]),
    )


def test_one_row_defines_means_only():
    (stats,) = scale_statistics([{"R1": 5, "R2": 3, "R3": 1}], HAND_SCALES)
    assert stats.n == 1
    assert stats.mean == pytest.approx(50.0)  # 100 x (4 + 2 + 0) / 12
    assert stats.sd is None
    assert stats.alpha is None
    assert [item.mean for item in stats.items] == [5.0, 3.0, 1.0]
    assert all(item.sd is None and item.item_total_r is None for item in stats.items)


def test_identical_answers_give_zero_spread_and_no_alpha_or_r():
    rows = [{"R1": 4, "R2": 4, "R3": 2}] * 6
    (stats,) = scale_statistics(rows, HAND_SCALES)
    assert stats.n == 6
    assert stats.sd == 0.0
    assert stats.alpha is None
    assert all(item.sd == 0.0 and item.item_total_r is None for item in stats.items)
    assert not any(item.flagged for item in stats.items)


def test_a_constant_item_has_no_r_but_the_others_and_alpha_are_defined():
    # R3 is always 3; R1 and R2 move together.
    rows = [{"R1": a, "R2": a, "R3": 3} for a in (1, 2, 4, 5)]
    (stats,) = scale_statistics(rows, HAND_SCALES)
    r1, r2, r3 = stats.items
    assert r3.item_total_r is None
    assert r1.item_total_r == pytest.approx(1.0)  # rest = R2 + 3, a shift of R1
    assert r2.item_total_r == pytest.approx(1.0)
    # Item variances 10/3, 10/3, 0; T = 2a + 3 has variance 4 x 10/3:
    # alpha = 3/2 (1 - (20/3) / (40/3)) = 3/2 x 1/2 = 0.75
    assert stats.alpha == pytest.approx(0.75)


def test_a_single_item_scale_has_no_alpha_and_no_item_total_r():
    rows = [{"C1": 1}, {"C1": 3}, {"C1": 5}]
    (stats,) = scale_statistics(rows, {"C": ["C1"]})
    assert stats.n == 3
    assert stats.mean == pytest.approx(50.0)  # scores 0, 50, 100
    assert stats.sd == pytest.approx(50.0)
    assert stats.alpha is None
    assert stats.items[0].item_total_r is None


def test_a_scale_without_items_counts_nothing():
    (stats,) = scale_statistics(HAND_ROWS, {"E": []})
    assert stats == ScaleStats(scale="E", n=0, mean=None, sd=None, alpha=None, items=())


def test_a_row_missing_a_code_counts_for_other_scales_only():
    rows = [
        {"R1": 5, "R2": 5, "I1": 1, "I2": 1},
        {"R1": 1, "I1": 5, "I2": 5},  # no R2: skipped for R, counted for I
    ]
    r, i = scale_statistics(rows, {"R": ["R1", "R2"], "I": ["I1", "I2"]})
    assert r.n == 1
    assert r.mean == pytest.approx(100.0)
    assert i.n == 2
    assert i.mean == pytest.approx(50.0)


@pytest.mark.parametrize("corrupt", ["4", 0, 6, 7, -1, True, False, 4.0, None, [4]])
def test_a_value_other_than_an_int_1_to_5_skips_the_row_for_that_scale(corrupt):
    # Strings, out-of-range numbers and floats are corrupt; bool is an int subclass in
    # Python but True/False are not answers either.
    rows = [
        {"R1": 1, "R2": 1, "I1": 1},
        {"R1": 5, "R2": corrupt, "I1": 5},
    ]
    r, i = scale_statistics(rows, {"R": ["R1", "R2"], "I": ["I1"]})
    assert r.n == 1
    assert r.mean == pytest.approx(0.0)
    assert i.n == 2


def test_rows_are_consumed_in_a_single_pass():
    class OnceOnly:
        def __init__(self, rows: list[dict[str, int]]) -> None:
            self.rows = rows
            self.passes = 0

        def __iter__(self) -> Iterator[dict[str, int]]:
            self.passes += 1
            if self.passes > 1:
                raise AssertionError("rows iterated twice")
            return iter(self.rows)

    once = OnceOnly(HAND_ROWS)
    stats = scale_statistics(once, {"R": ["R1", "R2"], "I": ["R2", "R3"]})
    assert once.passes == 1
    assert [s.n for s in stats] == [5, 5]

    generated = scale_statistics((dict(row) for row in HAND_ROWS), HAND_SCALES)
    assert generated == scale_statistics(HAND_ROWS, HAND_SCALES)


def test_scales_come_back_in_the_given_order():
    scales = {"C": ["R3"], "A": ["R1", "R2"], "R": ["R2"]}
    assert [s.scale for s in scale_statistics(HAND_ROWS, scales)] == ["C", "A", "R"]


# --- Flagging ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("r", "flagged"),
    [(None, False), (-0.5, True), (0.0, True), (0.2999, True), (FLAG_BELOW, False), (0.8, False)],
)
def test_flagged_when_item_total_r_is_below_the_threshold(r, flagged):
    assert FLAG_BELOW == 0.30
    assert ItemStats(code="R1", mean=3.0, sd=1.0, item_total_r=r).flagged is flagged


# --- Cross-loading and the standard error of measurement -----------------------------------

# R2 goes with the I items, not with R1: it belongs to I more than to its own scale.
CROSS_ROWS = [
    {"R1": 1, "R2": 5, "R3": 2, "I1": 5, "I2": 4},
    {"R1": 2, "R2": 1, "R3": 3, "I1": 1, "I2": 2},
    {"R1": 3, "R2": 4, "R3": 3, "I1": 4, "I2": 5},
    {"R1": 4, "R2": 2, "R3": 5, "I1": 2, "I2": 1},
    {"R1": 5, "R2": 3, "R3": 4, "I1": 3, "I2": 3},
]
CROSS_SCALES = {"R": ["R1", "R2", "R3"], "I": ["I1", "I2"]}


def test_an_item_that_correlates_more_with_another_scale_is_flagged():
    r, i = scale_statistics(CROSS_ROWS, CROSS_SCALES)
    by_code = {item.code: item for item in (*r.items, *i.items)}

    r2 = by_code["R2"]
    # R2 = 5 1 4 2 3 (deviations 2 -2 1 -1 0) against the I total 9 3 9 3 6 (3 -3 3 -3 0):
    # r = 18 / sqrt(10 x 36) = 0.95; against its own rest-total R1 + R3 = 3 5 6 9 9:
    # r = -7 / sqrt(10 x 27.2) = -0.42.
    assert r2.strongest_other == ("I", pytest.approx(18 / math.sqrt(10 * 36)))
    assert r2.item_total_r == pytest.approx(-7 / math.sqrt(10 * 27.2))
    assert r2.cross_loads
    assert not by_code["R1"].cross_loads  # R1 goes with R3, its own scale
    assert by_code["I1"].strongest_other[0] == "R"


def test_cross_loading_needs_another_scale():
    (stats,) = scale_statistics(HAND_ROWS, HAND_SCALES)

    assert all(item.strongest_other is None and not item.cross_loads for item in stats.items)


@pytest.mark.parametrize(
    ("sd", "alpha", "sem"),
    [(10.0, 0.75, 5.0), (20.0, 0.91, 6.0), (10.0, None, None), (None, 0.8, None)],
)
def test_standard_error_of_measurement_is_sd_times_root_of_one_minus_alpha(sd, alpha, sem):
    stats = ScaleStats(scale="R", n=50, mean=50.0, sd=sd, alpha=alpha, items=())

    assert stats.sem == (None if sem is None else pytest.approx(sem))
