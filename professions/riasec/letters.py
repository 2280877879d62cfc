"""The six Holland types and the checks every part of the engine shares.

The types sit on a hexagon in the order R-I-A-S-E-C and back to R (Holland, J. L., 1997,
*Making Vocational Choices*, 3rd ed., PAR): neighbours such as R-I resemble each other most,
types two steps apart (R-A) less, and opposite types (R-S, I-E, A-C) least.
"""

import functools
import math
from collections.abc import Mapping, Sequence

LETTERS = "RIASEC"

NAMES: dict[str, str] = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}

# Each type's field name in models and forms, e.g. "E" -> "enterprising".
FIELDS: dict[str, str] = {letter: name.lower() for letter, name in NAMES.items()}

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

POSITION = {letter: index for index, letter in enumerate(LETTERS)}

# Whether two scores are equal within TOLERANCE; a partial keeps this hot test in C.
same = functools.partial(math.isclose, rel_tol=TOLERANCE, abs_tol=TOLERANCE)


def check_length(length: int) -> None:
    if isinstance(length, bool) or not isinstance(length, int) or not 1 <= length <= 6:
        raise ValueError(f"code length must be an integer 1-6, got {length!r}")


def letter_position(letter: str) -> int:
    if letter not in POSITION:
        raise ValueError(f"{letter!r} is not a RIASEC letter")
    return POSITION[letter]


def scores_in_order(scores: Mapping[str, float]) -> tuple[float, ...]:
    """The six scores in hexagon order, after checking that they are six finite numbers."""
    if len(scores) != len(LETTERS) or not all(letter in scores for letter in LETTERS):
        unknown = sorted(str(key) for key in scores if key not in POSITION)
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


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around the hexagon: 0 same, 1 adjacent, 2 alternate, 3 opposite."""
    steps = abs(letter_position(a) - letter_position(b))
    return min(steps, len(LETTERS) - steps)


def equal_runs(values: Sequence[float], within: float = 0.0) -> list[list[int]]:
    """Indexes of `values`, highest value first, cut into runs equal within TOLERANCE or
    less than `within` below the run's highest value.

    Each value is compared with the highest of its run, so near-equal values cannot chain
    into one long run. Within a run the indexes ascend: the input order breaks ties.
    """
    runs: list[list[int]] = []
    top = math.nan  # equal to nothing, so the first value starts a run
    for index in sorted(range(len(values)), key=values.__getitem__, reverse=True):
        if same(top, values[index]) or top - values[index] < within:
            runs[-1].append(index)
        else:
            top = values[index]
            runs.append([index])
    for run in runs:
        run.sort()
    return runs
