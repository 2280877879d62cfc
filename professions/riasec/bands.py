"""Fit bands: matches grouped into what measurement error lets a taker be told."""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from professions.riasec.letters import TOLERANCE
from professions.riasec.ranking import Match, ProfessionProfile, rank_professions
from professions.riasec.scoring import Precision, weak_signal


@dataclass(frozen=True)
class Band:
    """A group of matches shown as equals: its name, the lowest r it takes, what it means."""

    name: str
    floor: float | None  # None: the band of matches without a correlation
    meaning: str


# The best band is relative: r at least BEST_FLOOR and within a margin of the highest r of
# the list ranked, i.e. as good as the closest profession within about one standard error
# of r (`Precision.best_margin`: .049 on the full form, .069 on the quick form). Calibrated on
# the O*NET 29.3 catalog with the full form's margin (tests/quiz/test_calibration.py):
# taking each occupation as a person and leaving it out, the best band holds a median of 20
# of 924 professions and is never empty, as every occupation has a neighbour at r >= .80. A
# bare floor cannot do both: r >= .93 gives a median of 25 but leaves 26 occupations with no
# best match.
BEST_FLOOR = 0.80

BEST_MARGIN = Precision(10).best_margin  # the full form's, for people measured without error

BEST = Band(
    "Best fit",
    BEST_FLOOR,
    "as close to your profile as your closest profession, within measurement error",
)

# Below the best band, fixed floors on r: .80 and .60 leave 36 % and 64 % of the variation
# of one profile unexplained by the other (1 - r squared); .30 is the least relation
# worth a mention. Below .30 the two profiles have little or nothing in common, and a
# negative r means they run opposite ways.
BANDS: tuple[Band, ...] = (
    Band("Great fit", BEST_FLOOR, "a profile that follows yours closely"),
    Band("Good fit", 0.60, "a profile that follows yours in the main"),
    Band("Some fit", 0.30, "a profile that shares part of yours"),
    Band("Little in common", -1.0, "a profile unrelated to yours, or running the other way"),
)

BY_CODE = Band(
    "Compared by code only",
    None,
    "a flat profile cannot be compared by shape, only by the letters of the codes",
)

# For a weak signal (see `weak_signal`) no band applies: the shape r measures is within
# measurement error of flat, or describes dislikes only.
TENTATIVE = Band(
    "Tentative",
    None,
    "your answers lean towards these professions' profiles, but by no more than measurement "
    "error: ideas to explore, not a fit",
)


def fit_bands(
    matches: Sequence[Match], *, margin: float = BEST_MARGIN, weak: bool = False
) -> list[tuple[Band, list[Match]]]:
    """`rank_professions`' matches grouped into bands, best band first, empty bands left out.

    The first band is BEST, r within `margin` of the highest (pass the taker's form's
    `Precision.best_margin`); the others follow BANDS by r, and matches without a correlation
    come last, in BY_CODE. Within a band the matches are equals: they are listed by code
    agreement (Iachan's M as a share of its maximum, highest first), then by name and slug.
    For a `weak` signal every correlated match is TENTATIVE, in the ranking's order: no band
    is claimed.
    """
    correlations = [match.correlation for match in matches if match.correlation is not None]
    best_from = max(BEST_FLOOR, max(correlations) - margin) if correlations else math.inf
    groups: dict[Band, list[Match]] = {}
    for match in matches:
        r = match.correlation
        if r is None:
            band = BY_CODE
        elif weak:
            band = TENTATIVE
        elif r >= best_from - TOLERANCE:
            band = BEST
        else:
            band = next(band for band in BANDS if r >= band.floor - TOLERANCE)
        groups.setdefault(band, []).append(match)
    order = [BEST, *BANDS, TENTATIVE, BY_CODE]
    return [
        (band, groups[band] if band is TENTATIVE else sorted(groups[band], key=_as_equals))
        for band in order
        if band in groups
    ]


def banded_matches(
    scores: Mapping[str, float], professions: Iterable[ProfessionProfile], precision: Precision
) -> list[tuple[Band, list[Match]]]:
    """What a taker measured with `precision` is shown: every profession ranked with the
    person's ties within `precision.tie_width`, grouped into `fit_bands` with the precision's
    best margin, and no band claimed for a `weak_signal`."""
    matches = rank_professions(scores, professions, precision.tie_width)
    weak = bool(weak_signal(scores, precision))
    return fit_bands(matches, margin=precision.best_margin, weak=weak)


def _as_equals(match: Match) -> tuple[float, str, str]:
    # Rounded, so that equal shares computed along different paths sort as equal.
    return (-round(match.congruence, 9), match.profession.name, match.profession.slug)
