"""Tests for professions.riasec: worked examples done by hand, properties, and errors.

Pure Python: no Django settings or database needed.
"""

import dataclasses
import itertools
import math
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from professions import riasec
from professions.riasec import (
    LETTERS,
    NAMES,
    Match,
    ProfessionProfile,
    biggest_difference,
    consistency,
    differentiation,
    hexagon_distance,
    holland_code,
    iachan,
    profile_shape,
    rank_professions,
    scale_scores,
    shape_correlation,
    spread,
    tie_code,
    ties,
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


# --- holland_code, ties, tie_code --------------------------------------------------------


def test_holland_code_worked_example() -> None:
    profile = scores(10, 20, 30, 90, 80, 40)  # S 90 > E 80 > C 40 > A 30 > I 20 > R 10
    assert holland_code(profile) == "SEC"
    assert holland_code(profile, 1) == "S"
    assert holland_code(profile, 6) == "SECAIR"


@pytest.mark.parametrize(
    ("profile", "code"),
    [
        (FLAT, "RIA"),  # all tied: the hexagon order R, I, A
        (scores(70, 10, 20, 30, 40, 70), "RCE"),  # R = C: R comes first on the hexagon
        (scores(0, 50, 50, 90, 10, 0), "SIA"),  # I = A for second place: I before A
        (scores(0, 0, 0, 50, 50 + 1e-12, 0), "SER"),  # 1e-12 apart counts as a tie: S first
        (scores(0, 0, 0, 50, 50 + 1e-6, 0), "ESR"),  # 1e-6 apart is a real difference
    ],
)
def test_holland_code_breaks_ties_by_hexagon_order(profile: dict, code: str) -> None:
    assert holland_code(profile) == code


@pytest.mark.parametrize("length", [0, 7, -1, True, 2.0])
def test_code_length_must_be_1_to_6(length: object) -> None:
    for function in (holland_code, ties, tie_code):
        with pytest.raises(ValueError, match="code length must be an integer 1-6"):
            function(FLAT, length)


@given(coarse_profiles | profiles, st.integers(1, 6))
def test_holland_code_lists_distinct_letters_by_score(profile: dict, length: int) -> None:
    code = holland_code(profile, length)
    assert len(code) == len(set(code)) == length
    assert code == holland_code(profile, 6)[:length]
    full = holland_code(profile, 6)
    for higher, lower in itertools.pairwise(full):  # equal within the tolerance, or above
        assert profile[higher] > profile[lower] or math.isclose(
            profile[higher], profile[lower], rel_tol=1e-9, abs_tol=1e-9
        )


SE_THEN_I_A_TIE = scores(10, 50, 50, 90, 70, 20)  # S 90, E 70, I = A 50, C 20, R 10


@pytest.mark.parametrize(
    ("profile", "length", "expected_ties", "expected_tie_code"),
    [
        # I and A tie for third place: they decide the three-letter code.
        (SE_THEN_I_A_TIE, 3, [{"I", "A"}], "SE[IA]"),
        # ...but not the two-letter code.
        (SE_THEN_I_A_TIE, 2, [], "SE"),
        # S and E tie for first place: they decide the order.
        (scores(10, 20, 50, 90, 90, 0), 3, [{"S", "E"}], "[SE]A"),
        # Tied at the bottom: no effect on three letters, but on five.
        (scores(10, 10, 50, 90, 70, 30), 3, [], "SEA"),
        (scores(10, 10, 50, 90, 70, 30), 5, [{"R", "I"}], "SEAC[RI]"),
        # Two ties, highest scores first.
        (scores(10, 50, 50, 90, 90, 0), 4, [{"S", "E"}, {"I", "A"}], "[SE][IA]"),
        # A flat profile is one big tie.
        (FLAT, 3, [set(LETTERS)], "[RIASEC]"),
    ],
)
def test_ties_and_tie_code(profile, length, expected_ties, expected_tie_code) -> None:
    assert ties(profile, length) == expected_ties
    assert tie_code(profile, length) == expected_tie_code


@given(coarse_profiles, st.integers(1, 6))
def test_ties_matter_and_tie_code_agrees_with_holland_code(profile: dict, length: int) -> None:
    code = holland_code(profile, length)
    found = ties(profile, length)
    for group in found:
        assert len(group) >= 2
        assert len({profile[letter] for letter in group}) == 1
        assert group & set(code), "a reported tie must touch the code"
    bracketed = tie_code(profile, length)
    # Without brackets the tie code reads as the code, perhaps with the rest of a cut tie.
    assert "".join(split_plain(bracketed))[:length] == code
    assert ("[" in bracketed) == bool(found)
    # ...and it is a code iachan takes, averaging over the tied orders.
    if length >= 2:
        assert iachan(bracketed, "SEA")[0] == pytest.approx(brute_force_iachan(bracketed, "SEA"))


# --- hexagon_distance and consistency ----------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("R", "R", 0),
        ("R", "I", 1),
        ("R", "C", 1),  # the hexagon wraps around: C sits next to R
        ("S", "E", 1),
        ("R", "A", 2),
        ("R", "E", 2),
        ("R", "S", 3),
        ("I", "E", 3),
        ("A", "C", 3),
    ],
)
def test_hexagon_distance(a: str, b: str, distance: int) -> None:
    assert hexagon_distance(a, b) == distance


