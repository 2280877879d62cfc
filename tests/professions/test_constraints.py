"""The Holland-code checks that migrations build by calling professions/constraints.py.

Applied migrations must not change meaning. If the function's rule ever changes, a test here
fails: then freeze the old rule in those migrations (the condition written out) and add a
migration for the new one, before changing the digests below.
"""

from hashlib import sha256

import pytest
from django.core.exceptions import ValidationError

from professions import riasec
from professions.constraints import holland_code_agrees_with_profile
from professions.models import Profession

# Digests of the conditions as the migrations first wrote them out, 18 KB long each: codes of
# two or three letters (professions 0001 and quiz 0001), one to three (professions 0006).
CONDITIONS = {
    2: "21c53ea3a42ca07d8850752e99f6e1218851d871fb885de782235418198d6138",
    1: "a20028e29b9316a49f937a3144f99a927d3fa38fdb8c3b510143a5fc8dc12a71",
}


@pytest.mark.parametrize("shortest", sorted(CONDITIONS))
def test_the_holland_code_check_is_the_one_the_migrations_made(shortest):
    condition = holland_code_agrees_with_profile("holland_code", riasec.FIELDS, shortest=shortest)

    digest = sha256(repr(condition.deconstruct()).encode()).hexdigest()

    assert digest == CONDITIONS[shortest]


@pytest.mark.django_db
def test_the_checks_model_validation_skips_are_real_and_made_before_the_database():
    """Profession.CHECKED_BEFORE_THE_DATABASE names constraints that field validators, choices
    or clean() already check: each must exist, and a bad value must still be refused with a
    form-style error, not reach the database."""
    names = {constraint.name for constraint in Profession._meta.constraints}
    assert names >= Profession.CHECKED_BEFORE_THE_DATABASE
    profession = Profession(
        slug="compare",
        name="X",
        realistic=120,
        investigative=0,
        artistic=0,
        social=0,
        enterprising=0,
        conventional=0,
        holland_code="IR",
        job_zone=9,
        origin="other",
    )
    with pytest.raises(ValidationError) as refused:
        profession.full_clean()
    assert {"slug", "realistic", "job_zone", "origin"} <= refused.value.message_dict.keys()
