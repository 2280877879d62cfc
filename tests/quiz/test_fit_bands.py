"""Fit bands, measurement error, weak signals and tie-aware codes in professions.riasec.

Pure Python: no Django settings or database needed. The bands' calibration on the real O*NET
catalog is in test_calibration.py.
"""

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from professions import riasec
from professions.riasec import (
    BANDS,
    BEST,
    BY_CODE,
    LETTERS,
    Precision,
    ProfessionProfile,
    fit_bands,
    rank_professions,
    scale_scores,
    tie_code,
    ties,
    top_pairs,
    weak_signal,
)

FULL, QUICK = Precision(10), Precision(5)


def scores(r, i, a, s, e, c) -> dict[str, float]:
    return dict(zip(LETTERS, (r, i, a, s, e, c), strict=True))


def profession(slug: str, profile: dict[str, float], code: str = "SEA") -> ProfessionProfile:
    return ProfessionProfile(slug=slug, name=slug.title(), code=code, profile=profile)


def answered(per_scale: dict[str, list[int]]) -> dict[str, float]:
    """Scores of a quiz answered as given, scale by scale."""
    answers, scale_of = {}, {}
    for letter, values in per_scale.items():
        for number, value in enumerate(values):
            answers[f"{letter}{number}"] = value
            scale_of[f"{letter}{number}"] = letter
    return scale_scores(answers, scale_of)


# --- Precision ---------------------------------------------------------------------------


def test_the_forms_precision_in_points():
    # SEM = 25 x 1 / sqrt(k): 25 points per answer step, averaged over k answers.
    assert FULL.sem == pytest.approx(7.906, abs=1e-3)
    assert QUICK.sem == pytest.approx(11.180, abs=1e-3)
    # Two scores closer than sqrt(2) x SEM cannot be told apart.
    assert FULL.tie_width == pytest.approx(11.18, abs=1e-2)
    assert QUICK.tie_width == pytest.approx(15.81, abs=1e-2)
    assert FULL.weak_differentiation == pytest.approx(16.60, abs=1e-2)
    assert QUICK.weak_differentiation == pytest.approx(23.48, abs=1e-2)
    # The best band reaches .0062 x SEM below the closest profession.
    assert FULL.best_margin == pytest.approx(0.049, abs=1e-3)
    assert QUICK.best_margin == pytest.approx(0.069, abs=1e-3)
    assert FULL.best_margin == riasec.BEST_MARGIN


def test_the_flat_profile_threshold_is_the_95th_percentile_of_pure_noise():
    rng = random.Random(2026)
    draws = sorted(
        riasec.differentiation({letter: rng.gauss(0, 1) for letter in LETTERS})
        for _ in range(100_000)
    )
    assert draws[95_000] == pytest.approx(riasec.FLAT_DIFFERENTIATION_95, abs=0.03)


# --- Weak signals ------------------------------------------------------------------------


def test_unsure_throughout_but_one_like_is_within_measurement_error():
    # The taker: Unsure (3) to 59 items, Like (4) to one Enterprising item.
    taker = answered({letter: [3] * 10 for letter in LETTERS} | {"E": [4] + [3] * 9})
    assert taker["E"] == 52.5
    assert riasec.differentiation(taker) == 2.5
    assert weak_signal(taker, FULL) == "undifferentiated"


def test_one_strongly_like_among_likes_is_within_measurement_error():
    taker = answered({letter: [4] * 5 for letter in LETTERS} | {"A": [5] + [4] * 4})
    assert taker["A"] == 80
    assert weak_signal(taker, QUICK) == "undifferentiated"


def test_every_score_below_unsure_is_a_low_profile_however_clear():
    # Disliked nearly everything, Enterprising least: a clear shape, but no real interest.
    taker = scores(0, 0, 5, 0, 45, 10)
    assert riasec.differentiation(taker) > 2 * FULL.weak_differentiation
    assert weak_signal(taker, FULL) == "low"


def test_a_clear_profile_is_no_weak_signal():
    # Differentiation 80 - (60 + 30) / 2 = 35: above 16.6 (full) and 23.5 (quick).
    taker = scores(20, 10, 60, 30, 80, 40)
    assert weak_signal(taker, FULL) == weak_signal(taker, QUICK) == ""
    # The same shape flattened to differentiation 17.5 is clear on the full form only.
    flatter = {letter: 50 + (value - 50) / 2 for letter, value in taker.items()}
    assert riasec.differentiation(flatter) == 17.5
    assert weak_signal(flatter, FULL) == ""
    assert weak_signal(flatter, QUICK) == "undifferentiated"


