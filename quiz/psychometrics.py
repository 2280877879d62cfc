"""Item analysis of the quiz scales: score spread, Cronbach's alpha and its standard error of
measurement, item-total correlations and cross-loadings.

Answers run 1..5 (1 Strongly dislike ... 5 Strongly like) and every question belongs to one
scale. For a scale of k items with answers a_1..a_k, the raw total is T = a_1 + ... + a_k and
the scale score, in percent of the maximum, is

    score = 100 x sum(a_i - 1) / (4k) = 100 x (T - k) / (4k).

Listwise deletion: a result counts for a scale only when it holds an answer to every one of
that scale's codes, each an ``int`` 1..5 (``bool`` is not an answer, nor are strings such as
"4" or out-of-range numbers such as 0 or 6). An incomplete or corrupt result is skipped for
that scale only; it still counts for every other scale it completes. A scale with no items
counts no results.

The statistics come from ONE pass over the results with memory proportional to the number
of items: per scale n, sum T and sum T^2; per item sum x, sum x^2 and sum x*T (x is the
item's answer, T its scale's raw total). All sums are Python ints, hence exact; floats
appear only in the final division or square root. With

    C(u, v) = n * sum(u*v) - sum(u) * sum(v)      (= n * sum((u - mean u)(v - mean v)))

every centred sum of squares or products is exact, and for a rest-total R = T - x:

    sum R     = sum T - sum x
    sum R^2   = sum T^2 - 2 * sum x*T + sum x^2
    sum x*R   = sum x*T - sum x^2.

Sample variance: s^2(u) = C(u, u) / (n (n - 1)).

Cronbach, L. J. (1951). Coefficient alpha and the internal structure of tests.
Psychometrika 16, 297-334:

    alpha = k / (k - 1) x (1 - sum_i s^2_i / s^2_T)
          = k x (C(T, T) - sum_i C(x_i, x_i)) / ((k - 1) x C(T, T)),

the variances all sample (n - 1) ones; the factor n (n - 1) cancels in the ratio, so it
is the same with population variances as long as they are used consistently.

Corrected item-total correlation: the Pearson r between an item and the sum of the OTHER
items of its scale (the rest-total R = T - x), so the item does not correlate with itself:

    r = C(x, R) / sqrt(C(x, x) x C(R, R)).

Items with r below FLAG_BELOW are flagged as candidates for revision (the usual 0.30 rule of
thumb, e.g. Nunnally & Bernstein, 1994, *Psychometric Theory*, 3rd ed.).

Cross-loading: an item's Pearson r with the raw total of each OTHER scale (the item is not
part of that total, so no correction is needed), over the results that complete every scale
analysed. An item whose r with another scale exceeds its own corrected item-total r measures
that scale at least as much as its own, and is flagged too.

Standard error of measurement of a scale score (classical test theory; Nunnally &
Bernstein, 1994): SEM = SD x sqrt(1 - alpha), on the 0-100 score scale. About two in three
takers' observed scores lie within one SEM of their true score.

A statistic that is undefined is None, never NaN: means need n >= 1, standard deviations
n >= 2, alpha k >= 2, n >= 2 and C(T, T) > 0, an item-total r n >= 2 and non-zero
variance of both the item and its rest-total.

Pure Python with no Django imports.
"""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TypeGuard

# Items whose corrected item-total correlation is below this are flagged.
FLAG_BELOW = 0.30


@dataclass(frozen=True)
class ItemStats:
    """One item: mean and sample SD of its answers (1..5), corrected item-total r."""

    code: str
    mean: float | None
    sd: float | None
    item_total_r: float | None
    # The other scale whose total the item correlates with most, and that r; None when
    # there is no other scale or too few complete results.
    strongest_other: tuple[str, float] | None = None

    @property
    def flagged(self) -> bool:
        """True when the corrected item-total correlation is known and below FLAG_BELOW."""
        return self.item_total_r is not None and self.item_total_r < FLAG_BELOW

    @property
    def cross_loads(self) -> bool:
        """True when the item correlates more with another scale than with its own."""
        return (
            self.strongest_other is not None
            and self.item_total_r is not None
            and self.strongest_other[1] > self.item_total_r
        )


@dataclass(frozen=True)
class ScaleStats:
    """One scale: n results counted, mean and sample SD of the percent score, alpha, items."""

    scale: str
    n: int
    mean: float | None
    sd: float | None
    alpha: float | None
    items: tuple[ItemStats, ...]

    @property
    def sem(self) -> float | None:
        """Standard error of measurement, SD x sqrt(1 - alpha), on the 0-100 scale."""
        if self.sd is None or self.alpha is None or self.alpha > 1:
            return None
        return self.sd * math.sqrt(1 - self.alpha)


