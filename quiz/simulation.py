"""How stable a result is on a retest, simulated: the same person answers the quiz twice.

The model. A person's true interest in each type is a profile on 0-100, here an O*NET
occupation's. Each answer to an item of scale L is the true level on the answer scale,
1 + 4 x level / 100, plus independent normal noise of SD riasec.ANSWER_ERROR (one answer
step), rounded to the nearest answer and kept within 1-5. Items of a scale are alike, so the
figures show what measurement error alone does; real items that differ in difficulty or
wording add to it. The person's own occupation is left out of the professions they are
matched against, since no real taker's profile is exactly an occupation's.

What is compared between the two takings: the code's first letter; the best band (see
riasec.fit_bands), as the share of the first taking's best band that the retest's holds
too; the first ten matches a results page shows, in band order; and how often a taking is a
weak signal (riasec.weak_signal), whose results page claims no band at all. How far r
strays: for the CLOSEST professions to each person's true profile, the standard deviation
of each taking's r with them less the true r, which riasec.R_ERROR_PER_SEM rests on.
Cronbach's alpha and the SEM of each scale come from quiz/psychometrics.py over the first
takings.

Pure Python with no Django imports; `manage.py simulate_retest` runs it on the catalog.
"""

import random
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from professions import riasec
from quiz.psychometrics import scale_statistics

SHOWN = 10  # matches a results page shows first
CLOSEST = 20  # professions closest to a person's true profile, for how far r strays


@dataclass(frozen=True)
class RetestFigures:
    items_per_scale: int
    people: int
    first_letter_repeats: float  # share of people whose first letter is the same on retest
    best_band_size: float  # median size of the best band, over takings that have one
    best_band_kept: float  # mean share of a best band found again in the retest's
    shown_kept: float  # mean number of the first ten shown found again in the retest's ten
    weak_share: float  # share of takings that are a weak signal
    r_error: float  # SD of a taking's r less the true r, over each person's CLOSEST
    alphas: dict[str, float]  # Cronbach's alpha of each scale, first takings
    sems: dict[str, float]  # SD x sqrt(1 - alpha) of each scale, first takings


def answers(
    profile: Mapping[str, float], items_per_scale: int, rng: random.Random
) -> dict[str, int]:
    """One taking's answers, keyed "R01".."C10", as the module docstring's model gives them."""
    taken = {}
    for letter in riasec.LETTERS:
        expected = 1 + 4 * profile[letter] / 100
        for number in range(1, items_per_scale + 1):
            answer = round(expected + rng.gauss(0, riasec.ANSWER_ERROR))
            taken[f"{letter}{number:02d}"] = min(5, max(1, answer))
    return taken


def simulate_retest(
    people: Sequence[riasec.ProfessionProfile],
    professions: Sequence[riasec.ProfessionProfile],
    items_per_scale: int,
    seed: int = 1,
) -> RetestFigures:
    """Each of `people` (their profiles as true interests) takes the form twice and is
    matched against `professions`, leaving out their own; reproducible for a given seed."""
    rng = random.Random(seed)
    precision = riasec.Precision(items_per_scale)
    scale_of = {
        f"{letter}{number:02d}": letter
        for letter in riasec.LETTERS
        for number in range(1, items_per_scale + 1)
    }
    first_takings, same_letter, sizes, kept, shown_kept, weak = [], 0, [], [], [], 0
    r_errors: list[float] = []
    for person in people:
        others = [profession for profession in professions if profession.slug != person.slug]
        closest = riasec.rank_professions(person.profile, others)[:CLOSEST]
        true_r = {match.profession.slug: match.correlation for match in closest}
        takings = []
        for taking in range(2):
            taken = answers(person.profile, items_per_scale, rng)
            if taking == 0:
                first_takings.append(taken)
            scores = riasec.scale_scores(taken, scale_of)
            weak += bool(riasec.weak_signal(scores, precision))
            bands = riasec.banded_matches(scores, others, precision)
            r_errors.extend(
                match.correlation - true_r[match.profession.slug]
                for _, members in bands
                for match in members
                if match.profession.slug in true_r and match.correlation is not None
            )
            best = {m.profession.slug for band, ms in bands if band is riasec.BEST for m in ms}
            shown = [m.profession.slug for _, ms in bands for m in ms][:SHOWN]
            takings.append((riasec.holland_code(scores)[0], best, shown))
        (letter, best, shown), (retest_letter, retest_best, retest_shown) = takings
        same_letter += letter == retest_letter
        sizes.extend(len(band) for band in (best, retest_best) if band)
        if best:
            kept.append(len(best & retest_best) / len(best))
        shown_kept.append(len(set(shown) & set(retest_shown)))
    stats = scale_statistics(
        first_takings,
        {letter: [c for c, s in scale_of.items() if s == letter] for letter in riasec.LETTERS},
    )
    count = len(people)
    return RetestFigures(
        items_per_scale=items_per_scale,
        people=count,
        first_letter_repeats=same_letter / count,
        best_band_size=statistics.median(sizes) if sizes else 0,
        best_band_kept=statistics.mean(kept) if kept else 0.0,
        shown_kept=statistics.mean(shown_kept),
        weak_share=weak / (2 * count),
        r_error=statistics.pstdev(r_errors) if r_errors else 0.0,
        alphas={scale.scale: scale.alpha for scale in stats},
        sems={scale.scale: scale.sem for scale in stats},
    )