# --- Tie-aware codes ---------------------------------------------------------------------


def test_equal_scores_give_both_orders_and_both_consistencies():
    # The example: S 100, R 75, E 75. The code is S[RE], not SRE: S-R is opposite
    # on the hexagon (low), S-E adjacent (high), and which comes second is not known.
    taker = scores(75, 10, 20, 100, 75, 30)
    assert tie_code(taker) == "S[RE]"
    assert top_pairs(tie_code(taker)) == [("S", "R", "low"), ("S", "E", "high")]


def test_scores_within_measurement_error_tie():
    taker = scores(20, 30, 40, 90, 80, 70)  # S 90, E 80, C 70
    assert tie_code(taker) == "SEC"  # no two scores are equal
    # Full form: E is 10 below S (< 11.2), C 20 below (not): "[SE]C".
    assert tie_code(taker, within=FULL.tie_width) == "[SE]C"
    assert ties(taker, within=FULL.tie_width) == [{"S", "E"}]
    # Quick form: 15.8 ties S and E, and C is 20 below the group's top, S, so stands alone.
    assert tie_code(taker, within=QUICK.tie_width) == "[SE]C"
    # A group is measured from its highest score, so near ties do not chain:
    # 90, 80, 70 with width 15 give [SE] then C, not [SEC].
    assert tie_code(taker, within=15) == "[SE]C"
    assert tie_code(taker, within=20.5) == "[SEC]"


@pytest.mark.parametrize(
    ("code", "pairs"),
    [
        ("SEA", [("S", "E", "high")]),
        ("[SE]A", [("S", "E", "high")]),
        ("S[RE]", [("S", "R", "low"), ("S", "E", "high")]),
        ("[RAS]", [("R", "A", "medium"), ("R", "S", "low"), ("A", "S", "high")]),
        ("E", []),
    ],
)
def test_top_pairs_take_every_order_a_tie_allows(code, pairs):
    assert top_pairs(code) == pairs


@pytest.mark.parametrize(
    ("code", "leading"),
    [
        ("SEA", "SEA"),
        ("S[RE]", "SRE"),
        ("[AE][RISC]", "AE"),
        ("E[RIASC]", "E"),
        ("[RIASEC]", "RIASEC"),
    ],
)
def test_leading_letters_leave_out_a_tie_cut_by_the_third_place(code, leading):
    assert riasec.leading_letters(code) == leading


def test_shared_letters_count_only_the_leading_letters():
    # E clearly first, the other five within 11.2 points of each other: E[RIASC] on the full
    # form. Only E is known to be among the taker's top three, so only E is shared.
    taker = scores(50, 48, 52, 45, 90, 47)
    assert tie_code(taker, within=FULL.tie_width) == "E[RIASC]"
    [match] = rank_professions(taker, [profession("ea", taker, code="EA")], FULL.tie_width)
    assert match.shared_letters == "E"


# --- Fit bands ---------------------------------------------------------------------------


def test_bands_worked_example():
    person = scores(10, 20, 30, 80, 60, 40)
    # Shapes chosen by their r with the person, computed below and checked.
    jobs = {
        "twin": person,  # r = 1
        "close": scores(10, 20, 30, 80, 70, 40),  # r .991: within .05 of the best
        "edge": scores(20, 20, 30, 80, 75, 30),  # r .947: just outside, a great fit
        "next": scores(40, 20, 30, 80, 60, 40),  # r .884: great
        "half": scores(60, 20, 30, 80, 60, 60),  # r .654: good
        "part": scores(60, 20, 50, 80, 40, 40),  # r .488: some
        "opposite": {k: 100 - v for k, v in person.items()},  # r -1
    }
    ranked = rank_professions(person, [profession(slug, p) for slug, p in jobs.items()])
    r = {m.profession.slug: round(m.correlation, 3) for m in ranked}
    assert r == {
        "twin": 1.0, "close": 0.991, "edge": 0.947, "next": 0.884, "half": 0.654,
        "part": 0.488, "opposite": -1.0,
    }  # fmt: skip
    bands = [
        (band.name, [m.profession.slug for m in members]) for band, members in fit_bands(ranked)
    ]
    assert bands == [
        ("Best fit", ["close", "twin"]),  # equals: by code agreement (the same), then name
        ("Great fit", ["edge", "next"]),
        ("Good fit", ["half"]),
        ("Some fit", ["part"]),
        ("Little in common", ["opposite"]),
    ]