@given(st.sampled_from(LETTERS), st.sampled_from(LETTERS))
def test_hexagon_distance_is_a_symmetric_0_to_3(a: str, b: str) -> None:
    assert hexagon_distance(a, b) == hexagon_distance(b, a)
    assert 0 <= hexagon_distance(a, b) <= 3
    assert (hexagon_distance(a, b) == 0) == (a == b)


@pytest.mark.parametrize("bad", ["X", "r", "RI", ""])
def test_hexagon_distance_rejects_non_letters(bad: str) -> None:
    with pytest.raises(ValueError, match="is not a RIASEC letter"):
        hexagon_distance(bad, "R")


@pytest.mark.parametrize(
    ("code", "level"),
    [
        ("RI", "high"),
        ("RIA", "high"),  # only the first two letters count
        ("CR", "high"),  # adjacent across the wrap
        ("SEC", "high"),
        ("RA", "medium"),
        ("AE", "medium"),
        ("IE", "low"),
        ("AC", "low"),
        ("SRI", "low"),
    ],
)
def test_consistency(code: str, level: str) -> None:
    assert consistency(code) == level


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("R", "needs at least 2 letters"),
        ("[RI]A", "has a tie bracket"),
        ("RR", "repeats a letter"),
        ("RX", "'X' in code 'RX' is neither a RIASEC letter nor a bracket"),
    ],
)
def test_consistency_rejects_bad_codes(code: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        consistency(code)


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


# --- iachan ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("person", "occupation", "m", "maximum"),
    [
        ("SEA", "SEA", 28, 28),  # 22 + 5 + 1 = 28
        ("SEA", "SEC", 27, 28),  # S-S 22 + E-E 5 = 27
        ("SEA", "ESA", 21, 28),  # S 1st/2nd 10 + E 2nd/1st 10 + A-A 1 = 21
        ("SEA", "CSE", 12, 28),  # S 1st/2nd 10 + E 2nd/3rd 2 = 12
        ("SEA", "ASE", 16, 28),  # S 1st/2nd 10 + E 2nd/3rd 2 + A 3rd/1st 4 = 16
        ("SEA", "RIC", 0, 28),  # no letter shared
        ("SEAC", "SEAR", 28, 28),  # only the first three places count
        # Two-letter variant (Iachan 1990): W = [[5, 2], [2, 1]].
        ("SE", "SE", 6, 6),  # 5 + 1 = 6
        ("SE", "ES", 4, 6),  # 2 + 2 = 4
        ("SEA", "ES", 4, 6),  # the person's code is cut to SE: 2 + 2 = 4
        ("SEA", "SC", 5, 6),  # S-S 5 = 5
        ("SE", "AS", 2, 6),  # S 1st/2nd 2 = 2
        # Ties (Iachan 1990): the average over the orders of the bracketed letters.
        ("SEI", "ES[AI]", 20.5, 28),  # SEI vs ESI = 10 + 10 + 1 = 21, vs ESA = 20; mean 20.5
        ("S[EA]", "SEC", 25.5, 28),  # SEA vs SEC = 27, SAE vs SEC = 22 + 2 = 24; mean 25.5
        ("ES[AIC]", "ESA", 82 / 3, 28),  # 1st three ESA 28, ESI 27, ESC 27 (1/3 each): 82/3
        ("[RIASEC]", "SEA", 10, 28),  # every place any letter 1/6: sum of weights 60 / 6
    ],
)
def test_iachan_m_worked_examples(person, occupation, m, maximum) -> None:
    found_m, found_maximum = iachan(person, occupation)
    assert found_m == pytest.approx(m)
    assert found_maximum == maximum