def _is_answer(value: object) -> TypeGuard[int]:
    """Whether a stored value is a valid answer: an int 1..5, not a bool."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5


class _ScaleSums:
    """Exact integer sums for one scale, filled one result at a time."""

    def __init__(self, codes: Sequence[str]) -> None:
        self.codes = tuple(codes)
        k = len(self.codes)
        self.n = 0
        self.sum_t = 0
        self.sum_t2 = 0
        self.sum_x = [0] * k
        self.sum_x2 = [0] * k
        self.sum_xt = [0] * k

    def add(self, row: Mapping[str, object]) -> None:
        """Count the row if it answers every code of the scale (listwise deletion)."""
        if not self.codes:
            return
        answers: list[int] = []
        for code in self.codes:
            value = row.get(code)
            if not _is_answer(value):
                return
            answers.append(value)
        total = sum(answers)
        self.n += 1
        self.sum_t += total
        self.sum_t2 += total * total
        for i, x in enumerate(answers):
            self.sum_x[i] += x
            self.sum_x2[i] += x * x
            self.sum_xt[i] += x * total

    def result(self, scale: str) -> ScaleStats:
        """Derive the statistics from the sums (formulas in the module docstring)."""
        n, k = self.n, len(self.codes)
        c_tt = n * self.sum_t2 - self.sum_t * self.sum_t
        c_xx = [n * sx2 - sx * sx for sx, sx2 in zip(self.sum_x, self.sum_x2, strict=True)]

        mean = sd = alpha = None
        if n >= 1 and k >= 1:
            # 100 x (T - k) / (4k) averaged: 100 x (sum T - k n) / (4 k n).
            mean = 100 * (self.sum_t - k * n) / (4 * k * n)
        if n >= 2 and k >= 1:
            sd = 100 * math.sqrt(c_tt / (n * (n - 1))) / (4 * k)
        if n >= 2 and k >= 2 and c_tt > 0:
            alpha = k * (c_tt - sum(c_xx)) / ((k - 1) * c_tt)

        items = []
        for i, code in enumerate(self.codes):
            sum_x, sum_x2, sum_xt = self.sum_x[i], self.sum_x2[i], self.sum_xt[i]
            sum_r = self.sum_t - sum_x
            sum_r2 = self.sum_t2 - 2 * sum_xt + sum_x2
            sum_xr = sum_xt - sum_x2
            c_rr = n * sum_r2 - sum_r * sum_r
            c_xr = n * sum_xr - sum_x * sum_r
            r = None
            if n >= 2 and c_xx[i] > 0 and c_rr > 0:
                # Clamp against rounding in the square root; |r| <= 1 exactly.
                r = max(-1.0, min(1.0, c_xr / math.sqrt(c_xx[i] * c_rr)))
            items.append(
                ItemStats(
                    code=code,
                    mean=sum_x / n if n >= 1 else None,
                    sd=math.sqrt(c_xx[i] / (n * (n - 1))) if n >= 2 else None,
                    item_total_r=r,
                )
            )
        return ScaleStats(scale=scale, n=n, mean=mean, sd=sd, alpha=alpha, items=tuple(items))


class _CrossSums:
    """Exact integer sums of each item against each scale's raw total, over the results that
    answer every code of every scale."""

    def __init__(self, items_by_scale: Mapping[str, Sequence[str]]) -> None:
        self.scales = {scale: tuple(codes) for scale, codes in items_by_scale.items() if codes}
        self.codes = tuple(dict.fromkeys(c for codes in self.scales.values() for c in codes))
        self.n = 0
        self.sum_t = dict.fromkeys(self.scales, 0)
        self.sum_t2 = dict.fromkeys(self.scales, 0)
        self.sum_x = dict.fromkeys(self.codes, 0)
        self.sum_x2 = dict.fromkeys(self.codes, 0)
        self.sum_xt = {(code, scale): 0 for code in self.codes for scale in self.scales}

    def add(self, row: Mapping[str, object]) -> None:
        answers = {code: row.get(code) for code in self.codes}
        if len(self.scales) < 2 or not all(map(_is_answer, answers.values())):
            return
        totals = {
            scale: sum(answers[code] for code in codes) for scale, codes in self.scales.items()
        }
        self.n += 1
        for scale, total in totals.items():
            self.sum_t[scale] += total
            self.sum_t2[scale] += total * total
        for code, x in answers.items():
            self.sum_x[code] += x
            self.sum_x2[code] += x * x
            for scale, total in totals.items():
                self.sum_xt[code, scale] += x * total

    def strongest_other(self, code: str, own: str) -> tuple[str, float] | None:
        """The other scale whose total `code` correlates with most, and that r."""
        n = self.n
        c_xx = n * self.sum_x2[code] - self.sum_x[code] ** 2
        best = None
        for scale in self.scales:
            if scale == own or code in self.scales[scale]:
                continue
            c_tt = n * self.sum_t2[scale] - self.sum_t[scale] ** 2
            if n < 2 or c_xx <= 0 or c_tt <= 0:
                continue
            c_xt = n * self.sum_xt[code, scale] - self.sum_x[code] * self.sum_t[scale]
            r = max(-1.0, min(1.0, c_xt / math.sqrt(c_xx * c_tt)))
            if best is None or r > best[1]:
                best = (scale, r)
        return best


def scale_statistics(
    rows: Iterable[Mapping[str, int]], items_by_scale: Mapping[str, Sequence[str]]
) -> list[ScaleStats]:
    """Item analysis per scale, in one pass over ``rows``.

    ``rows`` are answer dicts (question code -> answer 1..5) and are iterated exactly once,
    so a generator or a database iterator will do. ``items_by_scale`` maps each scale letter
    to the question codes analysed for it, in display order. Returns one ScaleStats per scale
    in the order of ``items_by_scale``, its items in the order given. A row counts for a scale
    only if it answers all of that scale's codes with ints 1..5 (see the module docstring).
    """
    sums = {scale: _ScaleSums(codes) for scale, codes in items_by_scale.items()}
    cross = _CrossSums(items_by_scale)
    for row in rows:
        for scale_sums in sums.values():
            scale_sums.add(row)
        cross.add(row)
    results = []
    for scale, scale_sums in sums.items():
        stats = scale_sums.result(scale)
        items = tuple(
            replace(item, strongest_other=cross.strongest_other(item.code, scale))
            for item in stats.items
        )
        results.append(replace(stats, items=items))
    return results
