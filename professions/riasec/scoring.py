"""A taker's six scale scores from their answers, how precisely a form measures them, and
when a profile is too flat or too low to single anything out."""

import math
from collections.abc import Mapping
from dataclasses import dataclass

from professions.riasec.letters import LETTERS, POSITION, scores_in_order


def scale_scores(answers: Mapping[str, int], scale_of: Mapping[str, str]) -> dict[str, float]:
    """Score each scale as the percentage of the points its answered items could give.

    `answers` maps a question code to an answer from 1 (strongly dislike) to 5 (strongly
    like); `scale_of` maps every question code to its scale letter. An answer a counts
    a - 1 points (0-4), and a scale with n answered items scores

        100 x (sum of its points) / (4 x n),

    so forms of different lengths, or with skipped items, compare on one 0-100 scale.
    Returns all six letters in hexagon order. Raises ValueError for an answer that is not
    an integer from 1 to 5, a question missing from `scale_of`, a scale letter outside
    RIASEC, or a scale left without any answered item.
    """
    for question, letter in scale_of.items():
        if letter not in POSITION:
            raise ValueError(f"question {question!r} is keyed to {letter!r}, not a RIASEC letter")
    points = dict.fromkeys(LETTERS, 0)
    answered = dict.fromkeys(LETTERS, 0)
    for question, answer in answers.items():
        if question not in scale_of:
            raise ValueError(f"question {question!r} has no scale in the scoring key")
        # bool is an int subclass, but True is not an answer.
        if isinstance(answer, bool) or not isinstance(answer, int) or not 1 <= answer <= 5:
            raise ValueError(f"answer to {question!r} must be an integer 1-5, got {answer!r}")
        letter = scale_of[question]
        points[letter] += answer - 1
        answered[letter] += 1
    unscored = [letter for letter in LETTERS if not answered[letter]]
    if unscored:
        raise ValueError(f"no answered item for scale {', '.join(unscored)}")
    return {letter: 100 * points[letter] / (4 * answered[letter]) for letter in LETTERS}


def differentiation(scores: Mapping[str, float]) -> float:
    """Iachan's differentiation index: L1 - (L2 + L4) / 2.

    L1 >= L2 >= ... are the six scores sorted from highest to lowest (Iachan, R., 1984,
    "A family of differentiation indices", Psychometrika 49, 217-222), as used with the
    Self-Directed Search. Higher means a more clearly defined profile.
    """
    high = sorted(scores_in_order(scores), reverse=True)
    return high[0] - (high[1] + high[3]) / 2


def differentiation_level(value: float, precision: "Precision") -> str:
    """ "low", "medium" or "high" for a differentiation index measured with `precision`.

    "low" is within measurement error (below `Precision.weak_differentiation`, so a flat
    true profile could give it), "high" at least 1.5 times that threshold, "medium" between.
    """
    if value < precision.weak_differentiation:
        return "low"
    return "high" if value >= 1.5 * precision.weak_differentiation else "medium"


def spread(scores: Mapping[str, float]) -> float:
    """Highest minus lowest score: Holland's (1997) original differentiation measure."""
    values = scores_in_order(scores)
    return max(values) - min(values)


# How far one answer strays from what the taker's true interest would give, as a standard
# deviation in answer steps (1 = one step, e.g. Like for Strongly like). CareerFit's
# assumption, checked two ways: `simulate_retest` answers with it and gives alphas of .79
# to .94 on the full form, the range published interest scales report; and the analysts'
# report shows each scale's SEM from the real answers' alpha beside `Precision.sem`.
ANSWER_ERROR = 1.0

# The 95th percentile of Iachan's differentiation L1 - (L2 + L4) / 2 over six independent
# standard normal scores (Monte Carlo, 400,000 draws; tests/quiz/test_riasec.py repeats it).
FLAT_DIFFERENTIATION_95 = 2.10

# How far r with the professions closest to a person strays from its true value, as a
# standard deviation per point of SEM: `simulate_retest` measures .048 at SEM 7.9 (full
# form) and .070 at 11.2 (quick), .0060 and .0063 a point; tests/quiz/test_calibration.py
# holds the simulation to this.
R_ERROR_PER_SEM = 0.0062

# No type reaches the middle of the scale, "Unsure" (score 50): every interest is low.
LOW_INTEREST = 50.0


@dataclass(frozen=True)
class Precision:
    """How precisely a form of `items_per_scale` items per scale measures a scale score."""

    items_per_scale: int

    @property
    def sem(self) -> float:
        """Standard error of measurement of a 0-100 scale score: 25 x ANSWER_ERROR / sqrt(k).

        A score is 25 points per answer step averaged over the scale's k answers (see
        `scale_scores`), and the mean of k independent errors of SD e has SD e / sqrt(k):
        7.9 points for 10 items, 11.2 for 5. Classical test theory writes the same as
        SEM = SD x sqrt(1 - alpha); with scores of SD 25 these are alpha = .90 and .80.
        """
        return 25 * ANSWER_ERROR / math.sqrt(self.items_per_scale)

    @property
    def tie_width(self) -> float:
        """Scores closer than this are tied: the standard error of a difference between two
        scores, sqrt(2) x SEM (11.2 points for 10 items, 15.8 for 5)."""
        return math.sqrt(2) * self.sem

    @property
    def best_margin(self) -> float:
        """How far below the closest profession's r the best band reaches: about one
        standard error of r for the professions closest to a person, R_ERROR_PER_SEM x SEM
        (.049 for 10 items, .069 for 5)."""
        return R_ERROR_PER_SEM * self.sem

    @property
    def weak_differentiation(self) -> float:
        """Differentiation below this is within measurement error: a person with six equal
        true scores shows less in 95 % of takings. FLAT_DIFFERENTIATION_95 x SEM (16.6
        points for 10 items, 23.5 for 5)."""
        return FLAT_DIFFERENTIATION_95 * self.sem


def weak_signal(scores: Mapping[str, float], precision: Precision) -> str:
    """Why a profile cannot support confident matches, or "" when it can.

    "low": every score is below LOW_INTEREST, so no type draws the person even moderately,
    whatever the shape. "undifferentiated": `differentiation` is below
    `precision.weak_differentiation`, so the profile is within measurement error of flat.
    """
    if max(scores_in_order(scores)) < LOW_INTEREST:
        return "low"
    if differentiation(scores) < precision.weak_differentiation:
        return "undifferentiated"
    return ""
