"""How closely a profession's profile follows a person's: the shape correlation, code
agreement as a tie-break, and what drives or weakens a fit."""

import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from professions.riasec.codes import iachan, leading_letters, letter_set, tie_code
from professions.riasec.letters import LETTERS, TOLERANCE, equal_runs, same, scores_in_order


def profile_shape(scores: Mapping[str, float]) -> tuple[float, ...] | None:
    """A profile's shape: each score's deviation from the profile's mean, scaled to length 1.

    shape_i = d_i / sqrt(sum(d^2)), d_i = score_i - mean, in hexagon order; None for a
    flat profile (all six equal within TOLERANCE), which has no shape. `shape_correlation`
    takes two of these, so a ranking shapes the person once and each profession once
    (`ProfessionProfile` keeps its own) rather than once per pair.
    """
    values = scores_in_order(scores)
    if same(max(values), min(values)):
        return None
    mean = sum(values) / len(values)
    deviations = [value - mean for value in values]
    length = math.sqrt(sum(deviation * deviation for deviation in deviations))
    return tuple(deviation / length for deviation in deviations)


def shape_correlation(x: Sequence[float] | None, y: Sequence[float] | None) -> float | None:
    """Pearson's r between two profiles across the six scales, in [-1, 1], from their shapes.

    r = sum(dx * dy) / sqrt(sum(dx^2) x sum(dy^2)), with dx and dy each score's deviation
    from its own profile's mean. With both deviations already divided by their length
    (`profile_shape`), r is just sum(x_i * y_i), and each term x_i * y_i is scale i's share
    of r. None when either profile is flat (its shape None), where r is undefined.
    Unchanged when a profile is multiplied by a positive number or shifted.
    """
    if x is None or y is None:
        return None
    r: float = sum(map(operator.mul, x, y))
    return 1.0 if r > 1.0 else -1.0 if r < -1.0 else r  # rounding can overshoot |r| = 1 by an ulp


@dataclass(frozen=True, slots=True)
class ProfessionProfile:
    """A profession's Holland code (one or more letters, brackets allowed) and profile.

    The profile gives a score for each of the six letters on any scale (0-100 suggested);
    only its shape matters for ranking. Both are checked on construction (ValueError), and
    the profile is copied read-only, as the figures ranking needs are derived from it once.
    """

    slug: str
    name: str
    code: str
    profile: Mapping[str, float]
    # How much preparation the work needs, O*NET's job zone 1-5, if known; ranking ignores it,
    # a taker may choose by it.
    job_zone: int | None = None
    # Derived once here rather than per ranking: the profile's `profile_shape`, None when flat.
    _shape: tuple[float, ...] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not letter_set(self.code):
            raise ValueError(f"profession code {self.code!r} needs one or more letters")
        profile = MappingProxyType(dict(self.profile))
        object.__setattr__(self, "profile", profile)
        object.__setattr__(self, "_shape", profile_shape(profile))


@dataclass(frozen=True, slots=True)
class Match:
    """How well one profession fits a person; see `rank_professions`."""

    profession: ProfessionProfile
    correlation: float | None  # None when either profile is flat
    iachan_m: float  # person's tie code against the profession's code
    iachan_m_max: int  # 28, or 6 or 1 when the profession's code has two letters or one
    shared_letters: str  # the person's `leading_letters` also in the profession's code
    drivers: tuple[str, ...]  # up to three scales that raise the correlation most
    by_code: bool  # ranked by Iachan's M because a profile was flat

    @property
    def congruence(self) -> float:
        """Iachan's M as a share of its maximum, 0-1."""
        return self.iachan_m / self.iachan_m_max


