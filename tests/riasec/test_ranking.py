"""professions.riasec.ranking: the shape correlation of two profiles and the professions
ranked by it, by worked examples, properties and errors."""

import dataclasses
import itertools
import math

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from professions import riasec
from professions.riasec import (
    Match,
    biggest_difference,
    holland_code,
    rank_professions,
    spread,
    tie_code,
)
from tests.riasec.helpers import (
    FLAT,
    coarse_profiles,
    codes,
    profession,
    profile_correlation,
    profiles,
    scores,
)

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