@given(bracketed_codes(), bracketed_codes())
def test_iachan_m_equals_the_published_average_over_orders(person, occupation) -> None:
    assert iachan(person, occupation)[0] == pytest.approx(brute_force_iachan(person, occupation))


@given(codes, codes)
def test_iachan_m_range_symmetry_and_maximum(person: str, occupation: str) -> None:
    m, maximum = iachan(person, occupation)
    assert 0 <= m <= maximum <= 28
    assert m == iachan(occupation, person)[0]  # symmetric, because the weights are
    own_m, own_maximum = iachan(person, person)
    assert own_m == own_maximum
    if person != occupation and len(person) == len(occupation):
        assert m < maximum


@pytest.mark.parametrize(
    ("person", "occupation", "message"),
    [
        ("", "SEA", "needs codes of one or more letters"),
        ("SE]", "SEA", r"'\]' without '\['"),
        ("SE[A", "SEA", r"'\[' without '\]'"),
        ("S[E]A", "SEA", "a tie group needs two or more letters"),
        ("S[E[AI]]", "SEA", r"nested '\['"),
        ("SES", "SEA", "repeats a letter"),
        ("S[ES]", "SEA", "repeats a letter"),
        ("sea", "SEA", "'s' in code 'sea' is neither a RIASEC letter nor a bracket"),
        ("SEA", "SE-", "'-' in code 'SE-'"),
    ],
)
def test_iachan_m_rejects_bad_codes(person: str, occupation: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        iachan(person, occupation)


@pytest.mark.parametrize(
    ("person", "occupation", "expected"),
    [("SEA", "S", (1, 1)), ("ESA", "S", (0, 1)), ("[SE]A", "S", (0.5, 1)), ("S", "S", (1, 1))],
)
def test_iachan_m_of_a_one_letter_code_is_first_letter_agreement(person, occupation, expected):
    assert iachan(person, occupation) == expected


# --- profile_shape and shape_correlation -------------------------------------------------


def test_profile_correlation_worked_example() -> None:
    a = scores(1, 2, 3, 4, 5, 6)  # mean 3.5; deviations -2.5 -1.5 -0.5 0.5 1.5 2.5; sum sq 17.5
    b = scores(1, 3, 2, 4, 6, 5)  # mean 3.5; deviations -2.5 -0.5 -1.5 0.5 2.5 1.5; sum sq 17.5
    # sum of products 6.25 + 0.75 + 0.75 + 0.25 + 3.75 + 3.75 = 15.5; r = 15.5 / 17.5 = 31/35
    assert profile_correlation(a, b) == pytest.approx(31 / 35)
    assert profile_correlation(a, a) == pytest.approx(1.0)
    assert profile_correlation(a, {k: 10 - v for k, v in a.items()}) == pytest.approx(-1.0)


@pytest.mark.parametrize(
    "flat", [FLAT, scores(0, 0, 0, 0, 0, 0), scores(50, 50, 50, 50, 50, 50 + 1e-12)]
)
def test_profile_correlation_is_none_for_a_flat_profile(flat: dict) -> None:
    varied = scores(1, 2, 3, 4, 5, 6)
    assert profile_correlation(flat, varied) is None
    assert profile_correlation(varied, flat) is None
    assert profile_correlation(flat, flat) is None


@given(profiles | coarse_profiles, profiles | coarse_profiles)
def test_profile_correlation_range_and_symmetry(a: dict, b: dict) -> None:
    r = profile_correlation(a, b)
    assert r == profile_correlation(b, a)
    assert r is None or -1 <= r <= 1
    itself = profile_correlation(a, a)  # rounding would often give 1.0000000000000002
    assert itself is None or itself <= 1
    if spread(a) == 0 or spread(b) == 0:
        assert r is None
    if spread(a) > 1e-6 and spread(b) > 1e-6:
        assert r is not None


@given(profiles, profiles, st.floats(0.01, 100), st.floats(-100, 100))
def test_profile_correlation_ignores_positive_rescaling(a, b, factor, shift) -> None:
    assume(spread(a) > 1 and spread(b) > 1)
    rescaled = {letter: value * factor + shift for letter, value in b.items()}
    flipped = {letter: -value for letter, value in b.items()}
    assert profile_correlation(a, rescaled) == pytest.approx(profile_correlation(a, b), abs=1e-9)
    assert profile_correlation(a, flipped) == pytest.approx(-profile_correlation(a, b), abs=1e-9)


def test_profile_correlation_of_a_tiny_real_difference_is_a_number() -> None:
    r = profile_correlation(scores(0, 0, 0, 0, 0, 1e-6), scores(0, 0, 0, 0, 0, 1))
    assert r == pytest.approx(1.0)  # not NaN, not None: 1e-6 is above the tolerance


# --- ProfessionProfile -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "message"),
    [("", "needs one or more letters"), ("SX", "neither a RIASEC letter"), ("S[E", "without")],
)
def test_profession_profile_checks_its_code(code: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        profession("x", code, FLAT)


def test_profession_profile_keeps_a_read_only_copy() -> None:
    source = scores(1, 2, 3, 4, 5, 6)
    job = profession("x", "CE", source)
    source["R"] = 99  # changing the caller's dict afterwards changes nothing
    assert job.profile["R"] == 1
    assert rank_professions(scores(1, 2, 3, 4, 5, 6), [job])[0].correlation == pytest.approx(1)
    with pytest.raises(TypeError):
        job.profile["R"] = 5  # type: ignore[index]
    assert job == profession("x", "CE", scores(1, 2, 3, 4, 5, 6))


# --- rank_professions --------------------------------------------------------------------

PERSON = scores(20, 30, 50, 90, 70, 10)  # code SEA; mean 45


def test_rank_professions_worked_example() -> None:
    job = profession("nurse", "EIS", scores(10, 60, 20, 80, 90, 40))  # mean 50
    [match] = rank_professions(PERSON, [job])
    # Person deviations  R -25, I -15, A  +5, S +45, E +25, C -35; sum of squares 4750.
    # Nurse deviations   R -40, I +10, A -30, S +30, E +40, C -10; sum of squares 5200.
    # Products 1000 - 150 - 150 + 1350 + 1000 + 350 = 3400; r = 3400 / sqrt(4750 * 5200)
    # = 3400 / 4969.9 = 0.6841: a good fit (0.60 to 0.80), and not the best, as 0.80 is
    # the best band's floor even for the closest profession.
    assert match.correlation == pytest.approx(3400 / math.sqrt(4750 * 5200))
    assert [band.name for band, _ in riasec.fit_bands([match])] == ["Good fit"]
    # Above their own mean in both: S (45 * 30 = 1350) and E (25 * 40 = 1000), biggest first.
    # I is above the nurse's mean but below the person's, so it drives nothing.
    assert match.drivers == ("S", "E")
    # I (-15 x +10) and A (+5 x -30) both take 150 from r: the first in hexagon order, I,
    # which the nurse's profile needs and the person scored low.
    assert biggest_difference(PERSON, job) == ("I", True)
    assert match.shared_letters == "SE"  # in the person's order SEA
    assert match.iachan_m == 14  # S 1st/3rd 4 + E 2nd/1st 10 = 14
    assert match.iachan_m_max == 28
    assert match.by_code is False


def test_the_biggest_mismatch_says_which_side_has_the_type() -> None:
    # Person deviations R -25, I -15, A +5, S +45, E +25, C -35 (PERSON).
    clerk = profession("clerk", "CE", scores(30, 40, 10, 30, 80, 90))  # mean 46.7
    artist = profession("artist", "AS", scores(20, 30, 95, 40, 30, 10))  # mean 37.5

    # C: the clerk +43.3, the person -35: the clerk needs it, the person scored it low.
    assert biggest_difference(PERSON, clerk) == ("C", True)
    # E: the person +25, the artist -7.5; S: +45 against +2.5 counts for the fit.
    assert biggest_difference(PERSON, artist) == ("E", False)
    # A flat profile has no shape, and an identical one no difference: nothing to name.
    assert biggest_difference(PERSON, profession("flat", "SEA", FLAT)) is None
    assert biggest_difference(FLAT, clerk) is None
    assert biggest_difference(PERSON, profession("twin", "SEA", PERSON)) is None


def test_rank_professions_orders_by_correlation_then_congruence_then_name() -> None:
    shape = scores(10, 20, 30, 80, 60, 40)
    jobs = [
        profession("zeta", "SEA", {k: 3 * v + 7 for k, v in shape.items()}),  # same r, M 28
        profession("alpha", "RIC", shape),  # same r, M 0
        profession("beta", "RIC", shape),  # same r and M as alpha: by name
        profession("mechanic", "RIC", {k: 100 - v for k, v in PERSON.items()}),  # r = -1
        profession("clerk", "SEA", FLAT),  # flat: by code, after every correlated one
        profession("twin", "CIR", PERSON),  # r = 1
    ]
    ranking = rank_professions(PERSON, iter(jobs))  # any iterable will do
    assert [match.profession.slug for match in ranking] == [
        "twin", "zeta", "alpha", "beta", "mechanic", "clerk",
    ]  # fmt: skip
    twin, zeta, alpha, _, mechanic, clerk = ranking
    assert twin.correlation == pytest.approx(1.0)
    # zeta's profile is 3x + 7 of alpha's: r equal up to rounding, so M decides.
    assert zeta.correlation == pytest.approx(alpha.correlation)
    assert mechanic.correlation == pytest.approx(-1.0)
    # The flat profession: M(SEA, SEA) = 28 of 28, yet ranked last.
    assert (clerk.correlation, clerk.by_code, clerk.congruence) == (None, True, 1.0)
    assert clerk.drivers == ()


@pytest.mark.parametrize(
    ("nudge", "order"),
    [
        # Lowering C by 1e-9 raises r by about 9e-12: equal within the tolerance, so M decides.
        (1e-9, ["sea", "ric"]),
        # Lowering it by 1e-6 raises r by about 9e-9: a real difference, so r decides.
        (1e-6, ["ric", "sea"]),
    ],
)
def test_correlations_within_the_tolerance_are_ranked_by_congruence(nudge, order) -> None:
    shape = scores(10, 20, 30, 80, 60, 40)
    nudged = {**shape, "C": shape["C"] - nudge}
    sea, ric = profession("sea", "SEA", shape), profession("ric", "RIC", nudged)
    assert profile_correlation(PERSON, nudged) > profile_correlation(PERSON, shape)
    assert [m.profession.slug for m in rank_professions(PERSON, [sea, ric])] == order


def test_a_flat_person_is_ranked_by_code() -> None:
    jobs = [profession("b", "SEA", PERSON), profession("a", "CE", PERSON)]
    ranking = rank_professions(FLAT, jobs)
    # Flat person: tie code [RIASEC], so each place holds each letter in 1/6 of the orders.
    # Three letters: M = (sum of all nine weights 60) / 6 = 10 of 28 = 0.357.
    # Two letters: M = (5 + 2 + 2 + 1) / 6 = 1.67 of 6 = 0.278.
    assert [(m.profession.slug, round(m.congruence, 3)) for m in ranking] == [
        ("b", 0.357),
        ("a", 0.278),
    ]
    assert all(m.by_code and m.correlation is None and m.drivers == () for m in ranking)
    [(band, members)] = riasec.fit_bands(ranking)
    assert band is riasec.BY_CODE
    assert members == ranking


def test_the_persons_ties_count_both_ways() -> None:
    # S, E, then I = A: the person's tie code is SE[IA], so SEI and SEA fit equally:
    # each is 28 for one order and 27 for the other -> 27.5.
    person = scores(10, 50, 50, 90, 70, 20)
    jobs = [profession("i", "SEI", PERSON), profession("a", "SEA", PERSON)]
    assert [match.iachan_m for match in rank_professions(person, jobs)] == [27.5, 27.5]


@given(st.lists(profiles, max_size=12), profiles, st.data())
def test_rank_professions_returns_every_profession_sorted(shapes, person, data) -> None:
    jobs = [profession(f"job{i}", data.draw(codes), shape) for i, shape in enumerate(shapes)]
    ranking = rank_professions(person, jobs)
    assert sorted(m.profession.slug for m in ranking) == sorted(j.slug for j in jobs)
    correlated = [m for m in ranking if not m.by_code]
    assert ranking[: len(correlated)] == correlated, "by-code matches come last"
    for better, worse in itertools.pairwise(correlated):
        assert better.correlation >= worse.correlation - 1e-9
        if math.isclose(better.correlation, worse.correlation, abs_tol=1e-12):
            assert congruence(better) >= congruence(worse) - 1e-9
    for better, worse in itertools.pairwise(ranking[len(correlated) :]):
        assert congruence(better) >= congruence(worse) - 1e-9
    for match in ranking:
        assert 0 <= match.iachan_m <= match.iachan_m_max
        assert match.by_code == (match.correlation is None)
        assert len(match.drivers) <= 3
        difference = biggest_difference(person, match.profession)
        assert difference is None or difference[0] not in match.drivers
        assert set(match.shared_letters) <= set(match.profession.code)
        # The letters of the person's first three places, ties whole, that the profession has.
        person_letters = riasec.leading_letters(tie_code(person))
        assert person_letters.startswith(holland_code(person)[: len(person_letters)])
        assert match.shared_letters == "".join(
            letter for letter in person_letters if letter in match.profession.code
        )
        if match.correlation is not None:
            assert -1 <= match.correlation <= 1


def congruence(match: Match) -> float:
    return match.iachan_m / match.iachan_m_max


@given(st.lists(profiles, min_size=1, max_size=8), st.data())
def test_a_persons_own_profile_ranks_that_profession_first(shapes, data) -> None:
    target = data.draw(st.integers(0, len(shapes) - 1))
    person = shapes[target]
    assume(spread(person) > 1)
    others = [shape for i, shape in enumerate(shapes) if i != target]
    assume(all((profile_correlation(person, shape) or 0) < 0.999 for shape in others))
    jobs = [profession(f"job{i}", "SEA", shape) for i, shape in enumerate(shapes)]
    first = rank_professions(person, jobs)[0]
    assert first.profession.slug == f"job{target}"
    assert first.correlation == pytest.approx(1.0)
    assert first.correlation <= 1  # rounding would often give 1.0000000000000002


def test_matches_are_frozen() -> None:
    match = rank_professions(PERSON, [profession("x", "SEA", PERSON)])[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.correlation = 0  # type: ignore[misc]


# --- Codes checked against profiles, and differentiation in words ---------------------------

PROFILE = {"R": 80, "I": 60, "A": 20, "S": 30, "E": 40, "C": 50}


@pytest.mark.parametrize(
    ("code", "valid"),
    [("EA", True), ("RIASEC", True), ("", False), ("EE", False), ("EX", False), ("ea", False)],
)
def test_is_code(code, valid):
    assert riasec.is_code(code) is valid


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        ("RIC", ""),
        ("RI", ""),
        ("IR", "Realistic (80) is higher than Investigative (60), but comes after it in the code."),
        ("RC", "Investigative (60) is higher than Conventional (50), but is left out of the code."),
    ],
)
def test_code_disagreement_names_the_scores_at_fault(code, problem):
    assert riasec.code_disagreement(code, PROFILE) == problem


def test_tied_scores_may_stand_in_either_order():
    tied = {**PROFILE, "I": 80}

    assert riasec.code_disagreement("IR", tied) == ""
    assert riasec.code_disagreement("RI", tied) == ""


@pytest.mark.parametrize(
    ("items", "value", "level"),
    [
        # Full form: within error below 2.10 x 7.91 = 16.6, high from 1.5 x 16.6 = 24.9.
        (10, 40, "high"),
        (10, 24.95, "high"),
        (10, 24.8, "medium"),
        (10, 16.7, "medium"),
        (10, 16.5, "low"),
        # Quick form: within error below 2.10 x 11.18 = 23.5, high from 35.2.
        (5, 30, "medium"),
        (5, 23.4, "low"),
        (5, 35.3, "high"),
    ],
)
def test_differentiation_level_follows_the_forms_precision(items, value, level):
    assert riasec.differentiation_level(value, riasec.Precision(items)) == level
