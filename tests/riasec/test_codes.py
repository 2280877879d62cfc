"""professions.riasec.codes: Holland codes, ties, consistency and Iachan's agreement of
codes, by worked examples, properties and errors."""

import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from professions import riasec
from professions.riasec import (
    LETTERS,
    consistency,
    hexagon_distance,
    holland_code,
    iachan,
    tie_code,
    ties,
)
from tests.riasec.helpers import (
    FLAT,
    bracketed_codes,
    brute_force_iachan,
    coarse_profiles,
    codes,
    profiles,
    scores,
    split_plain,
)

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
