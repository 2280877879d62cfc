"""What the engine's tests share: profiles by hand, Hypothesis strategies, and a slow but
obviously right Iachan's M to check the fast one against."""

import itertools
import re

from hypothesis import strategies as st

from professions.riasec import (
    LETTERS,
    ProfessionProfile,
    profile_shape,
    shape_correlation,
)


def scores(r: float, i: float, a: float, s: float, e: float, c: float) -> dict[str, float]:
    return {"R": r, "I": i, "A": a, "S": s, "E": e, "C": c}


def profession(slug: str, code: str, profile: dict[str, float]) -> ProfessionProfile:
    return ProfessionProfile(slug=slug, name=slug.title(), code=code, profile=profile)


def profile_correlation(a: dict[str, float], b: dict[str, float]) -> float | None:
    """Pearson's r between two score dicts, in the engine's two steps."""
    return shape_correlation(profile_shape(a), profile_shape(b))


FLAT = scores(40, 40, 40, 40, 40, 40)

# --- Strategies and a reference implementation -------------------------------------------

score_values = st.floats(min_value=0, max_value=100, allow_nan=False)
profiles = st.fixed_dictionaries(dict.fromkeys(LETTERS, score_values))
# Small whole numbers tie often, which exercises the tie rules.
coarse_profiles = st.fixed_dictionaries(dict.fromkeys(LETTERS, st.integers(0, 4)))
three_letter_codes = st.permutations(LETTERS).map(lambda order: "".join(order[:3]))
two_letter_codes = st.permutations(LETTERS).map(lambda order: "".join(order[:2]))
codes = three_letter_codes | two_letter_codes


@st.composite
def bracketed_codes(draw: st.DrawFn) -> str:
    """A code of 2-5 letters cut into groups of 1-3; groups of two or three are ties.

    Small groups keep the brute-force average below fast: a group of k has k! orders.
    """
    letters = "".join(draw(st.permutations(LETTERS))[: draw(st.integers(2, 5))])
    groups: list[str] = []
    while letters:
        size = draw(st.integers(1, min(3, len(letters))))
        groups.append(letters[:size])
        letters = letters[size:]
    return "".join(group if len(group) == 1 else f"[{group}]" for group in groups)


def groups_of(code: str) -> list[str]:
    """ "ES[AI]" -> ["E", "S", "AI"]."""
    return [bracketed or single for bracketed, single in re.findall(r"\[(\w+)\]|(\w)", code)]


def split_plain(code: str) -> list[str]:
    return [letter for group in groups_of(code) for letter in group]


def brute_force_iachan(person: str, occupation: str) -> float:
    """Iachan's M as published: the average over every order of the tied letters, each
    order scored on its first three (two) places with the weight matrix (Iachan 1984, 1990).
    """

    def orders(code: str) -> list[str]:
        per_group = [map("".join, itertools.permutations(group)) for group in groups_of(code)]
        return ["".join(parts) for parts in itertools.product(*per_group)]

    places = min(len(split_plain(person)), len(split_plain(occupation)), 3)
    weights = [[22, 10, 4], [10, 5, 2], [4, 2, 1]] if places == 3 else [[5, 2], [2, 1]]
    values = [
        sum(
            weights[i][j]
            for i, a in enumerate(p[:places])
            for j, b in enumerate(o[:places])
            if a == b
        )
        for p in orders(person)
        for o in orders(occupation)
    ]
    return sum(values) / len(values)
