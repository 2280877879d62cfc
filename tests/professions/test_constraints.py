"""The Holland-code checks that migrations build by calling professions/constraints.py.

Applied migrations must not change meaning. If the function's rule ever changes, a test here
fails: then freeze the old rule in those migrations (the condition written out) and add a
migration for the new one, before changing the digests below.
"""

from hashlib import sha256

import pytest

from professions import riasec
from professions.constraints import holland_code_agrees_with_profile

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