def test_a_weak_signal_gets_no_band_at_all():
    person = scores(10, 20, 30, 80, 60, 40)
    jobs = [profession("twin", person), profession("half", scores(60, 20, 30, 80, 60, 60))]
    ranked = rank_professions(person, jobs)
    assert fit_bands(ranked, weak=True) == [(riasec.TENTATIVE, ranked)]  # in rank order
    assert fit_bands([], weak=True) == []
    # A flat profile has no correlation at all: compared by code, as without a weak signal.
    flat = rank_professions(dict.fromkeys(LETTERS, 50), jobs)
    assert [band for band, _ in fit_bands(flat, weak=True)] == [BY_CODE]


def test_the_best_band_reaches_further_on_the_quick_form():
    person = scores(10, 20, 30, 80, 60, 40)
    # r .947: within the quick form's .069 of the twin's 1.0, not within the full form's .049.
    jobs = [profession("twin", person), profession("edge", scores(20, 20, 30, 80, 75, 30))]
    ranked = rank_professions(person, jobs)
    assert [len(members) for _, members in fit_bands(ranked, margin=FULL.best_margin)] == [1, 1]
    [(band, members)] = fit_bands(ranked, margin=QUICK.best_margin)
    assert band is BEST
    assert len(members) == 2


def test_the_best_band_needs_a_close_profession():
    # The closest profession correlates .70: no best band at all, only good fits.
    person = scores(10, 20, 30, 80, 60, 40)
    ranked = rank_professions(person, [profession("half", scores(60, 20, 30, 80, 60, 40))])
    assert [band.name for band, _ in fit_bands(ranked)] == ["Good fit"]


def test_within_a_band_code_agreement_comes_before_the_name():
    person = scores(10, 20, 30, 80, 60, 40)  # code SEC
    jobs = [profession("a", person, code="RIA"), profession("b", person, code="SEC")]
    [(band, members)] = fit_bands(rank_professions(person, jobs))
    assert band is BEST
    assert [m.profession.slug for m in members] == ["b", "a"]


profiles = st.fixed_dictionaries(dict.fromkeys(LETTERS, st.integers(0, 100)))


@given(profiles, st.lists(profiles, max_size=15))
def test_every_match_lands_in_one_band_by_its_correlation(person, shapes):
    jobs = [profession(f"job{i:02d}", shape) for i, shape in enumerate(shapes)]
    ranked = rank_professions(person, jobs)
    bands = fit_bands(ranked)
    members = [m for _, band_members in bands for m in band_members]
    assert sorted(m.profession.slug for m in members) == sorted(j.slug for j in jobs)
    order = [BEST, *BANDS, BY_CODE]
    assert [order.index(band) for band, _ in bands] == sorted(order.index(b) for b, _ in bands)
    assert all(band_members for _, band_members in bands), "no empty band is listed"
    top = max((m.correlation for m in ranked if m.correlation is not None), default=None)
    for band, band_members in bands:
        for match in band_members:
            r = match.correlation
            if band is BY_CODE:
                assert r is None
            elif band is BEST:
                assert r >= max(0.80, top - riasec.BEST_MARGIN) - 1e-9
            else:
                assert r >= band.floor - 1e-9
                assert r < max(0.80, top - riasec.BEST_MARGIN) + 1e-9, "belongs in best"
                higher = order[order.index(band) - 1]
                assert higher is BEST or r < higher.floor + 1e-9
        congruences = [round(m.congruence, 9) for m in band_members]
        assert congruences == sorted(congruences, reverse=True)


def test_banded_matches_apply_the_forms_precision_in_one_place():
    person = scores(10, 20, 30, 80, 60, 40)
    # r .947 with "edge": inside the quick form's best band (.069), outside the full form's.
    jobs = [profession("twin", person), profession("edge", scores(20, 20, 30, 80, 75, 30))]
    full = riasec.banded_matches(person, jobs, FULL)
    quick = riasec.banded_matches(person, jobs, QUICK)
    assert [(band.name, len(members)) for band, members in full] == [
        ("Best fit", 1),
        ("Great fit", 1),
    ]
    assert [(band.name, len(members)) for band, members in quick] == [("Best fit", 2)]
    # A weak signal claims no band, whatever the form.
    flatish = {**dict.fromkeys(LETTERS, 75.0), "S": 77.5}
    assert [band for band, _ in riasec.banded_matches(flatish, jobs, FULL)] == [riasec.TENTATIVE]
