"""Holland-code (RIASEC) scoring, profile indices and profession ranking.

Holland's theory (Holland, J. L., 1997, *Making Vocational Choices*, 3rd ed., PAR)
describes people and work environments by six interest types: Realistic, Investigative,
Artistic, Social, Enterprising and Conventional. The types sit on a hexagon in the order
R-I-A-S-E-C and back to R: neighbours such as R-I or S-E resemble each other most, types
two steps apart (R-A) less, and opposite types (R-S, I-E, A-C) least. A *code* lists the
strongest types, highest first ("SEA"); a bracket group marks letters tied in score, in
either order ("ES[AI]": E, then S, then A and I tied).

Pure Python with no Django imports, so the scoring can be tested and reused on its own.
"""

import functools
import itertools
import math
import operator
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

LETTERS = "RIASEC"
NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
# What draws people of each type, in a sentence; shown on the home and result pages.
DESCRIPTIONS: dict[str, str] = {
    "R": "Practical, hands-on work with tools, machines, materials, plants or animals, "
    "often outdoors.",
    "I": "Observing, investigating and solving problems through research, science and "
    "careful thought.",
    "A": "Creating and expressing ideas through art, design, writing, music or performance, "
    "with room for imagination.",
    "S": "Helping, teaching, caring for and working closely with other people.",
    "E": "Leading, persuading and making decisions; starting projects and taking business risks.",
    "C": "Organising information, keeping records and following clear procedures with accuracy.",
}

# Scores this close count as equal everywhere: codes, ties, flat profiles and ranking.
TOLERANCE = 1e-9

# Iachan (1984): rows are the person's code positions 1-3, columns the occupation's.
IACHAN_WEIGHTS: tuple[tuple[int, ...], ...] = ((22, 10, 4), (10, 5, 2), (4, 2, 1))
# Iachan (1990): the same for two-letter codes.
IACHAN_TWO_LETTER_WEIGHTS: tuple[tuple[int, ...], ...] = ((5, 2), (2, 1))
# A one-letter code can only agree on its first place: first-letter agreement, 1 or 0.
IACHAN_ONE_LETTER_WEIGHTS: tuple[tuple[int, ...], ...] = ((1,),)

_POSITION = {letter: index for index, letter in enumerate(LETTERS)}
_CONSISTENCY = {1: "high", 2: "medium", 3: "low"}
_IACHAN_WEIGHTS_BY_LENGTH = {
    3: IACHAN_WEIGHTS,
    2: IACHAN_TWO_LETTER_WEIGHTS,
    1: IACHAN_ONE_LETTER_WEIGHTS,
}


# --- Scores ------------------------------------------------------------------------------


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
        if letter not in _POSITION:
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


# --- Codes and ties ----------------------------------------------------------------------


def holland_code(scores: Mapping[str, float], length: int = 3) -> str:
    """The `length` letters with the highest scores, highest first.

    Equal scores (within TOLERANCE) are ordered by the hexagon, R, I, A, S, E, C, so a
    profile always has exactly one code; `ties` and `tie_code` show where that rule decided.
    """
    _check_length(length)
    return _ordered_letters(_profile(scores))[:length]


def ties(scores: Mapping[str, float], length: int = 3, within: float = 0.0) -> list[set[str]]:
    """The groups of two or more tied scores that affect the code of this length.

    Scores tie when equal (within TOLERANCE) or, given `within` > 0, when less than `within`
    below the highest score of their group: `Precision.tie_width` ties scores that
    measurement error cannot tell apart. A group matters when one of its letters falls
    within the first `length` places: it then decides the order of the code or which
    letters it holds. Highest scores first.
    """
    _check_length(length)
    groups = _groups_in_code(_profile(scores), length, within)
    return [set(group) for group in groups if len(group) > 1]


def tie_code(scores: Mapping[str, float], length: int = 3, within: float = 0.0) -> str:
    """The code with each tie that affects it written as a bracket group, e.g. "ES[IA]".

    Ties as in `ties`. A group cut by the end of the code is kept whole, so the result may
    run past `length` letters; inside a bracket the letters follow the hexagon order. This
    is the form `iachan` averages over (Iachan, 1990).
    """
    _check_length(length)
    return "".join(
        f"[{''.join(group)}]" if len(group) > 1 else group[0]
        for group in _groups_in_code(_profile(scores), length, within)
    )