def rank_professions(
    scores: Mapping[str, float], professions: Iterable[ProfessionProfile], within: float = 0.0
) -> list[Match]:
    """Every profession, most similar first.

    Professions are ranked by `shape_correlation` with the person, highest first;
    correlations equal within TOLERANCE are ranked by Iachan's M as a share of its maximum
    (the person's `tie_code`, with ties `within` as given, against the profession's code),
    then by name and slug. That order is finer than measurement allows: `fit_bands` groups
    it into bands whose members are shown as equals.

    A flat profile cannot be correlated. When the person's is flat every profession, and
    when a profession's is flat that profession (after all correlated ones), is ranked by
    code congruence instead, and by_code is True.

    `drivers` are the scales that push the correlation up most: those above their own
    profile's mean in both profiles, largest product of the two deviations first (that
    product is the scale's share of r), at most three; empty when a profile is flat.
    """
    person_shape = profile_shape(scores)
    person_tie_code = tie_code(scores, within=within)
    person_letters = leading_letters(person_tie_code)
    # Only scales above the person's mean can drive a fit.
    person_above = [] if person_shape is None else _above_mean(person_shape, range(len(LETTERS)))
    # Professions share few codes: M, its maximum and the shared letters, by code.
    code_fits: dict[str, tuple[float, int, str]] = {}
    correlated: list[tuple[tuple[float, ...], Match]] = []
    by_code: list[tuple[tuple[float, ...], Match]] = []
    for profession in professions:
        code_fit = code_fits.get(profession.code)
        if code_fit is None:
            m, m_max = iachan(person_tie_code, profession.code)
            shared = "".join(letter for letter in person_letters if letter in profession.code)
            code_fit = code_fits[profession.code] = (m, m_max, shared)
        m, m_max, shared = code_fit
        congruence = m / m_max
        shape = profession._shape
        r = shape_correlation(person_shape, shape)
        if r is None:
            drivers: tuple[str, ...] = ()
        else:
            above_in_both = _above_mean(shape, person_above)
            if len(above_in_both) > 1:  # largest share of r first; equal in hexagon order
                above_in_both.sort(
                    key=lambda index: person_shape[index] * shape[index], reverse=True
                )
            drivers = tuple([LETTERS[index] for index in above_in_both[:3]])
        # Positional, in field order: keywords would cost a tenth of this loop.
        match = Match(profession, r, m, m_max, shared, drivers, r is None)
        if r is None:
            by_code.append(((congruence,), match))
        else:
            correlated.append(((r, congruence), match))
    return _ranked(correlated) + _ranked(by_code)


def biggest_difference(
    scores: Mapping[str, float], profession: ProfessionProfile
) -> tuple[str, bool] | None:
    """Where a profession and a person differ most: the scale whose share of r (the product
    of the two deviations, see `shape_correlation`) is the most negative, equal ones in
    hexagon order, and whether the profession is the one above its mean there (True: it
    needs the type and the person scored it low; False: the person is drawn to it and the
    profession makes little use of it). None when no share is negative or a profile is
    flat. Apart from `rank_professions`, which would pay for it on every profession, as a
    page explains only the matches it shows."""
    person, shape = profile_shape(scores), profession._shape
    if person is None or shape is None:
        return None
    shares = tuple(map(operator.mul, person, shape))
    lowest = min(range(len(LETTERS)), key=shares.__getitem__)
    if shares[lowest] >= -TOLERANCE:
        return None
    return LETTERS[lowest], shape[lowest] > 0


def _above_mean(shape: Sequence[float], indexes: Iterable[int]) -> list[int]:
    return [index for index in indexes if shape[index] > TOLERANCE]


def _ranked(entries: list[tuple[tuple[float, ...], Match]], key: int = 0) -> list[Match]:
    """Matches by their first key, highest first; keys equal within TOLERANCE fall to the
    next key, and after the last one to name and slug."""
    if not entries or key == len(entries[0][0]):
        entries = sorted(
            entries, key=lambda entry: (entry[1].profession.name, entry[1].profession.slug)
        )
        return [match for _, match in entries]
    ranked: list[Match] = []
    for run in equal_runs([keys[key] for keys, _ in entries]):
        if len(run) == 1:
            ranked.append(entries[run[0]][1])
        else:
            ranked.extend(_ranked([entries[index] for index in run], key + 1))
    return ranked
