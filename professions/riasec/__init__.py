"""Holland-code (RIASEC) scoring, profile indices and profession ranking.

Holland's theory (Holland, J. L., 1997, *Making Vocational Choices*, 3rd ed., PAR) describes
people and work environments by six interest types: Realistic, Investigative, Artistic,
Social, Enterprising and Conventional. This package is the whole of CareerFit's RIASEC
maths, in pure Python with no Django import (a contract in pyproject.toml holds it to that),
the bottom layer that every other module stands on:

- `letters`: the six types, their names and fields, and the checks the rest shares;
- `codes`: Holland codes from a profile, ties, consistency, Iachan's agreement of two codes;
- `scoring`: scale scores from answers, differentiation, measurement error, weak signals;
- `ranking`: the shape correlation of two profiles and the professions ranked by it;
- `bands`: the ranked professions grouped into what measurement error lets a taker be told.

Each formula is stated, with its source, where it is computed. Everything public is named
here, so callers write `from professions import riasec` and `riasec.holland_code(...)`.
"""

from professions.riasec.bands import (
    BANDS,
    BEST,
    BEST_FLOOR,
    BEST_MARGIN,
    BY_CODE,
    TENTATIVE,
    Band,
    banded_matches,
    fit_bands,
)
from professions.riasec.codes import (
    IACHAN_ONE_LETTER_WEIGHTS,
    IACHAN_TWO_LETTER_WEIGHTS,
    IACHAN_WEIGHTS,
    code_disagreement,
    code_groups,
    code_letters,
    consistency,
    holland_code,
    iachan,
    is_code,
    leading_letters,
    tie_code,
    ties,
    top_pairs,
)
from professions.riasec.letters import (
    DESCRIPTIONS,
    FIELDS,
    LETTERS,
    NAMES,
    TOLERANCE,
    hexagon_distance,
)
from professions.riasec.ranking import (
    Match,
    ProfessionProfile,
    biggest_difference,
    profile_shape,
    rank_professions,
    shape_correlation,
)
from professions.riasec.scoring import (
    ANSWER_ERROR,
    FLAT_DIFFERENTIATION_95,
    LOW_INTEREST,
    R_ERROR_PER_SEM,
    Precision,
    differentiation,
    differentiation_level,
    scale_scores,
    spread,
    weak_signal,
)

__all__ = [
    "ANSWER_ERROR",
    "BANDS",
    "BEST",
    "BEST_FLOOR",
    "BEST_MARGIN",
    "BY_CODE",
    "DESCRIPTIONS",
    "FIELDS",
    "FLAT_DIFFERENTIATION_95",
    "IACHAN_ONE_LETTER_WEIGHTS",
    "IACHAN_TWO_LETTER_WEIGHTS",
    "IACHAN_WEIGHTS",
    "LETTERS",
    "LOW_INTEREST",
    "NAMES",
    "R_ERROR_PER_SEM",
    "TENTATIVE",
    "TOLERANCE",
    "Band",
    "Match",
    "Precision",
    "ProfessionProfile",
    "banded_matches",
    "biggest_difference",
    "code_disagreement",
    "code_groups",
    "code_letters",
    "consistency",
    "differentiation",
    "differentiation_level",
    "fit_bands",
    "hexagon_distance",
    "holland_code",
    "iachan",
    "is_code",
    "leading_letters",
    "profile_shape",
    "rank_professions",
    "scale_scores",
    "shape_correlation",
    "spread",
    "tie_code",
    "ties",
    "top_pairs",
    "weak_signal",
]