def code_letters(code: str) -> str:
    """The letters of a code, brackets dropped: "S[RE]" -> "SRE"."""
    return "".join(letter for group in _parse_code(code) for letter in group)


def leading_letters(code: str, places: int = 3) -> str:
    """The letters of a code's first `places` places: the tie groups that end within them,
    and the first group always. A group cut by the last place is left out, as its letters
    may as well fall after it: "S[RE]" -> "SRE", "E[RIASC]" -> "E", "[RIASEC]" -> "RIASEC"."""
    letters = ""
    for group in _parse_code(code):
        if letters and len(letters) + len(group) > places:
            break
        letters += "".join(group)
    return letters


def code_groups(code: str) -> tuple[tuple[str, ...], ...]:
    """A code's places, each tie group as one: "S[RE]" -> (("S",), ("R", "E"))."""
    return _parse_code(code)


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around the hexagon: 0 same, 1 adjacent, 2 alternate, 3 opposite."""
    steps = abs(_letter_position(a) - _letter_position(b))
    return min(steps, len(LETTERS) - steps)


def consistency(code: str) -> str:
    """Holland's (1997) consistency of a code, from its first two letters on the hexagon.

    Adjacent types (distance 1) give "high", alternate types (2) "medium" and opposite
    types (3) "low".
    """
    letters = _plain_code(code, minimum=2)
    return _CONSISTENCY[hexagon_distance(letters[0], letters[1])]


def top_pairs(code: str) -> list[tuple[str, str, str]]:
    """Every pair of letters that may stand first and second in a code with tie brackets,
    with its `consistency`: (first, second, level), in the code's order.

    "SE" gives one pair; "S[RE]" two, S-R and S-E, as either of R and E may come second;
    "[SER]" three, as any two of them may come first. Empty for a one-letter code.
    """
    groups = _parse_code(code)
    if len(groups[0]) > 1:
        pairs = list(itertools.combinations(groups[0], 2))
    elif len(groups) > 1:
        pairs = [(groups[0][0], letter) for letter in groups[1]]
    else:
        pairs = []
    return [(a, b, _CONSISTENCY[hexagon_distance(a, b)]) for a, b in pairs]


def differentiation(scores: Mapping[str, float]) -> float:
    """Iachan's differentiation index: L1 - (L2 + L4) / 2.

    L1 >= L2 >= ... are the six scores sorted from highest to lowest (Iachan, R., 1984,
    "A family of differentiation indices", Psychometrika 49, 217-222), as used with the
    Self-Directed Search. Higher means a more clearly defined profile.
    """
    high = sorted(_profile(scores), reverse=True)
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
    values = _profile(scores)
    return max(values) - min(values)


def is_code(code: str) -> bool:
    """Whether `code` is a plain code: one to six distinct RIASEC letters, no brackets."""
    return 0 < len(code) == len(set(code)) and set(code) <= set(LETTERS)


def code_disagreement(code: str, profile: Mapping[str, float]) -> str:
    """Why a plain code contradicts a profile, naming the scores; empty when they agree.

    A code agrees with a profile when each of its letters scores at least as high as every
    letter after it and every letter left out. Equal scores may stand in either order, so
    a code from another classification (e.g. O*NET's high points) agrees with its profile.
    """
    for index, letter in enumerate(code):
        rivals = [*code[index + 1 :], *(other for other in LETTERS if other not in code)]
        higher = [other for other in rivals if profile[other] > profile[letter] + TOLERANCE]
        if higher:
            # Name the highest offender: the first correction an editor should make.
            other = max(higher, key=lambda rival: profile[rival])
            where = "comes after it in the code" if other in code else "is left out of the code"
            return (
                f"{NAMES[other]} ({profile[other]:g}) is higher than "
                f"{NAMES[letter]} ({profile[letter]:g}), but {where}."
            )
    return ""


# --- Congruence between a person's code and an occupation's code -------------------------


@functools.lru_cache(maxsize=65536)
def iachan(person: str, occupation: str) -> tuple[float, int]:
    """Iachan's M, the agreement between a person's and an occupation's code, and its maximum.

    M = sum of W[i][j] over every letter at place i of the person's code and place j of
    the occupation's code (Iachan, R., 1984, "A measure of agreement for use with the
    Holland classification system", Journal of Vocational Behavior 24, 133-141), with
    W = IACHAN_WEIGHTS = [[22, 10, 4], [10, 5, 2], [4, 2, 1]] over the first three places:
    0 to 28. When either code has only two letters, both are cut to two places and
    W = IACHAN_TWO_LETTER_WEIGHTS = [[5, 2], [2, 1]] (Iachan, R., 1990, "Some extensions
    to the Iachan congruence index", Journal of Vocational Behavior 36, 176-180): 0 to 6.
    When either code has one letter (O*NET gives one when a single interest stands out),
    only the first places compare, W = [[1]]: M is 1 when the first letters agree, else 0
    (first-letter agreement). Returns (M, the largest M possible for codes of these
    lengths: 28, 6 or 1), the maximum for normalising.

    Codes may contain tie brackets ("ES[AI]"); then M is the average of M over every order
    of the tied letters, again counting only the first three (or two) places (Iachan, 1990).
    Because M is a sum over places, that average equals the sum with each place holding
    each letter of its tie group in 1/k of the orders (k the group size), which is how it
    is computed. Symmetric, because W is. Cached, as a ranking meets the same few codes often.
    """
    length = _iachan_length(person, occupation)
    weights = _IACHAN_WEIGHTS_BY_LENGTH[length]
    occupation_places = _place_shares(occupation, length)
    m = sum(
        weights[row][column] * share * occupation_places[column].get(letter, 0.0)
        for row, place in enumerate(_place_shares(person, length))
        for letter, share in place.items()
        for column in range(length)
    )
    # The largest M has every letter in its own place: 22 + 5 + 1 = 28, 5 + 1 = 6, or 1.
    return m, sum(weights[place][place] for place in range(length))


# --- Profile correlation and profession ranking ------------------------------------------


def profile_shape(scores: Mapping[str, float]) -> tuple[float, ...] | None:
    """A profile's shape: each score's deviation from the profile's mean, scaled to length 1.

    shape_i = d_i / sqrt(sum(d^2)), d_i = score_i - mean, in hexagon order; None for a
    flat profile (all six equal within TOLERANCE), which has no shape. `shape_correlation`
    takes two of these, so a ranking shapes the person once and each profession once
    (`ProfessionProfile` keeps its own) rather than once per pair.
    """
    values = _profile(scores)
    if _same(max(values), min(values)):
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
        if not _code_letters(self.code):
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


# --- Measurement error and weak signals --------------------------------------------------

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
    if max(_profile(scores)) < LOW_INTEREST:
        return "low"
    if differentiation(scores) < precision.weak_differentiation:
        return "undifferentiated"
    return ""


# --- Fit bands ---------------------------------------------------------------------------
#
# Why bands: two profiles of six scores correlate finely, but a taker's scores carry
# measurement error, and r with the professions closest to a person strays from its true
# value by about .05 on the full form and .07 on the quick form (`manage.py
# simulate_retest`, O*NET profiles as true interests; `Precision.best_margin`). Many O*NET
# occupations share nearly one profile (4,297 pairs correlate above .99), so an
# order by r among close neighbours is noise. Bands say what r can support and list their
# members as equals.


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


# --- Helpers -----------------------------------------------------------------------------


# Whether two scores are equal within TOLERANCE; a partial keeps this hot test in C.
_same = functools.partial(math.isclose, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def _check_length(length: int) -> None:
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 6:
        raise ValueError(f"code length must be an integer 1-6, got {length!r}")


def _letter_position(letter: str) -> int:
    if letter not in _POSITION:
        raise ValueError(f"{letter!r} is not a RIASEC letter")
    return _POSITION[letter]


def _profile(scores: Mapping[str, float]) -> tuple[float, ...]:
    """The six scores in hexagon order, after checking that they are six finite numbers."""
    if len(scores) != len(LETTERS) or not all(letter in scores for letter in LETTERS):
        unknown = sorted(str(key) for key in scores if key not in _POSITION)
        missing = [letter for letter in LETTERS if letter not in scores]
        raise ValueError(
            f"scores need the six RIASEC letters; missing {missing}, unknown {unknown}"
        )
    values = tuple(scores[letter] for letter in LETTERS)
    for letter, value in zip(LETTERS, values, strict=True):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValueError(f"score for {letter} must be a finite number, got {value!r}")
    return values


def _equal_runs(values: Sequence[float], within: float = 0.0) -> list[list[int]]:
    """Indexes of `values`, highest value first, cut into runs equal within TOLERANCE or
    less than `within` below the run's highest value.

    Each value is compared with the highest of its run, so near-equal values cannot chain
    into one long run. Within a run the indexes ascend: the input order breaks ties.
    """
    runs: list[list[int]] = []
    top = math.nan  # equal to nothing, so the first value starts a run
    for index in sorted(range(len(values)), key=values.__getitem__, reverse=True):
        if _same(top, values[index]) or top - values[index] < within:
            runs[-1].append(index)
        else:
            top = values[index]
            runs.append([index])
    for run in runs:
        run.sort()
    return runs


def _tie_groups(values: Sequence[float], within: float = 0.0) -> list[tuple[str, ...]]:
    """Letters grouped by tied score (see `_equal_runs`), highest first; hexagon order
    within a group."""
    return [tuple(LETTERS[index] for index in run) for run in _equal_runs(values, within)]


def _ordered_letters(values: Sequence[float]) -> str:
    """All six letters by score, highest first, ties in hexagon order."""
    return "".join(letter for group in _tie_groups(values) for letter in group)


def _groups_in_code(
    values: Sequence[float], length: int, within: float = 0.0
) -> list[tuple[str, ...]]:
    """The tie groups that reach into the first `length` places of the code."""
    groups = []
    place = 0
    for group in _tie_groups(values, within):
        if place >= length:
            break
        groups.append(group)
        place += len(group)
    return groups


@functools.lru_cache(maxsize=4096)
def _parse_code(code: str) -> tuple[tuple[str, ...], ...]:
    """Split a code into its places' groups: "ES[AI]" -> (("E",), ("S",), ("A", "I"))."""
    groups: list[tuple[str, ...]] = []
    bracket: list[str] | None = None
    for char in code:
        if char == "[":
            if bracket is not None:
                raise ValueError(f"nested '[' in code {code!r}")
            bracket = []
        elif char == "]":
            if bracket is None:
                raise ValueError(f"']' without '[' in code {code!r}")
            if len(bracket) < 2:
                raise ValueError(f"a tie group needs two or more letters in code {code!r}")
            groups.append(tuple(bracket))
            bracket = None
        elif char in _POSITION:
            if bracket is None:
                groups.append((char,))
            else:
                bracket.append(char)
        else:
            raise ValueError(f"{char!r} in code {code!r} is neither a RIASEC letter nor a bracket")
    if bracket is not None:
        raise ValueError(f"'[' without ']' in code {code!r}")
    letters = [letter for group in groups for letter in group]
    if len(set(letters)) != len(letters):
        raise ValueError(f"code {code!r} repeats a letter")
    return tuple(groups)


@functools.lru_cache(maxsize=4096)
def _code_letters(code: str) -> frozenset[str]:
    return frozenset(letter for group in _parse_code(code) for letter in group)


def _plain_code(code: str, minimum: int) -> str:
    groups = _parse_code(code)
    if any(len(group) > 1 for group in groups):
        raise ValueError(f"code {code!r} has a tie bracket; this index takes a plain code")
    if len(groups) < minimum:
        raise ValueError(f"code {code!r} needs at least {minimum} letters")
    return code


def _iachan_length(person: str, occupation: str) -> int:
    """How many places Iachan's M compares: 3, or fewer when either code is shorter."""
    shortest = min(len(_code_letters(person)), len(_code_letters(occupation)))
    if shortest < 1:
        raise ValueError(
            f"Iachan's M needs codes of one or more letters: {person!r}, {occupation!r}"
        )
    return min(shortest, 3)


@functools.lru_cache(maxsize=4096)
def _place_shares(code: str, length: int) -> tuple[dict[str, float], ...]:
    """For each of the first `length` places, each letter's share of the code's orders.

    Every order of a tie group of k letters is equally likely, so each of its letters
    holds each of the group's places in 1/k of them. Read-only: the result is cached.
    """
    places: list[dict[str, float]] = []
    for group in _parse_code(code):
        places.extend({letter: 1 / len(group) for letter in group} for _ in group)
    return tuple(places[:length])


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
    for run in _equal_runs([keys[key] for keys, _ in entries]):
        if len(run) == 1:
            ranked.append(entries[run[0]][1])
        else:
            ranked.extend(_ranked([entries[index] for index in run], key + 1))
    return ranked
