"""Holland codes: a profile's highest letters, ties between them, and how two codes agree.

A *code* lists the strongest types, highest first ("SEA"); a bracket group marks letters
tied in score, in either order ("ES[AI]": E, then S, then A and I tied).
"""

import functools
import itertools
from collections.abc import Mapping, Sequence

from professions.riasec.letters import (
    LETTERS,
    NAMES,
    POSITION,
    TOLERANCE,
    check_length,
    equal_runs,
    hexagon_distance,
    scores_in_order,
)

# Iachan (1984): rows are the person's code positions 1-3, columns the occupation's.
IACHAN_WEIGHTS: tuple[tuple[int, ...], ...] = ((22, 10, 4), (10, 5, 2), (4, 2, 1))

# Iachan (1990): the same for two-letter codes.
IACHAN_TWO_LETTER_WEIGHTS: tuple[tuple[int, ...], ...] = ((5, 2), (2, 1))

# A one-letter code can only agree on its first place: first-letter agreement, 1 or 0.
IACHAN_ONE_LETTER_WEIGHTS: tuple[tuple[int, ...], ...] = ((1,),)

_CONSISTENCY = {1: "high", 2: "medium", 3: "low"}

_IACHAN_WEIGHTS_BY_LENGTH = {
    3: IACHAN_WEIGHTS,
    2: IACHAN_TWO_LETTER_WEIGHTS,
    1: IACHAN_ONE_LETTER_WEIGHTS,
}


def holland_code(scores: Mapping[str, float], length: int = 3) -> str:
    """The `length` letters with the highest scores, highest first.

    Equal scores (within TOLERANCE) are ordered by the hexagon, R, I, A, S, E, C, so a
    profile always has exactly one code; `ties` and `tie_code` show where that rule decided.
    """
    check_length(length)
    return _ordered_letters(scores_in_order(scores))[:length]


def ties(scores: Mapping[str, float], length: int = 3, within: float = 0.0) -> list[set[str]]:
    """The groups of two or more tied scores that affect the code of this length.

    Scores tie when equal (within TOLERANCE) or, given `within` > 0, when less than `within`
    below the highest score of their group: `Precision.tie_width` ties scores that
    measurement error cannot tell apart. A group matters when one of its letters falls
    within the first `length` places: it then decides the order of the code or which
    letters it holds. Highest scores first.
    """
    check_length(length)
    groups = _groups_in_code(scores_in_order(scores), length, within)
    return [set(group) for group in groups if len(group) > 1]


def tie_code(scores: Mapping[str, float], length: int = 3, within: float = 0.0) -> str:
    """The code with each tie that affects it written as a bracket group, e.g. "ES[IA]".

    Ties as in `ties`. A group cut by the end of the code is kept whole, so the result may
    run past `length` letters; inside a bracket the letters follow the hexagon order. This
    is the form `iachan` averages over (Iachan, 1990).
    """
    check_length(length)
    return "".join(
        f"[{''.join(group)}]" if len(group) > 1 else group[0]
        for group in _groups_in_code(scores_in_order(scores), length, within)
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


def _tie_groups(values: Sequence[float], within: float = 0.0) -> list[tuple[str, ...]]:
    """Letters grouped by tied score (see `equal_runs`), highest first; hexagon order
    within a group."""
    return [tuple(LETTERS[index] for index in run) for run in equal_runs(values, within)]


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
        elif char in POSITION:
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
def letter_set(code: str) -> frozenset[str]:
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
    shortest = min(len(letter_set(person)), len(letter_set(occupation)))
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
