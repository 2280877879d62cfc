"""The database's own check that a Holland code agrees with its profile.

Written as a check constraint so that no write path (admin, fixtures, importers, raw
`update()`) can store a code the profile contradicts. With pos(X) the 1-based position of
letter X in the code (0 when absent) and score(X) its interest level:

- well formed: the code has `shortest` to 3 characters, each a distinct letter of RIASEC;
  that is, its length equals the number of RIASEC letters found in it. Professions take
  O*NET's codes, which have one to three letters; quiz results always have three;
- ordered: for every two letters X and Y, when X is in the code and Y is either absent or
  listed after X, then score(X) >= score(Y). Equal scores may stand in either order, so a
  code taken from another classification (e.g. O*NET's high points) is accepted.
"""

from collections.abc import Iterable, Mapping
from itertools import permutations

from django.db.models import Case, CheckConstraint, F, Q, Value, When
from django.db.models.functions import Length, StrIndex
from django.db.models.lookups import (
    Exact,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
)


def each_from_0_to_100(fields: Iterable[str], name: str) -> list[CheckConstraint]:
    """A database check for each field that it holds 0 to 100 (an interest level or score),
    named by `name` with the field put in for {field}."""
    return [
        CheckConstraint(
            condition=Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
            name=name.format(field=field),
        )
        for field in fields
    ]


def one_of_the_choices(field: str, choices, name: str) -> CheckConstraint:
    """A database check that `field` holds one of its choices' values."""
    return CheckConstraint(
        condition=Q(**{f"{field}__in": [value for value, _ in choices]}), name=name
    )


def holland_code_agrees_with_profile(
    code_field: str, score_fields: Mapping[str, str], *, shortest: int
) -> Q:
    """The condition for a CheckConstraint; score_fields maps each letter to its field and
    `shortest` is the fewest letters a code may have."""
    position = {letter: StrIndex(code_field, Value(letter)) for letter in score_fields}
    letters_found = sum(
        (
            Case(When(GreaterThan(pos, 0), then=Value(1)), default=Value(0))
            for pos in position.values()
        ),
        start=Value(0),
    )
    condition = (
        Q(GreaterThanOrEqual(Length(code_field), shortest))
        & Q(LessThanOrEqual(Length(code_field), 3))
        & Q(Exact(Length(code_field), letters_found))
    )
    for x, y in permutations(score_fields, 2):
        condition &= (
            Q(Exact(position[x], 0))
            | Q(GreaterThan(position[y], 0), LessThan(position[y], position[x]))
            | Q(GreaterThanOrEqual(F(score_fields[x]), F(score_fields[y])))
        )
    return condition
